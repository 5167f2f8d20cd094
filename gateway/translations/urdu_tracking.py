"""Urdu for degree and transcript tracking: the public look-up, the student's applications
and objections, the examinations and dispatch pages."""

TRACKING = {
    "A roll number looks like BO680724.": "رول نمبر اس طرح کا ہوتا ہے: BO680724",
    "Another document": "ایک اور دستاویز",
    "Answer by %(date)s.": "%(date)s تک جواب دیں۔",
    "Answered on %(date)s:": "%(date)s کو جواب دیا گیا:",
    "Courier": "کوریئر",
    "Courier's tracking number": "کوریئر کا ٹریکنگ نمبر",
    "Degrees and transcripts": "ڈگریاں اور ٹرانسکرپٹ",
    "Degrees and transcripts: verification, objections, dispatch": "ڈگریاں اور ٹرانسکرپٹ: تصدیق، اعتراضات، روانگی",
    "Documents wanted, one to a line": "مطلوبہ دستاویزات، ہر سطر میں ایک",
    "Documents wanted:": "مطلوبہ دستاویزات:",
    "Enter the tracking ID from your acknowledgement, or your roll number.":
        "اپنی رسید پر لکھی ٹریکنگ آئی ڈی یا اپنا رول نمبر درج کریں۔",
    "Every stage still with the university": "یونیورسٹی میں زیرِ کارروائی ہر مرحلہ",
    "Expected dispatch": "متوقع روانگی",
    "Expected dispatch: %(date)s": "متوقع روانگی: %(date)s",
    "History": "تاریخچہ",
    "In Process Applications": "زیرِ کارروائی درخواستیں",
    "Incomplete / Returned Applications": "نامکمل / واپس کی گئی درخواستیں",
    "Incomplete / returned": "نامکمل / واپس",
    "Like TCS or Pakistan Post (dispatch only).": "جیسے TCS یا پاکستان پوسٹ (صرف روانگی کے لیے)۔",
    "Move on": "اگلے مرحلے میں بھیجیں",
    "Move to": "اس مرحلے میں",
    "Moved. The student is told by email and text message.":
        "بھیج دیا گیا۔ طالب علم کو ای میل اور پیغام سے اطلاع دی جاتی ہے۔",
    "Note": "نوٹ",
    "Objection": "اعتراض",
    "Public look-up by tracking ID or roll number": "ٹریکنگ آئی ڈی یا رول نمبر سے عوامی تلاش",
    "Ready for dispatch": "روانگی کے لیے تیار",
    "Reason the student reads": "وجہ (طالب علم پڑھے گا)",
    "Rejected: its objection was not answered in time.": "مسترد: اعتراض کا جواب وقت پر نہیں دیا گیا۔",
    "Rejected: its objection was not answered in time. Please file a new request.":
        "مسترد: اعتراض کا جواب وقت پر نہیں دیا گیا۔ براہ کرم نئی درخواست دیں۔",
    "Rejected: please file a new request.": "مسترد: براہ کرم نئی درخواست دیں۔",
    "Request %(number)s": "درخواست %(number)s",
    "Return to the student": "طالب علم کو واپس کریں",
    "Return with an objection": "اعتراض کے ساتھ واپس کریں",
    "Returned to the student with the objection.": "اعتراض کے ساتھ طالب علم کو واپس کر دی گئی۔",
    "Send my answer": "میرا جواب بھیجیں",
    "Sent by %(courier)s, tracking number %(number)s": "%(courier)s سے بھیجی گئی، ٹریکنگ نمبر %(number)s",
    "Target": "ہدف",
    "The applications cannot be listed right now. Please try again in a little while.":
        "درخواستوں کی فہرست اس وقت نہیں دکھائی جا سکتی۔ براہ کرم تھوڑی دیر بعد دوبارہ کوشش کریں۔",
    "Urgent applications first, then the oldest. Examinations verify, return with an objection and print; "
    "dispatch hands over to the courier and records delivery.":
        "پہلے ارجنٹ درخواستیں، پھر سب سے پرانی۔ شعبہ امتحانات تصدیق کرتا، اعتراض کے ساتھ واپس کرتا اور طبع کرتا ہے؛ "
        "شعبہ ترسیل کوریئر کے حوالے کرتا اور وصولی درج کرتا ہے۔",
    "Urgent only": "صرف ارجنٹ",
    "View PC/Degree Application Status": "پی سی / ڈگری درخواست کی صورتحال دیکھیں",
    "Write the reason.": "وجہ لکھیں۔",
    "Write your answer.": "اپنا جواب لکھیں۔",
    "You have no degree, transcript or certificate application. File one under Requests: it is opened once its "
    "fee is paid.": "آپ کی کوئی ڈگری، ٹرانسکرپٹ یا سرٹیفکیٹ کی درخواست نہیں۔ درخواستوں میں جا کر دیں: فیس کی ادائیگی "
                    "کے بعد یہ کھل جاتی ہے۔",
    "Your answer": "آپ کا جواب",
    "Your answer was sent. The application is back in verification.":
        "آپ کا جواب بھیج دیا گیا۔ درخواست دوبارہ تصدیق کے مرحلے میں ہے۔",
    "Your applications cannot be shown right now. Please try again in a little while.":
        "آپ کی درخواستیں اس وقت نہیں دکھائی جا سکتیں۔ براہ کرم تھوڑی دیر بعد دوبارہ کوشش کریں۔",
    "Your degree, transcript and certificate applications. An objection is shown here with its reason: answer it "
    "with the documents asked for before its last day.":
        "آپ کی ڈگری، ٹرانسکرپٹ اور سرٹیفکیٹ کی درخواستیں۔ اعتراض یہاں اس کی وجہ کے ساتھ دکھایا جاتا ہے: آخری تاریخ سے "
        "پہلے مطلوبہ دستاویزات کے ساتھ جواب دیں۔",
    "or": "یا",
    "overdue %(n)d": "تاخیر شدہ %(n)d",
    "urgent %(n)d": "ارجنٹ %(n)d",
    # who looked at my record
    "Changed": "تبدیل کیا",
    "Every time university staff looked at or changed your profile, results, fee account, requests or degree "
    "applications. Your own visits are not listed. Nobody can edit or delete these entries.":
        "جب بھی یونیورسٹی کے عملے نے آپ کا پروفائل، نتائج، فیس اکاؤنٹ، درخواستیں "
        "یا ڈگری کی درخواستیں دیکھیں یا تبدیل کیں۔ "
        "آپ کے اپنے دورے درج نہیں۔ کوئی بھی ان اندراجات کو بدل یا مٹا نہیں سکتا۔",
    "Looked at": "دیکھا",
    "No member of staff has looked at your record.": "عملے کے کسی رکن نے آپ کا ریکارڈ نہیں دیکھا۔",
    "Some entries cannot be shown right now. Please try again in a little while.":
        "کچھ اندراجات اس وقت نہیں دکھائے جا سکتے۔ براہ کرم تھوڑی دیر بعد دوبارہ کوشش کریں۔",
    "This list cannot be shown right now. Please try again in a little while.":
        "یہ فہرست اس وقت نہیں دکھائی جا سکتی۔ براہ کرم تھوڑی دیر بعد دوبارہ کوشش کریں۔",
    "What": "کیا",
    "Who": "کس نے",
    "Who looked at my record": "میرا ریکارڈ کس نے دیکھا",
    "your degree and transcript applications": "آپ کی ڈگری اور ٹرانسکرپٹ کی درخواستیں",
    "your fee account": "آپ کا فیس اکاؤنٹ",
    "your profile": "آپ کا پروفائل",
    "your requests": "آپ کی درخواستیں",
    "your results": "آپ کے نتائج",
    # one case timeline
    "%(department)s asked you for more information": "%(department)s نے آپ سے مزید معلومات مانگی ہیں",
    "A decision by %(department)s": "%(department)s کا فیصلہ",
    "Application %(id)s rejected: its objection was not answered in time":
        "درخواست %(id)s مسترد: اعتراض کا جواب وقت پر نہیں دیا گیا",
    "Application %(id)s: %(stage)s": "درخواست %(id)s: %(stage)s",
    "Approved / resolved": "منظور / حل",
    "Back to the request": "درخواست پر واپس",
    "Challan %(number)s issued for %(amount)s, due %(date)s":
        "چالان %(number)s بمقدار %(amount)s جاری، آخری تاریخ %(date)s",
    "Degree tracking": "ڈگری ٹریکنگ",
    "Filed: waiting for its challan to be paid": "جمع: چالان کی ادائیگی کا انتظار",
    "In process at %(department)s": "%(department)s میں زیرِ کارروائی",
    "Paid at %(bank)s": "%(bank)s میں ادا",
    "Pay challan %(number)s at a bank": "چالان %(number)s کسی بینک میں ادا کریں",
    "Some of this story cannot be shown right now. Please try again in a little while.":
        "اس کا کچھ حصہ اس وقت نہیں دکھایا جا سکتا۔ براہ کرم تھوڑی دیر بعد دوبارہ کوشش کریں۔",
    "Submitted to %(department)s": "%(department)s کو جمع",
    "The whole case is likely done by %(date)s.": "پورا معاملہ غالباً %(date)s تک مکمل ہو جائے گا۔",
    "The whole story": "پوری روداد",
    "The whole story, and when it is likely to end": "پوری روداد، اور یہ کب تک مکمل ہو گی",
    "This case is over.": "یہ معاملہ مکمل ہو چکا ہے۔",
    "Usually within %(n)s days.": "عموماً %(n)s دن کے اندر۔",
    "What comes next": "آگے کیا ہو گا",
    "Your answer to %(department)s": "%(department)s کو آپ کا جواب",
    "Your answer to the objection, then verification": "اعتراض کا آپ کا جواب، پھر تصدیق",
    "likely by %(date)s": "غالباً %(date)s تک",
    "the treasury counter": "خزانہ کا کاؤنٹر",
    # books mailing
    "%(n)s parcels dispatched for %(semester)s (%(again)s sent again).":
        "%(semester)s کے %(n)s پارسل روانہ کیے گئے (%(again)s دوبارہ بھیجے گئے)۔",
    "A challan number has 18 digits.": "چالان نمبر 18 ہندسوں کا ہوتا ہے۔",
    "A parcel of books dispatched, delivered or returned": "کتب کا پارسل روانہ، موصول یا واپس",
    "A semester's parcels from a CSV of registry numbers: the whole file is sent, or none of it if any line is "
    "refused.":
        "رجسٹری نمبروں کی CSV فائل سے ایک سمسٹر کے پارسل: پوری فائل بھیجی جاتی ہے، یا کوئی سطر رد ہو تو کچھ بھی نہیں۔",
    "Admission challan number": "داخلہ چالان نمبر",
    "Books are mailed by Pakistan Post from the main campus. The registry number is your roll number.":
        "کتب مرکزی کیمپس سے پاکستان پوسٹ کے ذریعے بھیجی جاتی ہیں۔ رجسٹری نمبر آپ کا رول نمبر ہے۔",
    "Books mailing": "کتب کی ترسیل",
    "Books mailing: dispatch a semester, delivered or returned": "کتب کی ترسیل: سمسٹر کی روانگی، موصول یا واپس",
    "Choose the CSV file.": "CSV فائل منتخب کریں۔",
    "Correct my postal address": "میرا ڈاک کا پتہ درست کریں",
    "Dispatch": "روانہ کریں",
    "Enter your roll number or your admission challan number.": "اپنا رول نمبر یا داخلہ چالان نمبر درج کریں۔",
    "Follow an application by its tracking ID or your roll number.":
        "ٹریکنگ آئی ڈی یا اپنے رول نمبر سے درخواست کی پیش رفت دیکھیں۔",
    "Like Spring 2027 or Autumn 2026.": "جیسے Spring 2027 یا Autumn 2026۔",
    "Like Spring 2027.": "جیسے Spring 2027۔",
    "Like the post's batch.": "جیسے ڈاک کا بیچ۔",
    "Line %(line)s": "سطر %(line)s",
    "My address is right: send them again": "میرا پتہ درست ہے: دوبارہ بھیجیں",
    "Name the semester.": "سمسٹر کا نام لکھیں۔",
    "No parcel has been dispatched for this number yet.": "اس نمبر کے لیے ابھی کوئی پارسل روانہ نہیں کیا گیا۔",
    "Note for the students": "طلبہ کے لیے نوٹ",
    "Nothing was dispatched: %(n)s lines refused": "کچھ روانہ نہیں کیا گیا: %(n)s سطریں رد",
    "Parcels": "پارسل",
    "Recorded. The student is told.": "درج ہو گیا۔ طالب علم کو اطلاع دی جاتی ہے۔",
    "Registry number": "رجسٹری نمبر",
    "Registry numbers (CSV)": "رجسٹری نمبر (CSV)",
    "Thank you. Your books will be sent again to the same address.":
        "شکریہ۔ آپ کی کتب اسی پتے پر دوبارہ بھیجی جائیں گی۔",
    "The parcels cannot be listed right now. Please try again in a little while.":
        "پارسلوں کی فہرست اس وقت نہیں دکھائی جا سکتی۔ براہ کرم تھوڑی دیر بعد دوبارہ کوشش کریں۔",
    "The post could not deliver your books. Is your postal address right?":
        "ڈاک آپ کی کتب نہیں پہنچا سکی۔ کیا آپ کا ڈاک کا پتہ درست ہے؟",
    "UTF-8 CSV, its first line registry_number, then one roll number to a line.":
        "UTF-8 CSV، پہلی سطر registry_number، پھر ہر سطر میں ایک رول نمبر۔",
    "Where your books are, by your roll number or admission challan number.":
        "آپ کی کتب کہاں ہیں، رول نمبر یا داخلہ چالان نمبر سے۔",
}
