"""Urdu for the staff tools over enrollment (see urdu.py): admitting a student or a file of
them, a student's record, its corrections and holds, the semesters' windows and a regional
office's tutors. Column names of the bulk file (full_name, cnic...), codes (BED15, ISB)
and enrollment's own reasons for a refused line stay as they are."""


def ltr(text: str) -> str:
    """An example written left to right (a CNIC, a date, a phone number), isolated so that the
    right-to-left line keeps its digits and dashes in order, even where the line wraps."""
    return f"\u2066{text}\u2069"


CNIC, DATE, PHONE = ltr("37405-6543210-4"), ltr("2003-08-14"), ltr("0300-1234567")
EXCEL_CSV = ltr('"CSV UTF-8 (Comma delimited)"')

ADMISSIONS = {
    # the console's tools
    "Admit a student": "طالب علم کو داخلہ دیں",
    "Admit a file of students (CSV)": "طلبہ کی فائل (CSV) سے داخلہ",
    "Find a student by registration number": "رجسٹریشن نمبر سے طالب علم تلاش کریں",
    "Semesters: admission and registration windows": "سمسٹر: داخلے اور رجسٹریشن کی مدت",
    "Tutors of my centre": "میرے مرکز کے ٹیوٹرز",
    "Find the student": "طالب علم تلاش کریں",
    # the words of a record
    "CNIC": "شناختی کارڈ نمبر",
    "Date of birth": "تاریخِ پیدائش",
    "Gender": "جنس",
    "Female": "خاتون",
    "Male": "مرد",
    "Other": "دیگر",
    "Choose": "منتخب کریں",
    "Programme code": "پروگرام کا کوڈ",
    "Choose the programme.": "پروگرام منتخب کریں۔",
    "The programmes' codes": "پروگراموں کے کوڈ",
    "Regional centre code": "علاقائی مرکز کا کوڈ",
    "Admission semester": "داخلے کا سمسٹر",
    "Graduated": "فارغ التحصیل",
    "Withdrawn": "تعلیم چھوڑ دی",
    # admitting one student
    "The student, as on the admission form": "طالب علم، جیسا داخلہ فارم پر ہے",
    "Programme, centre and semester": "پروگرام، مرکز اور سمسٹر",
    "As on the card (a B-form for a child), like 37405-6543210-4.":
        f"جیسا کارڈ پر ہے (بچے کے لیے ب-فارم)، جیسے {CNIC}",
    "Books and letters are sent here.": "کتابیں اور خطوط اسی پتے پر بھیجے جاتے ہیں۔",
    "The activation code of the student's portal account is mailed here.":
        "طالب علم کے پورٹل اکاؤنٹ کا ایکٹیویشن کوڈ اسی ای میل پر بھیجا جاتا ہے۔",
    "Like ISB (Islamabad), LHR (Lahore) or FSD (Faisalabad).": "جیسے ISB (اسلام آباد)، LHR (لاہور) یا FSD (فیصل آباد)",
    "A semester whose admission is open, like Spring 2027.": "وہ سمسٹر جس میں داخلہ کھلا ہو، جیسے Spring 2027",
    "Admit the student": "داخلہ دیں",
    "Enter the father's name.": "والد کا نام لکھیں۔",
    "Enter the CNIC.": "شناختی کارڈ نمبر لکھیں۔",
    "Enter the date of birth.": "تاریخِ پیدائش لکھیں۔",
    "Choose female, male or other.": "خاتون، مرد یا دیگر منتخب کریں۔",
    "Enter the postal address.": "ڈاک کا پتا لکھیں۔",
    "Enter the mobile number.": "موبائل نمبر لکھیں۔",
    "Enter the email address.": "ای میل پتا لکھیں۔",
    "Enter the regional centre's code.": "علاقائی مرکز کا کوڈ لکھیں۔",
    "Enter the admission semester.": "داخلے کا سمسٹر لکھیں۔",
    "Enter the name as on the CNIC, up to 120 characters.":
        "نام ویسا لکھیں جیسا شناختی کارڈ پر ہے، زیادہ سے زیادہ 120 حروف۔",
    "A mobile number is 10 to 15 digits, like 0300-1234567.":
        f"موبائل نمبر 10 سے 15 ہندسوں کا ہوتا ہے، جیسے {PHONE}",
    "Enter the full postal address, at least 10 characters: books and letters are sent there.":
        "ڈاک کا پورا پتا لکھیں، کم از کم 10 حروف: کتابیں اور خطوط وہیں بھیجے جاتے ہیں۔",
    "Enter a semester like Spring 2027.": "سمسٹر اس طرح لکھیں: Spring 2027",
    "A regional centre code is 2 to 10 letters, like ISB.":
        "علاقائی مرکز کا کوڈ 2 سے 10 انگریزی حروف کا ہوتا ہے، جیسے ISB",
    "No programme has this code.": "اس کوڈ کا کوئی پروگرام نہیں۔",
    "No regional centre has this code.": "اس کوڈ کا کوئی علاقائی مرکز نہیں۔",
    "Admission to this semester is not open.": "اس سمسٹر میں داخلہ کھلا نہیں ہے۔",
    "The date of birth gives an age outside %(youngest)s to %(oldest)s years. Check it against the CNIC.":
        "اس تاریخِ پیدائش سے عمر %(youngest)s سے %(oldest)s سال کے اندر نہیں بنتی۔ شناختی کارڈ سے ملا کر دیکھیں۔",
    "This person (CNIC) is already admitted to this programme.":
        "اس شخص (شناختی کارڈ نمبر) کو اس پروگرام میں پہلے ہی داخلہ مل چکا ہے۔",
    "Admission is not available right now. Please submit the form again in a little while: the student is "
    "admitted once.":
        "داخلہ اس وقت دستیاب نہیں۔ براہِ کرم تھوڑی دیر بعد فارم دوبارہ بھیجیں: طالب علم کو ایک ہی بار داخلہ ملے گا۔",
    "Admitted with the registration number %(number)s": "رجسٹریشن نمبر %(number)s کے ساتھ داخلہ ہو گیا",
    "The student's portal account is open: the activation code is on its way by email.":
        "طالب علم کا پورٹل اکاؤنٹ کھل گیا ہے: ایکٹیویشن کوڈ ای میل پر بھیجا جا رہا ہے۔",
    "The student's portal account is being opened: the activation code follows by email within minutes.":
        "طالب علم کا پورٹل اکاؤنٹ کھولا جا رہا ہے: ایکٹیویشن کوڈ چند منٹ میں ای میل پر آ جائے گا۔",
    "The student's record": "طالب علم کا ریکارڈ",
    # a file of students
    "Admit a file of students": "طلبہ کی فائل سے داخلہ",
    "A CSV file with one student a line, its first line naming the columns below. The whole file is checked "
    "first: if any line is refused, nobody is admitted and every refused line is listed with its reason. "
    "Otherwise everyone in it is admitted together.":
        "ایک CSV فائل جس کی ہر سطر میں ایک طالب علم ہو اور پہلی سطر میں نیچے دیے گئے کالموں کے نام ہوں۔ پہلے پوری فائل "
        "جانچی جاتی ہے: اگر کوئی سطر مسترد ہو تو کسی کو داخلہ نہیں ملتا اور ہر مسترد سطر اپنی وجہ کے ساتھ دکھائی جاتی "
        "ہے۔ "
        "ورنہ فائل کے سب طلبہ کو ایک ساتھ داخلہ مل جاتا ہے۔",
    "CSV file": "CSV فائل",
    "Choose the CSV file to send.": "بھیجنے کے لیے CSV فائل منتخب کریں۔",
    "Send the file": "فائل بھیجیں",
    "Download a sample file": "نمونے کی فائل ڈاؤن لوڈ کریں",
    "The columns": "کالم",
    "In any order; the first line names them exactly as here.":
        "کسی بھی ترتیب میں؛ پہلی سطر میں ان کے نام بالکل ایسے ہی لکھیں۔",
    "The student's full name, as on the CNIC.": "طالب علم کا پورا نام، جیسا شناختی کارڈ پر ہے۔",
    "The father's name.": "والد کا نام۔",
    "13 digits, dashes optional, like 37405-6543210-4.": f"13 ہندسے، ڈیش اختیاری، جیسے {CNIC}",
    "Year-month-day, like 2003-08-14.": f"سال-مہینہ-دن، جیسے {DATE}",
    "female, male or other.": "female (خاتون)، male (مرد) یا other (دیگر)",
    "Where books and letters are sent: at least 10 characters.": "جہاں کتابیں اور خطوط بھیجے جائیں: کم از کم 10 حروف۔",
    "10 to 15 digits, like 0300-1234567.": f"10 سے 15 ہندسے، جیسے {PHONE}",
    "The activation code of the portal account is mailed here.":
        "پورٹل اکاؤنٹ کا ایکٹیویشن کوڈ اسی ای میل پر بھیجا جاتا ہے۔",
    "The programme's code, like BED15, ADE, ADBA or MATRIC.": "پروگرام کا کوڈ، جیسے BED15، ADE، ADBA یا MATRIC",
    "The regional centre's code, like ISB, LHR or FSD.": "علاقائی مرکز کا کوڈ، جیسے ISB، LHR یا FSD",
    "Send a .csv file: in Excel, Save As \"CSV UTF-8 (Comma delimited)\".":
        f"{ltr('.csv')} فائل بھیجیں: ایکسل میں Save As سے {EXCEL_CSV} منتخب کریں۔",
    "The file is not UTF-8 text: in Excel, Save As \"CSV UTF-8 (Comma delimited)\" and send it again.":
        f"یہ فائل UTF-8 متن نہیں: ایکسل میں Save As سے {EXCEL_CSV} منتخب کر کے دوبارہ بھیجیں۔",
    "The file is empty or larger than %(megabytes)s MB: split it into smaller files.":
        "فائل خالی ہے یا %(megabytes)s میگا بائٹ سے بڑی ہے: اسے چھوٹی فائلوں میں تقسیم کریں۔",
    "The file's first line must name the columns. Missing: %(columns)s.":
        "فائل کی پہلی سطر میں کالموں کے نام ہونے چاہییں۔ یہ نہیں ہیں: %(columns)s",
    "The file has no rows under its first line.": "فائل میں پہلی سطر کے نیچے کوئی سطر نہیں۔",
    "The file has too many rows: split it into files of at most %(rows)s rows.":
        "فائل میں بہت زیادہ سطریں ہیں: اسے زیادہ سے زیادہ %(rows)s سطروں کی فائلوں میں تقسیم کریں۔",
    "Admission files cannot be taken right now. Please send the file again in a little while.":
        "داخلے کی فائلیں اس وقت وصول نہیں ہو سکتیں۔ براہِ کرم تھوڑی دیر بعد فائل دوبارہ بھیجیں۔",
    # a file's page
    "Admission file": "داخلے کی فائل",
    "Refused: nobody admitted": "مسترد: کسی کو داخلہ نہیں ملا",
    "Waiting to be applied": "داخلے کی منتظر",
    "Being applied": "داخلہ جاری ہے",
    "Applied: everyone admitted": "مکمل: سب کو داخلہ مل گیا",
    "Failed: nobody admitted": "ناکام: کسی کو داخلہ نہیں ملا",
    "Students in the file": "فائل میں طلبہ",
    "Sent by": "بھیجنے والا",
    "Sent": "بھیجی گئی",
    "Finished": "مکمل ہوئی",
    "Admitted so far": "اب تک داخلہ",
    "%(processed)s of %(total)s": "%(total)s میں سے %(processed)s",
    "Enrollment is admitting the file's students: this page refreshes itself every 2 seconds until it is done.":
        "فائل کے طلبہ کو داخلہ دیا جا رہا ہے: مکمل ہونے تک یہ صفحہ ہر 2 سیکنڈ بعد خود تازہ ہوتا رہے گا۔",
    "Everyone in the file is admitted. The report lists each student's registration number; their portal "
    "accounts are opened and the activation codes mailed.":
        "فائل کے سب طلبہ کو داخلہ مل گیا۔ رپورٹ میں ہر طالب علم کا رجسٹریشن نمبر ہے؛ ان کے پورٹل اکاؤنٹ کھولے جا رہے "
        "ہیں "
        "اور ایکٹیویشن کوڈ ای میل کیے جا رہے ہیں۔",
    "Nobody in this file was admitted.": "اس فائل میں سے کسی کو داخلہ نہیں ملا۔",
    "Check the file and send it again.": "فائل جانچ کر دوبارہ بھیجیں۔",
    "Download the report (CSV)": "رپورٹ ڈاؤن لوڈ کریں (CSV)",
    "Refused lines": "مسترد سطریں",
    "Nobody in this file was admitted. Put these lines right and send the whole file again.":
        "اس فائل میں سے کسی کو داخلہ نہیں ملا۔ یہ سطریں درست کر کے پوری فائل دوبارہ بھیجیں۔",
    "Line": "سطر",
    "Column": "کالم",
    "Reason": "وجہ",
    "Only the first 500 refused lines are shown: the report lists them all.":
        "صرف پہلی 500 مسترد سطریں دکھائی گئی ہیں: رپورٹ میں سب موجود ہیں۔",
    "The file cannot be shown right now. Please try again in a little while.":
        "فائل اس وقت دکھائی نہیں جا سکتی۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "Send another file": "ایک اور فائل بھیجیں",
    "What was sent is larger than the portal takes. Split an admission file into smaller files, then go back "
    "and send each.":
        "بھیجی گئی چیز پورٹل کی حد سے بڑی ہے۔ داخلے کی فائل کو چھوٹی فائلوں میں تقسیم کریں، "
        "پھر واپس جا کر ہر ایک بھیجیں۔",
    # a student: her record, its history and corrections
    "Find a student": "طالب علم تلاش کریں",
    "Student %(number)s": "طالب علم %(number)s",
    "No student has this registration number.": "اس رجسٹریشن نمبر کا کوئی طالب علم نہیں۔",
    "The student's record cannot be shown right now. Please try again in a little while.":
        "طالب علم کا ریکارڈ اس وقت دکھایا نہیں جا سکتا۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "%(when)s by %(who)s": "%(when)s، از %(who)s",
    "Before the portal kept it": "پورٹل کے ریکارڈ سے پہلے",
    "Portal account": "پورٹل اکاؤنٹ",
    "Opened %(when)s": "%(when)s کو کھلا",
    "Being opened: the activation code follows by email.": "کھولا جا رہا ہے: ایکٹیویشن کوڈ ای میل پر آئے گا۔",
    "History of the record": "ریکارڈ کی تاریخ",
    "Field": "خانہ",
    "Was": "پہلے",
    "Now": "اب",
    "By": "از",
    "Source": "ذریعہ",
    "At the desk: %(reason)s": "دفتر میں: %(reason)s",
    "Service request %(number)s": "سروس درخواست %(number)s",
    "No changes since admission.": "داخلے کے بعد سے کوئی تبدیلی نہیں۔",
    "Correct the record": "ریکارڈ درست کریں",
    "Change what is wrong and say why: only the fields you change are saved, and the old values stay in the "
    "history.":
        "جو غلط ہے اسے بدلیں اور وجہ لکھیں: صرف بدلے ہوئے خانے محفوظ ہوتے ہیں، اور پرانی قدریں تاریخ میں رہتی ہیں۔",
    "Reason for the correction": "درستی کی وجہ",
    "Like the number of the correction form, up to 50 characters.":
        "جیسے درستی کے فارم کا نمبر، زیادہ سے زیادہ 50 حروف۔",
    "Say why the record is corrected.": "بتائیں کہ ریکارڈ کیوں درست کیا جا رہا ہے۔",
    "Say why in 1 to 50 characters.": "وجہ 1 سے 50 حروف میں لکھیں۔",
    "Change at least one field before saving.": "محفوظ کرنے سے پہلے کم از کم ایک خانہ بدلیں۔",
    "Save the correction": "درستی محفوظ کریں",
    "The record is corrected: the history below shows each change.":
        "ریکارڈ درست ہو گیا: نیچے تاریخ میں ہر تبدیلی دکھائی گئی ہے۔",
    "The record cannot be corrected right now. Please save again in a little while.":
        "ریکارڈ اس وقت درست نہیں ہو سکتا۔ براہِ کرم تھوڑی دیر بعد دوبارہ محفوظ کریں۔",
    # her holds
    "Holds": "پابندیاں",
    "No holds: nothing stops the student's registration, transcript or degree.":
        "کوئی پابندی نہیں: طالب علم کی رجسٹریشن، ٹرانسکرپٹ یا ڈگری میں کوئی رکاوٹ نہیں۔",
    "Lift this hold": "یہ پابندی ختم کریں",
    "Place a hold for missing documents": "نامکمل دستاویزات کی پابندی لگائیں",
    "It stops the student's course registration, transcript and degree until the documents arrive and the hold "
    "is lifted.":
        "یہ دستاویزات آنے اور پابندی ختم ہونے تک طالب علم کی کورس رجسٹریشن، ٹرانسکرپٹ اور ڈگری روک دیتی ہے۔",
    "Missing document": "جو دستاویز نہیں ملی",
    "What the student must send, like \"Attested B.A. transcript\".":
        "طالب علم کو کیا بھیجنا ہے، جیسے " + ltr('"Attested B.A. transcript"'),
    "Say which document is missing.": "بتائیں کہ کون سی دستاویز نہیں ملی۔",
    "Say which document is missing, in 1 to 60 characters.": "بتائیں کہ کون سی دستاویز نہیں ملی، 1 سے 60 حروف میں۔",
    "Note for the student (optional)": "طالب علم کے لیے نوٹ (اختیاری)",
    "Use at most 300 characters.": "زیادہ سے زیادہ 300 حروف استعمال کریں۔",
    "Place the hold": "پابندی لگائیں",
    "The hold is placed: it stops the student's course registration, transcript and degree until it is lifted.":
        "پابندی لگ گئی: یہ ختم ہونے تک طالب علم کی کورس رجسٹریشن، ٹرانسکرپٹ اور ڈگری روکے رکھے گی۔",
    "The hold is lifted.": "پابندی ختم کر دی گئی۔",
    "This hold is no longer on the student's record: it may have been lifted already.":
        "یہ پابندی اب طالب علم کے ریکارڈ پر نہیں: شاید پہلے ہی ختم کی جا چکی ہے۔",
    "The hold cannot be placed right now. Please try again in a little while.":
        "پابندی اس وقت نہیں لگ سکتی۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "The hold cannot be lifted right now. Please try again in a little while.":
        "پابندی اس وقت ختم نہیں ہو سکتی۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    # the semesters' windows
    "Semesters": "سمسٹر",
    "Each semester's admission and registration windows: both days included, Pakistan time.":
        "ہر سمسٹر کے داخلے اور رجسٹریشن کی مدت: دونوں دن شامل، پاکستانی وقت کے مطابق۔",
    "Starts on": "آغاز",
    "Admission": "داخلہ",
    "Registration": "رجسٹریشن",
    "open now": "ابھی کھلا ہے",
    "Admission window": "داخلے کی مدت",
    "Admission opens": "داخلہ کھلنے کی تاریخ",
    "Admission closes": "داخلہ بند ہونے کی تاریخ",
    "Registration opens": "رجسٹریشن کھلنے کی تاریخ",
    "Registration closes": "رجسٹریشن بند ہونے کی تاریخ",
    "Move the windows": "مدت بدلیں",
    "Move the windows of %(semester)s": "%(semester)s کی مدت بدلیں",
    "A window must open on or before the day it closes.": "مدت بند ہونے کے دن یا اس سے پہلے کھلنی چاہیے۔",
    "The windows of %(semester)s are moved.": "%(semester)s کی مدت بدل دی گئی۔",
    "There is no such semester in the calendar.": "کیلنڈر میں ایسا کوئی سمسٹر نہیں۔",
    "The windows cannot be moved right now. Please save again in a little while.":
        "مدت اس وقت بدلی نہیں جا سکتی۔ براہِ کرم تھوڑی دیر بعد دوبارہ محفوظ کریں۔",
    "The semesters cannot be shown right now. Please try again in a little while.":
        "سمسٹر اس وقت دکھائے نہیں جا سکتے۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    # a regional office's tutors
    "Choose a semester to see your centre's tutors and courses in it.":
        "اپنے مرکز کے ٹیوٹرز اور کورسز دیکھنے کے لیے سمسٹر منتخب کریں۔",
    "Courses in %(semester)s": "%(semester)s کے کورسز",
    "Your centre's students whose registration is confirmed, how many have a tutor, and the places your tutors "
    "have.":
        "آپ کے مرکز کے وہ طلبہ جن کی رجسٹریشن پکی ہے، ان میں سے کتنوں کو ٹیوٹر مل چکا ہے، اور آپ کے ٹیوٹرز کی گنجائش۔",
    "Students": "طلبہ",
    "With a tutor": "ٹیوٹر کے ساتھ",
    "Places": "گنجائش",
    "Allocate": "ٹیوٹر مقرر کریں",
    "Allocate tutors for %(course)s": "%(course)s کے لیے ٹیوٹر مقرر کریں",
    "No student of your centre has a confirmed registration in %(semester)s yet.":
        "%(semester)s میں ابھی آپ کے مرکز کے کسی طالب علم کی رجسٹریشن پکی نہیں ہوئی۔",
    "Tutors": "ٹیوٹرز",
    "%(allocated)s of %(capacity)s places taken": "%(capacity)s میں سے %(allocated)s جگہیں پُر",
    "No course in %(semester)s.": "%(semester)s میں کوئی کورس نہیں۔",
    "Your centre has no tutors yet: add one below.": "آپ کے مرکز کا ابھی کوئی ٹیوٹر نہیں: نیچے شامل کریں۔",
    "Give a tutor a course in %(semester)s": "%(semester)s میں ٹیوٹر کو کورس دیں",
    "Tutor": "ٹیوٹر",
    "Course code": "کورس کوڈ",
    "Like 8601.": "جیسے 8601",
    "Students the tutor can take": "ٹیوٹر کتنے طلبہ لے سکتا ہے",
    "1 to 500.": "1 سے 500 تک۔",
    "Give the course": "کورس دیں",
    "Choose the tutor.": "ٹیوٹر منتخب کریں۔",
    "Enter the course code.": "کورس کوڈ لکھیں۔",
    "Enter how many students.": "طلبہ کی تعداد لکھیں۔",
    "A course code is letters and digits, like 8601.": "کورس کوڈ انگریزی حروف اور ہندسوں پر مشتمل ہوتا ہے، جیسے 8601",
    "Enter a number of students from 1 to 500.": "طلبہ کی تعداد 1 سے 500 کے درمیان لکھیں۔",
    "This tutor is not one of your centre's.": "یہ ٹیوٹر آپ کے مرکز کا نہیں۔",
    "This course is not offered in this semester.": "یہ کورس اس سمسٹر میں پیش نہیں کیا جا رہا۔",
    "The tutor already has more students in this course than that: give at least as many places as the tutor "
    "has students.":
        "اس کورس میں ٹیوٹر کے پاس پہلے ہی اس سے زیادہ طلبہ ہیں: کم از کم اتنی گنجائش دیں جتنے طلبہ ٹیوٹر کے پاس ہیں۔",
    "Add a tutor": "ٹیوٹر شامل کریں",
    "Phone": "فون",
    "Students post their assignments here.": "طلبہ اپنی اسائنمنٹس اسی پتے پر بھیجتے ہیں۔",
    "Add the tutor": "ٹیوٹر شامل کریں",
    "Enter the tutor's name.": "ٹیوٹر کا نام لکھیں۔",
    "Enter the tutor's postal address.": "ٹیوٹر کا ڈاک کا پتا لکھیں۔",
    "Enter the tutor's phone number.": "ٹیوٹر کا فون نمبر لکھیں۔",
    "Enter the tutor's email address.": "ٹیوٹر کا ای میل پتا لکھیں۔",
    "Enter a name of up to 120 characters.": "زیادہ سے زیادہ 120 حروف کا نام لکھیں۔",
    "A phone number is 10 to 15 digits, like 0300-1234567.": f"فون نمبر 10 سے 15 ہندسوں کا ہوتا ہے، جیسے {PHONE}",
    "The tutor is added to your centre.": "ٹیوٹر آپ کے مرکز میں شامل ہو گیا۔",
    "The course is given to the tutor.": "کورس ٹیوٹر کو دے دیا گیا۔",
    "%(course)s: %(allocated)s students given a tutor now; %(waiting)s still wait because the tutors' places "
    "are full.":
        "%(course)s: ابھی %(allocated)s طلبہ کو ٹیوٹر ملا؛ %(waiting)s اب بھی منتظر ہیں کیونکہ ٹیوٹرز کی گنجائش پوری "
        "ہے۔",
    "%(course)s: %(allocated)s students given a tutor now; nobody waits.":
        "%(course)s: ابھی %(allocated)s طلبہ کو ٹیوٹر ملا؛ کوئی منتظر نہیں۔",
    "The tutor cannot be added right now. Please try again in a little while.":
        "ٹیوٹر اس وقت شامل نہیں ہو سکتا۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "The course cannot be given to the tutor right now. Please try again in a little while.":
        "کورس اس وقت ٹیوٹر کو نہیں دیا جا سکتا۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "Tutors cannot be allocated right now. Please try again in a little while.":
        "ٹیوٹر اس وقت مقرر نہیں ہو سکتے۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "Your centre's tutors cannot be shown right now. Please try again in a little while.":
        "آپ کے مرکز کے ٹیوٹرز اس وقت دکھائے نہیں جا سکتے۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
}
