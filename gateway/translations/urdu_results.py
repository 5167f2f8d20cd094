"""Urdu for the results pages (see urdu.py): the student's results, GPA chart and transcript,
the public result card by roll number, and the examinations department's marks (one paper,
a file with its progress and report) and publication (figures, charts, publishing). Course
titles, names, codes (BED15, BM214365, 8604), grades and CSV column names stay as they are."""
from gateway.translations.urdu_admissions import ltr

ROLL = ltr("BM214365")
SLIP_ROLL = ltr("BO680724")
PAPER = ltr("8604")

RESULTS = {
    # the dashboard, the home page and the console
    "My results": "میرے نتائج",
    "My results and GPA chart": "میرے نتائج اور جی پی اے کا چارٹ",
    "Download my unofficial transcript (PDF)": "میرا غیر سرکاری ٹرانسکرپٹ ڈاؤن لوڈ کریں (PDF)",
    "Your transcript can be downloaded once a result of yours is published.":
        "آپ کا کوئی نتیجہ شائع ہونے کے بعد ٹرانسکرپٹ ڈاؤن لوڈ کیا جا سکے گا۔",
    "Results": "نتائج",
    "See a published result with your roll number.": "اپنے رول نمبر سے شائع شدہ نتیجہ دیکھیں۔",
    "Marks: one paper at a time, or a file": "نمبر: ایک ایک پرچہ، یا فائل",
    "Results: figures and publication": "نتائج: اعداد و شمار اور اعلان",
    # the student's results
    "There is no transcript to download yet: it lists published results only, and none of yours is published yet.":
        "ابھی ڈاؤن لوڈ کے لیے کوئی ٹرانسکرپٹ نہیں: اس میں صرف شائع شدہ نتائج ہوتے ہیں، اور آپ کا کوئی نتیجہ ابھی "
        "شائع نہیں ہوا۔",
    "Your results cannot be shown right now. Please try again in a little while.":
        "آپ کے نتائج اس وقت دکھائے نہیں جا سکتے۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "No results yet": "ابھی کوئی نتیجہ نہیں",
    "No results have been published for you yet. A programme's results show here on the day they are published; "
    "your transcript can be downloaded from then.":
        "آپ کا کوئی نتیجہ ابھی شائع نہیں ہوا۔ کسی پروگرام کے نتائج اعلان کے دن یہاں نظر آتے ہیں؛ اسی دن سے آپ "
        "اپنا ٹرانسکرپٹ ڈاؤن لوڈ کر سکیں گے۔",
    "Summary": "خلاصہ",
    "No CGPA: your programme's level is not graded on the GPA scale, or a result is late.":
        "سی جی پی اے نہیں: آپ کے پروگرام کی سطح جی پی اے کے پیمانے پر نہیں، یا کوئی نتیجہ ابھی باقی ہے۔",
    "The unofficial transcript lists every published result with GPA and CGPA. Its QR code lets anyone check it "
    "is genuine.":
        "غیر سرکاری ٹرانسکرپٹ میں ہر شائع شدہ نتیجہ جی پی اے اور سی جی پی اے کے ساتھ ہوتا ہے۔ اس کے QR کوڈ سے "
        "کوئی بھی جانچ سکتا ہے کہ یہ اصلی ہے۔",
    "My GPA by semester": "سمسٹر وار میرا جی پی اے",
    "GPA": "جی پی اے",
    "There is no GPA to chart: your programme's level is not graded on the GPA scale (Matric, FA, BA and "
    "associate degrees are not), or a result is still late.":
        "چارٹ کے لیے کوئی جی پی اے نہیں: آپ کے پروگرام کی سطح جی پی اے کے پیمانے پر نہیں (میٹرک، ایف اے، بی اے "
        "اور ایسوسی ایٹ ڈگری اس پر نہیں)، یا کوئی نتیجہ ابھی باقی ہے۔",
    "Published on %(date)s": "%(date)s کو شائع ہوا",
    "My results in %(semester)s": "%(semester)s میں میرے نتائج",
    "Assignments": "مشقیں",
    "Final exam": "آخری امتحان",
    "Total": "کل",
    "Remarks": "کیفیت",
    "Pass": "پاس",
    "Fail": "فیل",
    "Result late": "نتیجہ باقی",
    # the public result card
    "Roll number": "رول نمبر",
    "As on your roll number slip, like BM214365.": f"جیسا آپ کی رول نمبر سلپ پر ہے، جیسے {ROLL}",
    "Enter your roll number.": "اپنا رول نمبر لکھیں۔",
    "A roll number is two letters and six digits, like BM214365.":
        f"رول نمبر دو حروف اور چھ ہندسوں کا ہوتا ہے، جیسے {ROLL}",
    "No published result has this roll number. Check it against your roll number slip: a programme's results "
    "show here from the day they are published.":
        "اس رول نمبر کا کوئی شائع شدہ نتیجہ نہیں۔ اسے اپنی رول نمبر سلپ سے ملا لیں: کسی پروگرام کے نتائج اعلان "
        "کے دن سے یہاں نظر آتے ہیں۔",
    "Results cannot be shown right now. Please try again in a little while.":
        "نتائج اس وقت دکھائے نہیں جا سکتے۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "Re-appear in the failed courses": "فیل کورسز میں دوبارہ امتحان",
    "Result late: a result is still awaited": "نتیجہ باقی: کسی کورس کا نتیجہ ابھی آنا ہے",
    "Published on": "اعلان کی تاریخ",
    "Revised on %(date)s: a late result or a re-check changed this card.":
        "%(date)s کو نظرِ ثانی: کسی تاخیر سے آنے والے نتیجے یا دوبارہ جانچ سے یہ کارڈ بدلا۔",
    "Results in %(semester)s": "%(semester)s کے نتائج",
    "This card is for information. Your unofficial transcript is under My results once you sign in.":
        "یہ کارڈ معلومات کے لیے ہے۔ سائن اِن کے بعد آپ کا غیر سرکاری ٹرانسکرپٹ \"میرے نتائج\" میں ملے گا۔",
    "See a published result with your roll number. You do not need to sign in.":
        "اپنے رول نمبر سے شائع شدہ نتیجہ دیکھیں۔ سائن اِن کی ضرورت نہیں۔",
    "See another result": "کوئی اور نتیجہ دیکھیں",
    "See the result": "نتیجہ دیکھیں",
    # examinations: marks
    "Like BO680724.": f"جیسے {SLIP_ROLL}",
    "Enter the roll number.": "رول نمبر لکھیں۔",
    "The paper, like 8604.": f"پرچہ، جیسے {PAPER}",
    "Assignment marks": "مشقوں کے نمبر",
    "Out of 100; empty while awaited.": "100 میں سے؛ انتظار ہو تو خالی چھوڑیں۔",
    "Final exam marks": "آخری امتحان کے نمبر",
    "Workshop attendance (%)": "ورکشاپ میں حاضری (%)",
    "Where the level has workshops; else empty.": "جہاں سطح میں ورکشاپ ہو؛ ورنہ خالی۔",
    "A mark is a whole number from 0 to 100; leave it empty while it is awaited.":
        "نمبر 0 سے 100 تک کا پورا عدد ہوتا ہے؛ انتظار ہو تو خالی چھوڑیں۔",
    "Workshop attendance is a percentage from 0 to 100; leave it empty where there is no workshop.":
        "ورکشاپ میں حاضری 0 سے 100 تک فیصد ہوتی ہے؛ جہاں ورکشاپ نہ ہو وہاں خالی چھوڑیں۔",
    "No candidate has this roll number.": "اس رول نمبر کا کوئی امیدوار نہیں۔",
    "This candidate does not sit this paper.": "یہ امیدوار یہ پرچہ نہیں دے رہا۔",
    "This result is published: it changes now only through re-checking.":
        "یہ نتیجہ شائع ہو چکا ہے: اب یہ صرف دوبارہ جانچ سے بدل سکتا ہے۔",
    "CSV file of marks": "نمبروں کی CSV فائل",
    "The marks cannot be saved right now. Please send them again in a little while.":
        "نمبر اس وقت محفوظ نہیں ہو سکتے۔ براہِ کرم تھوڑی دیر بعد دوبارہ بھیجیں۔",
    "Files of marks cannot be taken right now. Please send the file again in a little while.":
        "نمبروں کی فائلیں اس وقت نہیں لی جا سکتیں۔ براہِ کرم تھوڑی دیر بعد فائل دوبارہ بھیجیں۔",
    "The candidate's roll number, like BO680724.": f"امیدوار کا رول نمبر، جیسے {SLIP_ROLL}",
    "Out of 100; empty while awaited (the result is then late).":
        "100 میں سے؛ انتظار ہو تو خالی (تب نتیجہ باقی رہتا ہے)۔",
    "Percent attended, where the level has workshops (this column may be left out).":
        "حاضری فیصد میں، جہاں سطح میں ورکشاپ ہو (یہ کالم چھوڑا جا سکتا ہے)۔",
    "Saved: %(roll)s, paper %(course)s": "محفوظ ہو گیا: %(roll)s، پرچہ %(course)s",
    "One paper's marks": "ایک پرچے کے نمبر",
    "Graded by the level's assessment scheme. Leave a mark empty while it is awaited: the result is then late "
    "(RL). A published result changes only through re-checking.":
        "گریڈ سطح کی جانچ کی اسکیم کے مطابق لگتا ہے۔ جس نمبر کا انتظار ہو اسے خالی چھوڑیں: تب نتیجہ باقی (RL) "
        "رہتا ہے۔ شائع شدہ نتیجہ صرف دوبارہ جانچ سے بدلتا ہے۔",
    "Save the marks": "نمبر محفوظ کریں",
    "A file of marks": "نمبروں کی فائل",
    "A CSV file with one paper a line, its first line naming the columns below. The whole file is checked first: "
    "if any line is refused, nothing is applied and every refused line is listed with its reason. Otherwise all "
    "of it is applied together.":
        "CSV فائل جس کی ہر سطر میں ایک پرچہ ہو اور پہلی سطر میں نیچے دیے گئے کالموں کے نام ہوں۔ پہلے پوری فائل "
        "جانچی جاتی ہے: اگر کوئی سطر رد ہو تو کچھ بھی لاگو نہیں ہوتا اور ہر رد سطر وجہ کے ساتھ دکھائی جاتی ہے۔ "
        "ورنہ پوری فائل ایک ساتھ لاگو ہوتی ہے۔",
    "%(refused)s lines refused": "%(refused)s سطریں رد",
    "No file of marks has been sent yet.": "ابھی نمبروں کی کوئی فائل نہیں بھیجی گئی۔",
    "Refused: nothing applied": "رد: کچھ لاگو نہیں ہوا",
    "Queued: being applied": "قطار میں: لاگو ہو رہی ہے",
    "Applied": "لاگو ہو گئی",
    "Failed: nothing applied": "ناکام: کچھ لاگو نہیں ہوا",
    # a file of marks
    "File of marks": "نمبروں کی فائل",
    "Lines in the file": "فائل میں سطریں",
    "Refused": "رد",
    "Applied so far": "اب تک لاگو",
    "Exams are applying the file: this page refreshes itself every 2 seconds until it is done.":
        "امتحانات فائل لاگو کر رہے ہیں: یہ صفحہ مکمل ہونے تک ہر 2 سیکنڈ بعد خود تازہ ہوتا ہے۔",
    "Every line of the file is applied: the marks are graded and show in the figures before publication.":
        "فائل کی ہر سطر لاگو ہو گئی: نمبروں پر گریڈ لگ گئے اور اعلان سے پہلے کے اعداد و شمار میں نظر آتے ہیں۔",
    "Nothing in this file was applied.": "اس فائل میں سے کچھ بھی لاگو نہیں ہوا۔",
    "Nothing in this file was applied. Put these lines right and send the whole file again.":
        "اس فائل میں سے کچھ بھی لاگو نہیں ہوا۔ یہ سطریں درست کریں اور پوری فائل دوبارہ بھیجیں۔",
    "Only the first %(count)s refused lines are shown: the report lists them all.":
        "صرف پہلی %(count)s رد سطریں دکھائی گئی ہیں: رپورٹ میں سب موجود ہیں۔",
    # examinations: publication
    "I have checked the figures above": "میں نے اوپر کے اعداد و شمار جانچ لیے ہیں",
    "Tick the box once you have checked the figures: results are published once, and change afterwards only "
    "through re-checking.":
        "اعداد و شمار جانچنے کے بعد خانے پر نشان لگائیں: نتائج ایک ہی بار شائع ہوتے ہیں اور بعد میں صرف دوبارہ "
        "جانچ سے بدلتے ہیں۔",
    "Pass rate (%)": "کامیابی کی شرح (%)",
    "Pass rate by course": "کورس وار کامیابی کی شرح",
    "Pass rate by exam centre": "امتحانی مرکز وار کامیابی کی شرح",
    "Grades in each course": "ہر کورس میں گریڈ",
    "%(program)s %(semester)s was already published on %(date)s: a grade changes now only through re-checking.":
        "%(program)s %(semester)s کا اعلان %(date)s کو ہو چکا ہے: اب گریڈ صرف دوبارہ جانچ سے بدل سکتا ہے۔",
    "Nobody sat %(program)s in %(semester)s: there are no results to publish.":
        "%(semester)s میں %(program)s کا امتحان کسی نے نہیں دیا: شائع کرنے کے لیے کوئی نتیجہ نہیں۔",
    "The figures cannot be shown right now. Please try again in a little while.":
        "اعداد و شمار اس وقت دکھائے نہیں جا سکتے۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "The publications cannot be shown right now. Please try again in a little while.":
        "اعلانات اس وقت دکھائے نہیں جا سکتے۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "The results cannot be published right now. Please try again in a little while.":
        "نتائج اس وقت شائع نہیں ہو سکتے۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "%(program)s %(semester)s is published: %(candidates)s candidates' result cards are out.":
        "%(program)s %(semester)s کا اعلان ہو گیا: %(candidates)s امیدواروں کے رزلٹ کارڈ جاری ہو گئے۔",
    "Show the figures": "اعداد و شمار دکھائیں",
    "Published": "شائع شدہ",
    "Not published yet": "ابھی شائع نہیں ہوا",
    "Candidates": "امیدوار",
    "Published by": "اعلان کنندہ",
    "By course": "کورس وار",
    "By exam centre": "امتحانی مرکز وار",
    "Results by course": "کورس وار نتائج",
    "Results by exam centre": "امتحانی مرکز وار نتائج",
    "Passed": "پاس",
    "Failed": "فیل",
    "Late": "باقی",
    "Pass rate": "کامیابی کی شرح",
    "Average total": "اوسط کل نمبر",
    "Grades": "گریڈ",
    "The pass rate counts decided results only: late results (RL) are left out until their marks come.":
        "کامیابی کی شرح صرف طے شدہ نتائج سے نکلتی ہے: باقی نتائج (RL) ان کے نمبر آنے تک شامل نہیں ہوتے۔",
    "No result is recorded for this programme and semester yet.":
        "اس پروگرام اور سمسٹر کا ابھی کوئی نتیجہ درج نہیں ہوا۔",
    "Publish %(program)s %(semester)s": "%(program)s %(semester)s کا اعلان کریں",
    "Every candidate's result card goes out at once: on the public results page, in each student's portal, and "
    "by notification. Results are published once; afterwards a grade changes only through re-checking, and a "
    "late result revises the card.":
        "ہر امیدوار کا رزلٹ کارڈ ایک ساتھ جاری ہوتا ہے: عوامی نتائج کے صفحے پر، ہر طالب علم کے پورٹل میں اور "
        "اطلاع کے ذریعے۔ نتائج ایک ہی بار شائع ہوتے ہیں؛ اس کے بعد گریڈ صرف دوبارہ جانچ سے بدلتا ہے، اور تاخیر "
        "سے آنے والا نتیجہ کارڈ پر نظرِ ثانی کرتا ہے۔",
    "Publish the results": "نتائج کا اعلان کریں",
    "Choose a semester and a programme to see its figures before publishing.":
        "اعلان سے پہلے اعداد و شمار دیکھنے کے لیے سمسٹر اور پروگرام منتخب کریں۔",
    "Published so far": "اب تک کے اعلانات",
    "No results have been published yet.": "ابھی کوئی نتیجہ شائع نہیں ہوا۔",
}
