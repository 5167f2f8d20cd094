"""Demo data: the FAQ's first articles, "AIOU CMS Portal an Overview" (the help desk's own
article this portal is modelled on) first, in English and Urdu."""
import sqlalchemy as sa

from services.requests import faq
from services.requests.models import faq_articles

OVERVIEW = faq.Article(
    category="portal",
    title_en="AIOU CMS Portal an Overview",
    body_en=(
        "The university's campus management system (CMS) is the portal every student and department now works in: "
        "admissions, examinations, treasury and the regional offices do their daily work in it, and students "
        "manage their studies from its dashboard.\n\n"
        "The login: use your registration number as your login ID. Your first password is the last 2 characters of "
        "your name with the last 4 digits of your registration number; you are asked to change it. If you cannot "
        "log in, submit a complaint online at the help desk, without signing in.\n\n"
        "The dashboard's tiles: Academic Records (your tutors, your unofficial transcript), Profile and Campus "
        "Personal Info (if anything is wrong, file a Correction in personal information request), Course "
        "Registration (every failed course must be registered again in each semester), Exams and Grades (results "
        "semester by semester, component marks from Autumn 2021; your exam schedule and roll number slip, valid at "
        "the exam centre), My Financial Account (your dues and payments), Student Service Requests, Mailing and "
        "Books Tracking, and Degree and Transcript Tracking.\n\n"
        "Student service requests: apply online for financial aid or a scholarship, a refund of fee, an other fee "
        "challan (degree fee ordinary, urgent, duplicate or triplicate; correction or verification of a transcript, "
        "certificate or degree; course change; change of examination centre; re-checking of answer scripts) or a "
        "correction in personal information. Attach your documents and write to the officials in the request's "
        "thread. Pay the challan at any collecting bank: without its payment your application is turned down. Note "
        "your service request number: the officials' answers come in the same request thread.\n\n"
        "Beware of social media pages selling assignment solutions, paper guesses or degree services: use only the "
        "university's official sources."),
    title_ur="اے آئی او یو سی ایم ایس پورٹل کا تعارف",
    body_ur=(
        "یونیورسٹی کا کیمپس مینجمنٹ سسٹم (سی ایم ایس) وہ پورٹل ہے جس میں اب ہر طالب علم اور ہر شعبہ کام کرتا ہے: "
        "داخلہ، امتحانات، خزانہ اور علاقائی دفاتر اپنا روزمرہ کام اسی میں کرتے ہیں، اور طلبہ اپنے ڈیش بورڈ سے اپنی "
        "تعلیم "
        "کا انتظام کرتے ہیں۔\n\n"
        "لاگ اِن: اپنا رجسٹریشن نمبر لاگ اِن آئی ڈی کے طور پر استعمال کریں۔ پہلا پاس ورڈ آپ کے نام کے آخری 2 حروف "
        "اور "
        "رجسٹریشن نمبر کے آخری 4 ہندسوں سے بنتا ہے؛ آپ سے اسے بدلنے کو کہا جائے گا۔ اگر لاگ اِن نہ ہو سکے تو سائن "
        "اِن "
        "کیے بغیر ہیلپ ڈیسک پر آن لائن شکایت درج کریں۔\n\n"
        "ڈیش بورڈ کے خانے: تعلیمی ریکارڈ (آپ کے ٹیوٹر، غیر سرکاری ٹرانسکرپٹ)، پروفائل اور ذاتی معلومات (کچھ غلط ہو "
        "تو "
        "ذاتی معلومات میں تصحیح کی درخواست دیں)، کورس رجسٹریشن (ہر فیل کورس ہر سمسٹر میں دوبارہ رجسٹر کرنا ہوگا)، "
        "امتحانات اور گریڈ (سمسٹر وار نتائج؛ امتحانی شیڈول اور رول نمبر سلپ جو امتحانی مرکز میں قابلِ قبول ہے)، میرا "
        "مالی کھاتہ، طلبہ کی سروس درخواستیں، کتابوں کی ترسیل کی ٹریکنگ، اور ڈگری و ٹرانسکرپٹ کی ٹریکنگ۔\n\n"
        "سروس درخواستیں: مالی امداد یا وظیفہ، فیس کی واپسی، دیگر فیس چالان (ڈگری فیس عام، فوری، دوسری یا تیسری نقل؛ "
        "ٹرانسکرپٹ، سند یا ڈگری کی تصحیح یا تصدیق؛ کورس کی تبدیلی؛ امتحانی مرکز کی تبدیلی؛ جوابی کاپیوں کی دوبارہ "
        "جانچ) "
        "یا ذاتی معلومات میں تصحیح کے لیے آن لائن درخواست دیں۔ اپنی دستاویزات منسلک کریں اور درخواست کے پیغامات میں "
        "افسران کو لکھیں۔ چالان کسی بھی بینک میں جمع کروائیں: ادائیگی کے بغیر آپ کی درخواست مسترد ہو جائے گی۔ اپنا "
        "سروس "
        "درخواست نمبر نوٹ کر لیں: افسران کے جواب اسی درخواست میں آئیں گے۔\n\n"
        "سوشل میڈیا کے ان صفحات سے ہوشیار رہیں جو مشقوں کے حل، پرچوں کے اندازے یا ڈگری کی خدمات بیچتے ہیں: صرف "
        "یونیورسٹی کے سرکاری ذرائع استعمال کریں۔"))

