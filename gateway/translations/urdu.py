"""The Urdu catalogue's source: English message -> Urdu, kept as tables a translator can
review line by line (this one for the common pages, one module per area beside it).
`python -m gateway.translations` (make translations) extracts every message of the
portal, fills it in from URDU and writes ur/LC_MESSAGES/messages.po and .mo; `make test`
fails on any message without Urdu, or a catalogue not regenerated."""
from gateway.translations.urdu_accounts import ACCOUNTS
from gateway.translations.urdu_admissions import ADMISSIONS
from gateway.translations.urdu_cases import CASES
from gateway.translations.urdu_casework import CASEWORK
from gateway.translations.urdu_exams import EXAMS
from gateway.translations.urdu_finance import FINANCE
from gateway.translations.urdu_helpdesk import HELPDESK
from gateway.translations.urdu_notifications import NOTIFICATIONS
from gateway.translations.urdu_programmes import PROGRAMMES
from gateway.translations.urdu_registration import REGISTRATION
from gateway.translations.urdu_requests import REQUESTS
from gateway.translations.urdu_results import RESULTS
from gateway.translations.urdu_security import SECURITY
from gateway.translations.urdu_tracking import TRACKING

COMMON = {
    "Enter your registration number (like 22P-123456) or your staff login.":
        "اپنا رجسٹریشن نمبر (جیسے 22P-123456) یا اسٹاف لاگ اِن لکھیں۔",
    "Registration number or staff login": "رجسٹریشن نمبر یا اسٹاف لاگ اِن",
    "Enter your registration number or staff login.": "اپنا رجسٹریشن نمبر یا اسٹاف لاگ اِن لکھیں۔",
    "Password": "پاس ورڈ",
    "Enter your password.": "اپنا پاس ورڈ لکھیں۔",
    "A tracking ID looks like EBN-AGZ-2G33.": "ٹریکنگ آئی ڈی اس طرح کی ہوتی ہے: EBN-AGZ-2G33",
    "Tracking ID": "ٹریکنگ آئی ڈی",
    "Enter the tracking ID from your acknowledgement.": "اپنی رسید پر لکھی ٹریکنگ آئی ڈی درج کریں۔",
    "Rs %(amount)s": "%(amount)s روپے",
    "The request could not be read": "درخواست پڑھی نہیں جا سکی",
    "Not for you": "یہ آپ کے لیے نہیں",
    "Page not found": "صفحہ نہیں ملا",
    "Not allowed here": "یہاں اس کی اجازت نہیں",
    "Too large": "بہت بڑا",
    "Too many attempts": "بہت زیادہ کوششیں",
    "Something went wrong on our side": "ہماری طرف کچھ خرابی ہو گئی",
    "A service is not answering": "ایک سروس جواب نہیں دے رہی",
    "The form could not be accepted (it may have been open too long). Go back, reload the page and try again.":
        "فارم قبول نہیں ہو سکا (شاید بہت دیر کھلا رہا)۔ واپس جائیں، صفحہ دوبارہ لوڈ کریں اور پھر کوشش کریں۔",
    "This page is not for your account.": "یہ صفحہ آپ کے اکاؤنٹ کے لیے نہیں ہے۔",
    "There is no page at this address. Check the address, or start from the home page.":
        "اس پتے پر کوئی صفحہ نہیں۔ پتا دیکھ لیں یا ہوم پیج سے شروع کریں۔",
    "Please wait a minute, then try again.": "براہِ کرم ایک منٹ انتظار کریں، پھر کوشش کریں۔",
    "It has been logged. Please try again in a little while.":
        "یہ درج کر لیا گیا ہے۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "Part of the portal is not answering right now. Please try again in a little while.":
        "پورٹل کا ایک حصہ اس وقت جواب نہیں دے رہا۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "This account has not been activated yet: use the activation code we sent you.":
        "یہ اکاؤنٹ ابھی فعال نہیں ہوا: ہمارا بھیجا ہوا ایکٹیویشن کوڈ استعمال کریں۔",
    "This account is locked. Please contact student services.":
        "یہ اکاؤنٹ بند ہے۔ براہِ کرم اسٹوڈنٹ سروسز سے رابطہ کریں۔",
    "Wrong registration number, login or password.": "رجسٹریشن نمبر، لاگ اِن یا پاس ورڈ غلط ہے۔",
    "You cannot sign in with this account.": "آپ اس اکاؤنٹ سے سائن اِن نہیں کر سکتے۔",
    "Too many attempts. Try again in %(seconds)s seconds.": "بہت زیادہ کوششیں۔ %(seconds)s سیکنڈ بعد دوبارہ کوشش کریں۔",
    "Sign-in is very busy right now. Please try again in a few seconds.":
        "اس وقت سائن اِن پر بہت زیادہ رش ہے۔ براہِ کرم چند سیکنڈ بعد دوبارہ کوشش کریں۔",
    "Bank clients use the bank API, not the portal.": "بینک، پورٹل نہیں بلکہ بینک API استعمال کرتے ہیں۔",
    "No application has this tracking ID.": "اس ٹریکنگ آئی ڈی کی کوئی درخواست نہیں۔",
    "Admissions": "داخلہ",
    "Examinations": "امتحانات",
    "Treasury": "خزانہ",
    "Regional office": "علاقائی دفتر",
    "Dispatch and mailing": "ترسیل و ڈاک",
    "Student services": "اسٹوڈنٹ سروسز",
    "Degree": "ڈگری",
    "Transcript": "ٹرانسکرپٹ",
    "Certificate": "سرٹیفکیٹ",
    "Online application": "آن لائن درخواست",
    "In-process application": "زیرِ کارروائی درخواست",
    "Incomplete / returned application": "نامکمل / واپس کی گئی درخواست",
    "Received": "موصول",
    "Verification": "تصدیق",
    "Printing": "چھپائی",
    "Signing": "دستخط",
    "Dispatched": "روانہ",
    "Delivered": "پہنچا دیا گیا",
    "Being filed": "درج ہو رہی ہے",
    "Awaiting payment": "ادائیگی کا انتظار",
    "Submitted": "جمع ہو گئی",
    "In process": "زیرِ کارروائی",
    "Resolved": "حل ہو گئی",
    "Rejected": "مسترد",
    "Unpaid": "غیر ادا شدہ",
    "Paid": "ادا شدہ",
    "Blocked": "بند",
    "Prepared": "تیار",
    "Returned": "واپس آ گیا",
    "Student portal": "طلبہ پورٹل",
    "Open University": "اوپن یونیورسٹی",
    "Skip to content": "مواد پر جائیں",
    "Open University portal": "اوپن یونیورسٹی پورٹل",
    "Language": "زبان",
    "Sign out": "سائن آؤٹ",
    "Open University student portal · open source": "اوپن یونیورسٹی طلبہ پورٹل · اوپن سورس",
    "Error %(code)s": "خرابی %(code)s",
    "Home page": "ہوم پیج",
    "Welcome to the student portal": "طلبہ پورٹل میں خوش آمدید",
    "Registration, results, fee challans, service requests and degree tracking, on any phone.":
        "رجسٹریشن، نتائج، فیس چالان، سروس درخواستیں اور ڈگری ٹریکنگ، ہر فون پر۔",
    "My portal": "میرا پورٹل",
    "Sign in": "سائن اِن",
    "Students with their registration number, staff with their login.":
        "طلبہ اپنے رجسٹریشن نمبر سے، اسٹاف اپنے لاگ اِن سے۔",
    "Degree and transcript tracking": "ڈگری اور ٹرانسکرپٹ ٹریکنگ",
    "Follow an application by its tracking ID.": "ٹریکنگ آئی ڈی سے درخواست کی پیش رفت دیکھیں۔",
    "You have signed out.": "آپ سائن آؤٹ ہو گئے ہیں۔",
    "Not available right now. Please try again in a little while.":
        "اس وقت دستیاب نہیں۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "Track": "ٹریک کریں",
    "Document": "دستاویز",
    "Section": "شعبہ",
    "Stage": "مرحلہ",
    "Urgent": "فوری",
    "Yes": "ہاں",
    "No": "نہیں",
    "Last change": "آخری تبدیلی",
    "Objection: %(reason)s. Resolve by %(date)s.": "اعتراض: %(reason)s۔ %(date)s تک دور کریں۔",
    "Open service requests": "کھلی سروس درخواستیں",
    "The queue is not available right now. Please try again in a little while.":
        "فہرست اس وقت دستیاب نہیں۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "Request": "درخواست",
    "Student": "طالب علم",
    "Subject": "موضوع",
    "Status": "صورتِ حال",
    "Filed": "درج ہوئی",
    "No open requests. Well done.": "کوئی کھلی درخواست نہیں۔ شاباش۔",
    "My dashboard": "میرا ڈیش بورڈ",
    "Assalam-o-Alaikum, %(name)s": "السلام علیکم، %(name)s",
    "My courses": "میرے کورسز",
    "Credit hours: %(hours)s": "کریڈٹ آورز: %(hours)s",
    "No courses registered this semester.": "اس سمسٹر میں کوئی کورس رجسٹر نہیں۔",
    "My tutors": "میرے ٹیوٹرز",
    "Tutors are allocated one to two weeks after the semester starts.":
        "ٹیوٹرز سمسٹر شروع ہونے کے ایک سے دو ہفتے بعد مقرر ہوتے ہیں۔",
    "Exams and grades": "امتحانات اور گریڈز",
    "GPA %(gpa)s": "جی پی اے %(gpa)s",
    "Course": "کورس",
    "Marks": "نمبر",
    "Grade": "گریڈ",
    "No results have been published for you yet.": "آپ کا کوئی نتیجہ ابھی شائع نہیں ہوا۔",
    "Unofficial transcript": "غیر سرکاری ٹرانسکرپٹ",
    "Semesters with published results: %(count)s": "شائع شدہ نتائج والے سمسٹرز: %(count)s",
    "A printable transcript comes with the examinations update of the portal.":
        "قابلِ طباعت ٹرانسکرپٹ پورٹل کی امتحانات والی تازہ کاری کے ساتھ آئے گا۔",
    "My profile": "میری پروفائل",
    "Name": "نام",
    "Father's name": "والد کا نام",
    "Programme": "پروگرام",
    "Regional centre": "علاقائی مرکز",
    "Admitted": "داخلہ",
    "Campus personal info": "ذاتی معلومات",
    "Email": "ای میل",
    "Mobile": "موبائل",
    "Postal address": "ڈاک کا پتا",
    "Something wrong? File a correction request under Student service requests.":
        "کچھ غلط ہے؟ اسٹوڈنٹ سروس درخواستوں میں درستی کی درخواست دیں۔",
    "Course registration": "کورس رجسٹریشن",
    "Courses registered for %(semester)s: %(count)s": "%(semester)s کے لیے رجسٹرڈ کورسز: %(count)s",
    "My exam schedule / roll number slip": "میرا امتحانی شیڈول / رول نمبر سلپ",
    "My financial account": "میرا مالی کھاتہ",
    "Outstanding: %(amount)s": "واجب الادا: %(amount)s",
    "Student service requests": "اسٹوڈنٹ سروس درخواستیں",
    "Challan %(number)s, %(amount)s": "چالان %(number)s، %(amount)s",
    "You have not filed any requests.": "آپ نے کوئی درخواست نہیں دی۔",
    "Mailing and books tracking": "ڈاک اور کتب کی ٹریکنگ",
    "Registry number %(number)s": "رجسٹری نمبر %(number)s",
    "No book parcel has been dispatched to you yet.": "آپ کو ابھی کتابوں کا کوئی پارسل روانہ نہیں ہوا۔",
    "No degree or transcript application yet.": "ابھی ڈگری یا ٹرانسکرپٹ کی کوئی درخواست نہیں۔",
    "Notifications": "اطلاعات",
    "No notifications.": "کوئی اطلاع نہیں۔",
    "My account": "میرا اکاؤنٹ",
    "Last sign-in: %(when)s": "آخری سائن اِن: %(when)s",
    "This is your first sign-in.": "یہ آپ کا پہلا سائن اِن ہے۔",
}

#: Every area's table; add a line here for a new area's module.
URDU = {**COMMON, **REQUESTS, **ACCOUNTS, **SECURITY, **REGISTRATION, **ADMISSIONS, **PROGRAMMES, **EXAMS, **RESULTS,
        **CASES, **FINANCE, **CASEWORK, **HELPDESK, **NOTIFICATIONS, **TRACKING}
