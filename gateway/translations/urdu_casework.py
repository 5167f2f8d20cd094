"""Urdu for a request worked through (see urdu.py): the student's thread and documents on her
request's page, and the department's page of a request (its decision, officer, replies,
internal notes and documents) and the console's queue filters. Messages, reasons, file
names and staff logins stay as people wrote them; a service's refusal stays in English."""
CASEWORK = {
    # the student's request page
    "The department needs something from you": "شعبے کو آپ سے کچھ درکار ہے",
    "Answer with a message or a document below: the request goes back to the department.":
        "نیچے پیغام یا دستاویز سے جواب دیں: درخواست دوبارہ شعبے کے پاس چلی جائے گی۔",
    "Awaiting the student's answer": "طالب علم کے جواب کی منتظر",
    "Messages": "پیغامات",
    "No messages yet.": "ابھی کوئی پیغام نہیں۔",
    "You": "آپ",
    "University official": "یونیورسٹی کے افسر",
    "Your message": "آپ کا پیغام",
    "Write your message.": "اپنا پیغام لکھیں۔",
    "Please keep your message within %(max)d characters.": "براہِ کرم پیغام %(max)d حروف کے اندر رکھیں۔",
    "Send": "بھیجیں",
    "Your message has been sent to the officials.": "آپ کا پیغام متعلقہ افسران کو بھیج دیا گیا ہے۔",
    "Documents": "دستاویزات",
    "No documents attached.": "کوئی دستاویز منسلک نہیں۔",
    "from the student": "طالب علم کی طرف سے",
    "from the university": "یونیورسٹی کی طرف سے",
    "PDF, JPEG or PNG, up to 5 MB. A photo of a paper document is fine.":
        "PDF، JPEG یا PNG، زیادہ سے زیادہ 5 MB۔ کاغذی دستاویز کی تصویر بھی چلے گی۔",
    "Choose the file to attach.": "منسلک کرنے کے لیے فائل منتخب کریں۔",
    "Attach": "منسلک کریں",
    "Your document has been attached.": "آپ کی دستاویز منسلک کر دی گئی ہے۔",
    "Not accepted: %(why)s": "قبول نہیں: %(why)s",
    "This request is closed: file a new request if you need more.":
        "یہ درخواست بند ہو چکی ہے: مزید ضرورت ہو تو نئی درخواست دیں۔",
    # the department's request page
    "Challan": "چالان",
    "Decide by": "فیصلے کی آخری تاریخ",
    "Overdue": "مقررہ مدت گزر چکی",
    "Officer": "افسر",
    "Nobody yet": "ابھی کوئی نہیں",
    "This request is decided in its own tool (refunds, financial aid, re-checking or a change of centre): "
    "its decision there resolves it here.":
        "اس درخواست کا فیصلہ اس کے اپنے ٹول میں ہوتا ہے (رقم کی واپسی، مالی امداد، دوبارہ جانچ یا مرکز کی تبدیلی): "
        "وہاں کا فیصلہ اسے یہاں بھی نمٹا دیتا ہے۔",
    "A correction is decided field by field in the student's record.":
        "تصحیح کا فیصلہ طالب علم کے ریکارڈ میں ہر خانے کے لیے الگ ہوتا ہے۔",
    "Approve: the request is resolved": "منظور: درخواست نمٹا دی گئی",
    "Ask the student for information": "طالب علم سے معلومات طلب کریں",
    "Reject": "مسترد کریں",
    "Choose a decision.": "فیصلہ منتخب کریں۔",
    "Reason, as the student will read it": "وجہ، جیسے طالب علم پڑھے گا",
    "Required to reject or to ask for something.": "مسترد کرنے یا کچھ طلب کرنے کے لیے ضروری ہے۔",
    "Please keep the reason within %(max)d characters.": "براہِ کرم وجہ %(max)d حروف کے اندر رکھیں۔",
    "The fee is not paid yet: the request reaches you when it is, or is turned down when its challan lapses.":
        "فیس ابھی ادا نہیں ہوئی: ادائیگی پر درخواست آپ تک پہنچے گی، یا چالان کی میعاد ختم ہونے پر مسترد ہو جائے گی۔",
    "This request has been decided.": "اس درخواست کا فیصلہ ہو چکا ہے۔",
    "Officer's login": "افسر کا لاگ اِن",
    "Empty: nobody is on it.": "خالی: کوئی افسر مقرر نہیں۔",
    "A staff login, like exams.officer.": "عملے کا لاگ اِن، جیسے exams.officer۔",
    "Set the officer": "افسر مقرر کریں",
    "Assign to me": "مجھے سونپیں",
    "Internal note: only the department sees it": "اندرونی نوٹ: صرف شعبہ دیکھ سکتا ہے",
    "internal note": "اندرونی نوٹ",
    "Your reply has been sent to the student.": "آپ کا جواب طالب علم کو بھیج دیا گیا ہے۔",
    "Your internal note is kept with the request.": "آپ کا اندرونی نوٹ درخواست کے ساتھ محفوظ کر دیا گیا ہے۔",
    "The document has been attached.": "دستاویز منسلک کر دی گئی ہے۔",
    "The request is approved and resolved.": "درخواست منظور ہو کر نمٹا دی گئی ہے۔",
    "The request is rejected; the student reads your reason.": "درخواست مسترد کر دی گئی؛ طالب علم آپ کی وجہ پڑھے گا۔",
    "The student has been asked; the request waits for her answer.":
        "طالب علم سے پوچھ لیا گیا ہے؛ درخواست اس کے جواب کی منتظر ہے۔",
    "The request's officer is set.": "درخواست کا افسر مقرر کر دیا گیا ہے۔",
    "Back to the queue": "فہرست پر واپس",
    # the console's queue
    "Service requests": "سروس درخواستیں",
    "Open (not decided)": "زیرِ کارروائی (فیصلہ نہیں ہوا)",
    "Kind of request": "درخواست کی قسم",
    "All": "سب",
    "With us at least (days)": "ہمارے پاس کم از کم (دن)",
    "Only overdue": "صرف جن کی مدت گزر چکی",
    "Only mine": "صرف میری",
    "No requests match these filters.": "ان شرائط پر کوئی درخواست نہیں۔",
    # a correction in personal information
    "Correct your name, father's name, CNIC, date of birth, address, mobile or email":
        "اپنا نام، والد کا نام، شناختی کارڈ نمبر، تاریخ پیدائش، پتہ، موبائل یا ای میل درست کروائیں",
    "Correct your personal information": "اپنی ذاتی معلومات درست کروائیں",
    "Fill in only what is wrong. Admissions decide each field. For a name, father's name, CNIC or date of birth, "
    "attach a copy of your CNIC or certificate to the request once it is filed.":
        "صرف وہی بھریں جو غلط ہے۔ داخلہ شعبہ ہر خانے کا الگ فیصلہ کرتا ہے۔ نام، والد کے نام، شناختی کارڈ نمبر یا "
        "تاریخ پیدائش کے لیے درخواست دینے کے بعد اس کے ساتھ اپنے شناختی کارڈ یا سند کی نقل منسلک کریں۔",
    "Your record cannot be shown right now. Please try again in a little while.":
        "آپ کا ریکارڈ اس وقت دکھایا نہیں جا سکتا۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "Your record:": "آپ کے ریکارڈ میں:",
    "Email address": "ای میل پتہ",
    "Mobile number": "موبائل نمبر",
    "Like 35202-1234567-1.": "جیسے 35202-1234567-1۔",
    "Like 2001-09-03.": "جیسے 2001-09-03۔",
    "Like 0300-1234567.": "جیسے 0300-1234567۔",
    "Why the record is wrong": "ریکارڈ میں کیا غلط ہے",
    "File the correction": "تصحیح کی درخواست دیں",
    "Fill in the new value of what is wrong.": "جو غلط ہے اس کی درست معلومات بھریں۔",
    "Your correction is filed. If it changes your name, father's name, CNIC or date of birth, attach a copy of "
    "your CNIC or certificate below: admissions approve those only with one.":
        "آپ کی تصحیح کی درخواست جمع ہو گئی۔ اگر اس میں نام، والد کا نام، شناختی کارڈ نمبر یا تاریخ پیدائش بدلنی ہے "
        "تو نیچے اپنے شناختی کارڈ یا سند کی نقل منسلک کریں: داخلہ شعبہ اس کے بغیر انہیں منظور نہیں کرتا۔",
    "Corrections asked for": "مطلوبہ تصحیحات",
    "The record said": "ریکارڈ میں تھا",
    "Corrected to": "درست کر کے",
    "Awaiting a decision": "فیصلے کی منتظر",
    "Not approved": "منظور نہیں ہوئی",
    # admissions' decision on a correction
    "A name, father's name, CNIC or date of birth is approved only with a document of hers attached; ask her for "
    "one if there is none.":
        "نام، والد کا نام، شناختی کارڈ نمبر یا تاریخ پیدائش صرف طالب علم کی منسلک دستاویز کے ساتھ منظور ہوتی ہے؛ "
        "اگر نہ ہو تو اس سے طلب کریں۔",
    "Approve: correct the record": "منظور: ریکارڈ درست کریں",
    "Refuse": "نامنظور",
    "Why refused (she reads it)": "نامنظوری کی وجہ (طالب علم پڑھے گا)",
    "Approve or refuse this field.": "اس خانے کو منظور یا نامنظور کریں۔",
    "Say why: the student reads it.": "وجہ بتائیں: طالب علم اسے پڑھے گا۔",
    "Record the decisions": "فیصلے محفوظ کریں",
    "The decisions are recorded; approved fields are applied to her record.":
        "فیصلے محفوظ ہو گئے؛ منظور شدہ خانے طالب علم کے ریکارڈ میں درج کر دیے جائیں گے۔",
    # the console's service levels
    "Service levels": "خدمت کی مقررہ مدت",
    "Of the %(decided)s requests decided in the last 30 days, %(on_time)s (%(percent)s%%) were decided by their day.":
        "پچھلے 30 دنوں میں جن %(decided)s درخواستوں کا فیصلہ ہوا، ان میں سے %(on_time)s (%(percent)s%%) کا فیصلہ "
        "مقررہ دن تک ہوا۔",
    "No request was decided in the last 30 days.": "پچھلے 30 دنوں میں کسی درخواست کا فیصلہ نہیں ہوا۔",
    "Open: %(open)s; overdue: %(overdue)s (escalated to the head: %(escalated)s).":
        "زیرِ کارروائی: %(open)s؛ مدت گزر چکی: %(overdue)s (سربراہ کو اطلاع: %(escalated)s)۔",
    "Open requests by days with us": "زیرِ کارروائی درخواستیں، ہمارے پاس دنوں کے لحاظ سے",
    "Within the service level": "مقررہ مدت کے اندر",
    "Requests": "درخواستیں",
    "Days with us": "ہمارے پاس دن",
    "escalated to the head on %(date)s": "%(date)s کو سربراہ کو اطلاع دی گئی",
}