FORGOT_PASSWORD = faq.Article(
    category="login",
    title_en="I forgot my password or my account is locked",
    body_en=("Use \"Forgot your password?\" on the sign-in page: a link to set a new password comes to the email "
             "address in your record. After several wrong passwords your account is held for a while; if it stays "
             "locked, or your email address in the record is wrong, tell the help desk without signing in."),
    title_ur="میں پاس ورڈ بھول گیا/گئی ہوں یا میرا اکاؤنٹ بند ہے",
    body_ur=("سائن اِن کے صفحے پر \"پاس ورڈ بھول گئے؟\" استعمال کریں: نیا پاس ورڈ بنانے کا لنک آپ کے ریکارڈ میں درج "
             "ای میل "
             "پر آئے گا۔ کئی بار غلط پاس ورڈ کے بعد اکاؤنٹ کچھ دیر کے لیے روک دیا جاتا ہے؛ اگر بند ہی رہے یا ریکارڈ "
             "میں ای میل "
             "غلط ہو تو سائن اِن کیے بغیر ہیلپ ڈیسک کو بتائیں۔"))

UNPAID_CHALLAN = faq.Article(
    category="fees",
    title_en="Why was my service request turned down?",
    body_en=("A request with a fee waits for its challan to be paid. When the challan's last day passes unpaid, the "
             "request is turned down automatically; file it again for a new challan. A request can also be rejected "
             "by its department with a reason, shown in the request's history."),
    title_ur="میری سروس درخواست کیوں مسترد ہوئی؟",
    body_ur=("فیس والی درخواست اپنے چالان کی ادائیگی کی منتظر رہتی ہے۔ چالان کی آخری تاریخ تک ادائیگی نہ ہو تو "
             "درخواست خود بخود "
             "مسترد ہو جاتی ہے؛ نئے چالان کے لیے دوبارہ درخواست دیں۔ متعلقہ شعبہ بھی وجہ بتا کر درخواست مسترد کر "
             "سکتا ہے، جو "
             "درخواست کے ریکارڈ میں نظر آتی ہے۔"))

ARTICLES = (OVERVIEW, FORGOT_PASSWORD, UNPAID_CHALLAN)


def seed(runtime) -> None:
    with runtime.db.sessions() as session:
        present = set(session.execute(sa.select(faq_articles.c.title_en)).scalars())
    for article in ARTICLES:
        if article.title_en not in present:
            faq.save(runtime.db, None, article)
