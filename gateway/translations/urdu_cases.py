"""Urdu for examinations' paid cases (see urdu.py): re-checking of answer scripts and a change
of examination centre, decided on the department's page, and the "revised on" of a result on
the student's results page. Request numbers, codes (ISB-03, BED15, 8603), what the student
wrote and the officers' notes stay as they are."""
from gateway.translations.urdu_admissions import ltr

CASES = {
    # the console and the page
    "Re-checking and change of centre: paid requests": "دوبارہ جانچ اور مرکز کی تبدیلی: ادا شدہ درخواستیں",
    "Re-checking and change of centre": "دوبارہ جانچ اور امتحانی مرکز کی تبدیلی",
    "A case opens here once the student has paid the challan of her request. Your decision closes the request: "
    "she reads the outcome with your note.":
        "طالب علم کی درخواست کا چالان ادا ہوتے ہی اس کا کیس یہاں کھلتا ہے۔ آپ کا فیصلہ درخواست بند کر دیتا ہے: "
        "طالب علم نتیجہ آپ کے نوٹ کے ساتھ پڑھتا ہے۔",
    "Cases to show": "دکھائے جانے والے کیس",
    "Open cases": "کھلے کیس",
    "Decided cases": "فیصلہ شدہ کیس",
    "Both kinds": "دونوں قسمیں",
    "Re-checking of answer scripts": "جوابی کاپیوں کی دوبارہ جانچ",
    "Change of examination centre": "امتحانی مرکز کی تبدیلی",
    "Open cases, oldest first": "کھلے کیس، پرانے پہلے",
    "Decided cases, newest first": "فیصلہ شدہ کیس، نئے پہلے",
    "The cases cannot be shown right now. Please try again in a little while.":
        "کیس اس وقت دکھائے نہیں جا سکتے۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "No open cases: every paid request has been decided.": "کوئی کھلا کیس نہیں: ہر ادا شدہ درخواست کا فیصلہ ہو چکا ہے۔",
    "No case has been decided yet.": "ابھی کسی کیس کا فیصلہ نہیں ہوا۔",
    # one case
    "Her exam centre": "اس کا امتحانی مرکز",
    "Her exam centre now": "اب اس کا امتحانی مرکز",
    "None yet": "ابھی کوئی نہیں",
    "Paid and opened": "ادائیگی اور کیس کھلنے کا وقت",
    "What she wrote:": "اس نے لکھا:",
    "Outcome": "نتیجہ",
    "Decided": "فیصلہ",
    "%(when)s by %(who)s": "%(when)s، از %(who)s",
    "Note sent to the student": "طالب علم کو بھیجا گیا نوٹ",
    "Note sent to the student:": "طالب علم کو بھیجا گیا نوٹ:",
    "Request %(number)s is decided: %(outcome)s.": "درخواست %(number)s کا فیصلہ ہو گیا: %(outcome)s۔",
    "Open": "کھلا",
    "Re-checked: the marks were revised": "دوبارہ جانچ: نمبر بدل دیے گئے",
    "Re-checked: the marks stand as they were": "دوبارہ جانچ: نمبر پہلے جیسے ہی رہے",
    "Change of centre approved": "مرکز کی تبدیلی منظور",
    "Change of centre refused": "مرکز کی تبدیلی نامنظور",
    # re-checking
    "Course re-checked": "دوبارہ جانچا گیا کورس",
    "One of the papers she sat.": "اس کے دیے ہوئے پرچوں میں سے ایک۔",
    "Choose the course that was re-checked.": "وہ کورس منتخب کریں جس کی دوبارہ جانچ ہوئی۔",
    "Did the marks change?": "کیا نمبر بدلے؟",
    "No: the marks stand as they were": "نہیں: نمبر پہلے جیسے ہی ہیں",
    "Yes: the re-checked marks are below": "ہاں: دوبارہ جانچ کے نمبر نیچے ہیں",
    "Say whether the marks changed.": "بتائیں کہ نمبر بدلے یا نہیں۔",
    "Re-checked assignment marks": "دوبارہ جانچ کے بعد مشقوں کے نمبر",
    "Re-checked final exam marks": "دوبارہ جانچ کے بعد آخری امتحان کے نمبر",
    "Out of 100; empty: as they were.": "100 میں سے؛ خالی: پہلے جیسے۔",
    "A mark is a whole number from 0 to 100.": "نمبر 0 سے 100 تک کا پورا عدد ہوتا ہے۔",
    "Give the re-checked marks, or say they did not change.":
        "دوبارہ جانچ کے نمبر لکھیں، یا بتائیں کہ نمبر نہیں بدلے۔",
    "She has no published result of this course to re-check: choose one of her published courses.":
        "اس کورس کا اس کا کوئی شائع شدہ نتیجہ نہیں جس کی دوبارہ جانچ ہو: اس کے شائع شدہ کورسز میں سے ایک منتخب کریں۔",
    "Note to the student": "طالب علم کے لیے نوٹ",
    "Optional: she reads it with the outcome. Empty: she is told which course was re-checked and whether its "
    "marks changed.":
        "اختیاری: طالب علم اسے نتیجے کے ساتھ پڑھتا ہے۔ خالی: اسے بتایا جاتا ہے کہ کس کورس کی دوبارہ جانچ ہوئی اور نمبر "
        "بدلے یا نہیں۔",
    "Write the note in at most 300 characters.": "نوٹ زیادہ سے زیادہ 300 حروف میں لکھیں۔",
    "Record the outcome": "نتیجہ درج کریں",
    # a change of centre
    "Decision": "فیصلہ",
    "Approve: she sits at another centre": "منظور: امتحان دوسرے مرکز میں ہو گا",
    "Refuse: say why in the note": "نامنظور: نوٹ میں وجہ لکھیں",
    "Choose whether to approve or refuse the change.": "منتخب کریں کہ تبدیلی منظور کرنی ہے یا نامنظور۔",
    "Hardship": "مجبوری",
    "When approving: a centre is changed only for one of these, with attested documents.":
        "منظوری کی صورت میں: مرکز صرف ان میں سے کسی ایک وجہ سے، تصدیق شدہ دستاویزات کے ساتھ، بدلا جاتا ہے۔",
    "Transfer of service (own or spouse's)": "ملازمت کا تبادلہ (اپنا یا شریکِ حیات کا)",
    "Marriage": "شادی",
    "Change of residence": "رہائش کی تبدیلی",
    "New exam centre": "نیا امتحانی مرکز",
    "When approving: open centres, by region.": "منظوری کی صورت میں: کھلے مراکز، علاقہ وار۔",
    "When approving: the centre's code, like ISB-03 (the list of centres cannot be shown right now).":
        f"منظوری کی صورت میں: مرکز کا کوڈ، جیسے {ltr('ISB-03')} (مراکز کی فہرست اس وقت دکھائی نہیں جا سکتی)۔",
    "Needed when refusing: she reads why. When approving, empty: she is told her new centre's name and address.":
        "نامنظوری پر ضروری: طالب علم وجہ پڑھتا ہے۔ منظوری پر خالی: اسے نئے مرکز کا نام اور پتا بتایا جاتا ہے۔",
    "Choose the hardship.": "مجبوری منتخب کریں۔",
    "Choose the hardship: a centre is changed only for one.": "مجبوری منتخب کریں: مرکز صرف کسی مجبوری پر بدلا جاتا ہے۔",
    "Choose her new exam centre.": "اس کا نیا امتحانی مرکز منتخب کریں۔",
    "Say why the change is refused: the student reads it.": "بتائیں کہ تبدیلی کیوں نامنظور ہے: طالب علم یہ پڑھے گا۔",
    "No open exam centre has this code: choose one from the list.":
        "اس کوڈ کا کوئی کھلا امتحانی مرکز نہیں: فہرست میں سے ایک منتخب کریں۔",
    "She already sits at this centre: choose another.":
        "یہ طالب علم پہلے ہی اسی مرکز میں امتحان دیتا ہے: کوئی دوسرا منتخب کریں۔",
    "Her centre was changed in this programme already, as often as is allowed: refuse this request, saying so.":
        "اس پروگرام میں اس کا مرکز پہلے ہی جتنی بار اجازت ہے بدلا جا چکا ہے: یہی بتا کر یہ درخواست نامنظور کریں۔",
    "Record the decision": "فیصلہ درج کریں",
    # refusals of the page
    "Request %(number)s has no roll number: there is nothing to re-check or move.":
        "درخواست %(number)s کا کوئی رول نمبر نہیں: نہ کچھ دوبارہ جانچنے کو ہے نہ منتقل کرنے کو۔",
    "Request %(number)s was decided already: see the decided cases.":
        "درخواست %(number)s کا فیصلہ پہلے ہی ہو چکا ہے: فیصلہ شدہ کیس دیکھیں۔",
    "There is no such case (any more).": "ایسا کوئی کیس نہیں (اب نہیں)۔",
    "The decision cannot be saved right now. Please try again in a little while.":
        "فیصلہ اس وقت محفوظ نہیں ہو سکتا۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    # the student's results
    "revised on %(date)s after re-checking": "دوبارہ جانچ کے بعد %(date)s کو نظرِ ثانی",
}
