"""Urdu for the examinations pages (see urdu.py): the student's exam schedule and roll number
slip, the public copy of a slip, the verification page of a document's QR code, and the
examinations department's exam centres, date sheets and documents. Course titles, centre
names and addresses, codes (BED15, ISB-01, BO680724) and an officer's reason for a
revocation stay as they are."""
from gateway.translations.urdu_admissions import ltr

REGNO, ISO_DAY = ltr("22P-123456"), ltr("2026-12-09")

EXAMS = {
    # the dashboard's tile, the home page and the console
    "Your roll number, exam centre and papers, and your roll number slip to print, once your registration is "
    "confirmed.":
        "رجسٹریشن پکی ہونے پر آپ کا رول نمبر، امتحانی مرکز، پرچے اور پرنٹ کرنے کے لیے رول نمبر سلپ۔",
    "My exam schedule": "میرا امتحانی شیڈول",
    "Roll number slip": "رول نمبر سلپ",
    "Print your slip with your programme code, semester and registration number.":
        "اپنے پروگرام کے کوڈ، سمسٹر اور رجسٹریشن نمبر سے اپنی سلپ پرنٹ کریں۔",
    "Verify a document": "دستاویز کی تصدیق",
    "Check that a roll number slip or other document was issued by the university.":
        "جانچیں کہ رول نمبر سلپ یا کوئی اور دستاویز یونیورسٹی نے جاری کی ہے۔",
    "Exam centres: seats and candidates": "امتحانی مراکز: نشستیں اور امیدوار",
    "Date sheets: papers of each programme": "ڈیٹ شیٹس: ہر پروگرام کے پرچے",
    "Documents issued to a student: see or revoke": "طالب علم کو جاری دستاویزات: دیکھیں یا منسوخ کریں",
    # the student's exam schedule
    "Your exam schedule cannot be shown right now. Please try again in a little while.":
        "آپ کا امتحانی شیڈول اس وقت دکھایا نہیں جا سکتا۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "No roll number for %(semester)s": "%(semester)s کا کوئی رول نمبر نہیں",
    "No roll number yet": "ابھی رول نمبر جاری نہیں ہوا",
    "Your roll number, exam centre and roll number slip are issued once your course registration is confirmed, "
    "that is once its fee challan is paid.":
        "آپ کا رول نمبر، امتحانی مرکز اور رول نمبر سلپ کورس رجسٹریشن پکی ہونے پر، یعنی اس کے فیس چالان کی ادائیگی "
        "کے بعد، جاری ہوتے ہیں۔",
    "Examination %(semester)s": "امتحان %(semester)s",
    "Roll number": "رول نمبر",
    "Exam centre": "امتحانی مرکز",
    "To be announced: every centre of your region is full. Your regional office will tell you your centre.":
        "بعد میں بتایا جائے گا: آپ کے علاقے کے تمام مراکز بھر چکے ہیں۔ آپ کا علاقائی دفتر آپ کو آپ کا مرکز بتائے گا۔",
    "Download my roll number slip (PDF)": "میری رول نمبر سلپ ڈاؤن لوڈ کریں (PDF)",
    "Print the slip and bring it with your original CNIC (or B-form) to every paper: without them you will not "
    "be allowed to sit the paper.":
        "سلپ پرنٹ کریں اور ہر پرچے میں اسے اپنے اصل شناختی کارڈ (یا ب فارم) کے ساتھ لائیں: ان کے بغیر آپ کو پرچہ "
        "دینے کی اجازت نہیں ہو گی۔",
    "My papers": "میرے پرچے",
    "My papers in %(semester)s": "%(semester)s میں میرے پرچے",
    "Paper": "پرچہ",
    "Date and time": "تاریخ اور وقت",
    "To be announced": "بعد میں بتایا جائے گا",
    "Times are Pakistan time. Reach the centre 30 minutes before each paper starts.":
        "اوقات پاکستانی وقت کے مطابق ہیں۔ ہر پرچہ شروع ہونے سے 30 منٹ پہلے مرکز پہنچیں۔",
    "The date sheet for your papers is not out yet.": "آپ کے پرچوں کی ڈیٹ شیٹ ابھی جاری نہیں ہوئی۔",
    # the public copy of a slip
    "Print your roll number slip with your programme code, the semester of the exams and your registration number. "
    "You do not need to sign in.":
        "اپنے پروگرام کے کوڈ، امتحان کے سمسٹر اور اپنے رجسٹریشن نمبر سے اپنی رول نمبر سلپ پرنٹ کریں۔ سائن اِن کرنے "
        "کی ضرورت نہیں۔",
    "This copy is also valid to appear in exam centres.": "یہ کاپی بھی امتحانی مراکز میں پیش ہونے کے لیے کارآمد ہے۔",
    "As on your admission letter, like BED15.": "جیسا آپ کے داخلہ خط پر ہے، جیسے BED15",
    "Enter your programme's code.": "اپنے پروگرام کا کوڈ لکھیں۔",
    "The semester of the exams, like Spring 2026.": "امتحان کا سمسٹر، جیسے Spring 2026",
    "Like 22P-123456.": f"جیسے {REGNO}",
    "A programme code is letters and digits, like BED15.":
        "پروگرام کا کوڈ حروف اور ہندسوں پر مشتمل ہوتا ہے، جیسے BED15",
    "Get my slip (PDF)": "میری سلپ حاصل کریں (PDF)",
    "No roll number slip matches this programme, semester and registration number. Check all three against your "
    "admission letter; a slip is issued once your registration is confirmed (its fee paid).":
        "اس پروگرام، سمسٹر اور رجسٹریشن نمبر کی کوئی رول نمبر سلپ نہیں ملی۔ تینوں کو اپنے داخلہ خط سے ملا لیں؛ سلپ "
        "رجسٹریشن پکی ہونے (فیس ادا ہونے) کے بعد جاری ہوتی ہے۔",
    "Slips cannot be printed right now. Please try again in a little while.":
        "سلپس اس وقت پرنٹ نہیں ہو سکتیں۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "Students who have signed in find their slip under My exam schedule.":
        "سائن اِن کرنے والے طلبہ اپنی سلپ \"میرا امتحانی شیڈول\" میں پائیں گے۔",
    # the verification page
    "Genuine": "اصلی",
    "Revoked": "منسوخ",
    "Revocation": "منسوخی",
    "This document was issued by the university and is valid.": "یہ دستاویز یونیورسٹی نے جاری کی ہے اور کارآمد ہے۔",
    "This document was issued by the university but has been revoked: it is no longer valid.":
        "یہ دستاویز یونیورسٹی نے جاری کی تھی لیکن منسوخ ہو چکی ہے: اب یہ کارآمد نہیں۔",
    "Date": "تاریخ",
    "A newer copy of this document was issued: only that copy is valid.":
        "اس دستاویز کی نئی کاپی جاری ہو چکی ہے: صرف وہی کاپی کارآمد ہے۔",
    "Semesters with results": "نتائج والے سمسٹر",
    "Last semester": "آخری سمسٹر",
    "CGPA": "سی جی پی اے",
    "Issued on": "تاریخِ اجرا",
    "Issued by": "جاری کنندہ",
    "Controller of Examinations": "کنٹرولر امتحانات",
    "Serial number": "سیریل نمبر",
    "Compare these with the paper in front of you: a genuine document shows the same facts. The name is partly "
    "hidden here.":
        "ان کا اپنے سامنے موجود کاغذ سے موازنہ کریں: اصلی دستاویز پر یہی معلومات ہوتی ہیں۔ یہاں نام جزوی طور پر "
        "چھپایا گیا ہے۔",
    "Not issued by the university": "یونیورسٹی کی جاری کردہ نہیں",
    "The university did not issue a document with this code. The paper may be forged or altered: do not accept it.":
        "یونیورسٹی نے اس کوڈ کی کوئی دستاویز جاری نہیں کی۔ یہ کاغذ جعلی یا تبدیل شدہ ہو سکتا ہے: اسے قبول نہ کریں۔",
    "Typed the address by hand? Check it against the paper, or scan the QR code again.":
        "پتا ہاتھ سے لکھا تھا؟ اسے کاغذ سے ملا لیں، یا QR کوڈ دوبارہ اسکین کریں۔",
    "The document cannot be checked right now. Please try again in a little while.":
        "دستاویز کی اس وقت جانچ نہیں ہو سکتی۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "Every roll number slip and other document the university issues has a QR code. Scan it with your phone's "
    "camera, or paste its address here.":
        "یونیورسٹی کی جاری کردہ ہر رول نمبر سلپ اور دوسری دستاویز پر QR کوڈ ہوتا ہے۔ اسے اپنے فون کے کیمرے سے اسکین "
        "کریں، یا اس کا پتا یہاں لکھیں۔",
    "Address or code of the document": "دستاویز کا پتا یا کوڈ",
    "Scan the QR code on the document, or type the address printed under it.":
        "دستاویز پر موجود QR کوڈ اسکین کریں، یا اس کے نیچے چھپا ہوا پتا لکھیں۔",
    "Paste the address or code from the document.": "دستاویز کا پتا یا کوڈ لکھیں۔",
    "Paste the whole address under the document's QR code, or the code at its end.":
        "دستاویز کے QR کوڈ کے نیچے لکھا پورا پتا، یا اس کے آخر کا کوڈ لکھیں۔",
    "Verify": "تصدیق کریں",
    "Verify another document": "کسی اور دستاویز کی تصدیق کریں",
    # exam centres
    "Exam centres": "امتحانی مراکز",
    "Region": "علاقہ",
    "A regional centre's code, like ISB; empty: every region.": "علاقائی مرکز کا کوڈ، جیسے ISB؛ خالی: تمام علاقے",
    "Empty: the latest semester with candidates.": "خالی: امیدواروں والا تازہ ترین سمسٹر",
    "A region is a regional centre's code, 2 to 10 letters or digits, like ISB.":
        "علاقہ کسی علاقائی مرکز کا کوڈ ہے، 2 سے 10 حروف یا ہندسے، جیسے ISB",
    "Centres": "مراکز",
    "Centres of %(region)s": "%(region)s کے مراکز",
    "The exam centres cannot be shown right now. Please try again in a little while.":
        "امتحانی مراکز اس وقت دکھائے نہیں جا سکتے۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "Candidates seated in %(semester)s.": "%(semester)s میں بٹھائے گئے امیدوار۔",
    "No candidates yet: roll numbers are given when registrations are confirmed.":
        "ابھی کوئی امیدوار نہیں: رول نمبر رجسٹریشن پکی ہونے پر دیے جاتے ہیں۔",
    "Candidates without a centre: %(count)s. Every centre of their region is full: add a centre or give one more "
    "seats.":
        "بغیر مرکز کے امیدوار: %(count)s۔ ان کے علاقے کے تمام مراکز بھر چکے ہیں: نیا مرکز شامل کریں یا کسی مرکز کی "
        "نشستیں بڑھائیں۔",
    "Every candidate has a centre.": "ہر امیدوار کو مرکز مل چکا ہے۔",
    "Centre": "مرکز",
    "Seats": "نشستیں",
    "Seated": "بٹھائے گئے",
    "Change": "تبدیل کریں",
    "Change centre %(code)s": "مرکز %(code)s تبدیل کریں",
    "Closed": "بند",
    "No exam centres here yet: add one below.": "یہاں ابھی کوئی امتحانی مرکز نہیں: نیچے شامل کریں۔",
    "Add or change a centre": "مرکز شامل یا تبدیل کریں",
    "Centre code": "مرکز کا کوڈ",
    "Like ISB-03. A code that exists already changes that centre.":
        f"جیسے {ltr('ISB-03')}۔ پہلے سے موجود کوڈ اسی مرکز کو تبدیل کرتا ہے۔",
    "Enter the centre's code.": "مرکز کا کوڈ لکھیں۔",
    "The regional centre whose candidates sit here, like ISB.":
        "وہ علاقائی مرکز جس کے امیدوار یہاں بیٹھیں گے، جیسے ISB",
    "Enter the region.": "علاقہ لکھیں۔",
    "The hall or school, like Federal Government College.": "ہال یا اسکول، جیسے Federal Government College",
    "Enter the centre's name.": "مرکز کا نام لکھیں۔",
    "Address of the centre": "مرکز کا پتا",
    "Enter the centre's address.": "مرکز کا پتا لکھیں۔",
    "How many candidates it can seat, 0 to 100000.": "اس میں کتنے امیدوار بیٹھ سکتے ہیں، 0 سے 100000 تک",
    "Enter how many candidates it can seat.": "لکھیں کہ اس میں کتنے امیدوار بیٹھ سکتے ہیں۔",
    "Open for exams": "امتحانات کے لیے کھلا",
    "Uncheck to close the centre: no new candidate is seated there.":
        "مرکز بند کرنے کے لیے نشان ہٹا دیں: وہاں کوئی نیا امیدوار نہیں بٹھایا جائے گا۔",
    "A centre code is letters, digits and hyphens, like ISB-03.":
        f"مرکز کا کوڈ حروف، ہندسوں اور ڈیش پر مشتمل ہوتا ہے، جیسے {ltr('ISB-03')}",
    "Enter an address of up to 300 characters.": "زیادہ سے زیادہ 300 حروف کا پتا لکھیں۔",
    "Enter a number of seats from 0 to 100000.": "نشستوں کی تعداد 0 سے 100000 تک لکھیں۔",
    "Candidates are seated at this centre: it cannot move to another region.":
        "اس مرکز میں امیدوار بٹھائے جا چکے ہیں: یہ کسی دوسرے علاقے میں منتقل نہیں ہو سکتا۔",
    "Save the centre": "مرکز محفوظ کریں",
    "Centre %(code)s is saved.": "مرکز %(code)s محفوظ ہو گیا۔",
    "The centre cannot be saved right now. Please try again in a little while.":
        "مرکز اس وقت محفوظ نہیں ہو سکتا۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    # date sheets
    "Date sheets": "ڈیٹ شیٹس",
    "Like BED15.": "جیسے BED15",
    "Enter the programme's code.": "پروگرام کا کوڈ لکھیں۔",
    "The date sheet cannot be shown right now. Please try again in a little while.":
        "ڈیٹ شیٹ اس وقت دکھائی نہیں جا سکتی۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "Papers": "پرچے",
    "Move or remove": "منتقل کریں یا ہٹائیں",
    "Move": "منتقل کریں",
    "Move paper %(course)s": "پرچہ %(course)s منتقل کریں",
    "Remove": "ہٹائیں",
    "Remove paper %(course)s": "پرچہ %(course)s ہٹائیں",
    "Times are Pakistan time.": "اوقات پاکستانی وقت کے مطابق ہیں۔",
    "No papers on this date sheet yet: put one below.": "اس ڈیٹ شیٹ پر ابھی کوئی پرچہ نہیں: نیچے شامل کریں۔",
    "Put a paper on the date sheet, or move it": "ڈیٹ شیٹ پر پرچہ شامل کریں، یا اسے منتقل کریں",
    "A course already on the date sheet moves to the new date and time. Slips printed afterwards show it.":
        "ڈیٹ شیٹ پر پہلے سے موجود کورس نئی تاریخ اور وقت پر منتقل ہو جاتا ہے۔ بعد میں پرنٹ ہونے والی سلپس پر یہی "
        "نظر آئے گا۔",
    "Needed only for a course no candidate sits yet.": "صرف اس کورس کے لیے ضروری جس کا ابھی کوئی امیدوار نہیں",
    "The day of the paper.": "پرچے کا دن",
    "Enter the date of the paper.": "پرچے کی تاریخ لکھیں۔",
    "Starts": "شروع",
    "Pakistan time.": "پاکستانی وقت",
    "Enter when it starts.": "لکھیں کہ پرچہ کب شروع ہو گا۔",
    "Ends": "ختم",
    "Enter when it ends.": "لکھیں کہ پرچہ کب ختم ہو گا۔",
    "Enter the date as year-month-day, like 2026-12-09.": f"تاریخ سال-مہینہ-دن کی صورت میں لکھیں، جیسے {ISO_DAY}",
    "Enter the time as hours:minutes (24 hours), like 09:00 or 14:00.":
        f"وقت گھنٹے:منٹ (24 گھنٹے) کی صورت میں لکھیں، جیسے {ltr('09:00')} یا {ltr('14:00')}",
    "A paper must end after it starts.": "پرچہ شروع ہونے کے بعد ہی ختم ہو سکتا ہے۔",
    "Give the course's title: no candidate sits this course yet.":
        "کورس کا عنوان لکھیں: اس کورس کا ابھی کوئی امیدوار نہیں۔",
    "Save the paper": "پرچہ محفوظ کریں",
    "Paper %(course)s is on the date sheet. Slips printed from now on show it.":
        "پرچہ %(course)s ڈیٹ شیٹ پر ہے۔ اب سے پرنٹ ہونے والی سلپس پر یہ نظر آئے گا۔",
    "Paper %(course)s is taken off the date sheet.": "پرچہ %(course)s ڈیٹ شیٹ سے ہٹا دیا گیا۔",
    "This paper is not on the date sheet (any more).": "یہ پرچہ (اب) ڈیٹ شیٹ پر نہیں۔",
    "The date sheet cannot be changed right now. Please try again in a little while.":
        "ڈیٹ شیٹ اس وقت تبدیل نہیں ہو سکتی۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "Choose a semester and a programme to see its date sheet.": "ڈیٹ شیٹ دیکھنے کے لیے سمسٹر اور پروگرام منتخب کریں۔",
    # a student's documents
    "Documents issued to a student": "طالب علم کو جاری دستاویزات",
    "Documents of %(number)s": "%(number)s کی دستاویزات",
    "Documents issued, newest first": "جاری دستاویزات، تازہ ترین پہلے",
    "Issued %(when)s": "جاری: %(when)s",
    "Revoked %(when)s:": "منسوخ: %(when)s،",
    "Said on the verification page, like \"issued in error\".":
        "تصدیق کے صفحے پر لکھی جائے گی، جیسے " + ltr('"issued in error"'),
    "Say why the document is revoked.": "لکھیں کہ دستاویز کیوں منسوخ کی جا رہی ہے۔",
    "Say why in 1 to 300 characters.": "وجہ 1 سے 300 حروف میں لکھیں۔",
    "Revoke this document": "یہ دستاویز منسوخ کریں",
    "Document %(serial)s is revoked: its verification page says so from now on.":
        "دستاویز %(serial)s منسوخ ہو گئی: اب سے اس کے تصدیقی صفحے پر یہی لکھا ہو گا۔",
    "No documents have been issued to this student.": "اس طالب علم کو کوئی دستاویز جاری نہیں ہوئی۔",
    "There is no such document.": "ایسی کوئی دستاویز نہیں۔",
    "The document cannot be revoked right now. Please try again in a little while.":
        "دستاویز اس وقت منسوخ نہیں ہو سکتی۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "The student's documents cannot be shown right now. Please try again in a little while.":
        "طالب علم کی دستاویزات اس وقت دکھائی نہیں جا سکتیں۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
}
