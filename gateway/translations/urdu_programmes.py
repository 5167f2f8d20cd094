"""Urdu for the programmes (see urdu.py): the public prospectus, admissions' tool over the
courses, the schemes of studies and a semester's offerings, and what admissions' pages
gained with them (the regional centre to choose, the recent admission files). Codes
(BED15, 8601) and credit hours written 3(2+1) stay as they are."""
from gateway.translations.urdu_admissions import ltr

CREDITS = ltr("3(2+1)")

PROGRAMMES = {
    # the prospectus (anyone) and a programme as both pages show it
    "Programmes and schemes of studies": "پروگرام اور اسکیم آف اسٹڈیز",
    "Each programme's courses, semester by semester, with their credit hours.":
        "ہر پروگرام کے کورسز، سمسٹر وار، ان کے کریڈٹ آورز کے ساتھ۔",
    "Each programme's level, credit hours and duration, and the courses of each of its semesters. A course written "
    "3(2+1) has 2 theory and 1 practical credit hours.":
        "ہر پروگرام کی سطح، کریڈٹ آورز اور دورانیہ، اور اس کے ہر سمسٹر کے کورسز۔ جو کورس "
        f"{CREDITS} لکھا ہو اس کے 2 نظری اور 1 عملی کریڈٹ آور ہیں۔",
    "Programmes": "پروگرام",
    "Level": "سطح",
    "Duration": "دورانیہ",
    "%(semesters)s semesters, at most %(years)s years": "%(semesters)s سمسٹر، زیادہ سے زیادہ %(years)s سال",
    "Most credit hours in a semester": "ایک سمسٹر میں زیادہ سے زیادہ کریڈٹ آورز",
    "Scheme of studies": "اسکیم آف اسٹڈیز",
    "Semester %(number)s": "سمسٹر %(number)s",
    "No courses in its scheme of studies yet.": "اس کی اسکیم آف اسٹڈیز میں ابھی کوئی کورس نہیں۔",
    "The programmes cannot be shown right now. Please try again in a little while.":
        "پروگرام اس وقت دکھائے نہیں جا سکتے۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "Back to the home page": "ہوم پیج پر واپس",
    # admissions' tool
    "Programmes: courses, schemes of studies and offerings": "پروگرام: کورسز، اسکیم آف اسٹڈیز اور پیش کردہ کورسز",
    "The prospectus, as anyone sees it": "پراسپیکٹس، جیسا ہر کوئی دیکھتا ہے",
    "On this page": "اس صفحے پر",
    "Add a course": "کورس شامل کریں",
    "Add the course": "کورس شامل کریں",
    "Title": "عنوان",
    "As in the prospectus, like Educational Psychology.": "جیسا پراسپیکٹس میں ہے، جیسے Educational Psychology",
    "1 to 12, the practical hours included.": "1 سے 12 تک، عملی آورز سمیت۔",
    "Practical credit hours": "عملی کریڈٹ آورز",
    "Of the credit hours: 1 for 3(2+1); 0 or empty for none.":
        f"کریڈٹ آورز میں سے: {CREDITS} کے لیے 1؛ عملی نہ ہوں تو 0 یا خالی۔",
    "Enter the course's title.": "کورس کا عنوان لکھیں۔",
    "Enter the credit hours.": "کریڈٹ آورز لکھیں۔",
    "A course code is 2 to 12 letters and digits, like 8601.":
        "کورس کوڈ 2 سے 12 انگریزی حروف اور ہندسوں پر مشتمل ہوتا ہے، جیسے 8601",
    "Enter a title of up to 120 characters.": "زیادہ سے زیادہ 120 حروف کا عنوان لکھیں۔",
    "Enter credit hours from 1 to 12.": "کریڈٹ آورز 1 سے 12 کے درمیان لکھیں۔",
    "Practical credit hours are from 0 to the credit hours.": "عملی کریڈٹ آورز 0 سے کل کریڈٹ آورز تک ہو سکتے ہیں۔",
    "A course has this code already.": "اس کوڈ کا کورس پہلے سے موجود ہے۔",
    "Course %(course)s is added: put it in a programme's scheme of studies below.":
        "کورس %(course)s شامل ہو گیا: نیچے اسے کسی پروگرام کی اسکیم آف اسٹڈیز میں رکھیں۔",
    "The course cannot be added right now. Please try again in a little while.":
        "کورس اس وقت شامل نہیں ہو سکتا۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "Put a course in a programme's scheme at one of its semesters, move it to another, or take it out with 0.":
        "کورس کو کسی پروگرام کی اسکیم میں اس کے کسی سمسٹر پر رکھیں، دوسرے سمسٹر پر منتقل کریں، یا 0 لکھ کر نکال دیں۔",
    "Semester of the programme": "پروگرام کا سمسٹر",
    "1 for its first semester; 0 takes the course out of the scheme.":
        "پہلے سمسٹر کے لیے 1؛ 0 کورس کو اسکیم سے نکال دیتا ہے۔",
    "Enter the semester of the programme, or 0.": "پروگرام کا سمسٹر لکھیں، یا 0۔",
    "Enter a semester of the programme from 1 to 16, or 0.": "پروگرام کا سمسٹر 1 سے 16 کے درمیان لکھیں، یا 0۔",
    "No course has this code: add it first.": "اس کوڈ کا کوئی کورس نہیں: پہلے اسے شامل کریں۔",
    "The programme has fewer semesters than that: give one of its semesters, or 0 to take the course out.":
        "اس پروگرام کے اتنے سمسٹر نہیں: اس کا کوئی سمسٹر لکھیں، یا کورس نکالنے کے لیے 0۔",
    "Save the scheme": "اسکیم محفوظ کریں",
    "Course %(course)s is in the scheme of studies.": "کورس %(course)s اسکیم آف اسٹڈیز میں شامل ہے۔",
    "Course %(course)s is taken out of the scheme of studies.": "کورس %(course)s اسکیم آف اسٹڈیز سے نکال دیا گیا۔",
    "The scheme of studies cannot be changed right now. Please try again in a little while.":
        "اسکیم آف اسٹڈیز اس وقت بدلی نہیں جا سکتی۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    # a semester's offerings
    "Offerings": "پیش کردہ کورسز",
    "Choose a semester to see the courses it offers.":
        "سمسٹر منتخب کریں تاکہ اس میں پیش کیے جانے والے کورسز دیکھ سکیں۔",
    "Courses offered in %(semester)s": "%(semester)s میں پیش کردہ کورسز",
    "%(semester)s offers no courses yet.": "%(semester)s میں ابھی کوئی کورس پیش نہیں کیا گیا۔",
    "Offer the course": "کورس پیش کریں",
    "Withdraw": "واپس لیں",
    "Withdraw %(course)s from %(semester)s": "%(course)s کو %(semester)s سے واپس لیں",
    "Course %(course)s is offered in %(semester)s.": "کورس %(course)s، %(semester)s میں پیش کر دیا گیا۔",
    "Course %(course)s is withdrawn from %(semester)s.": "کورس %(course)s، %(semester)s سے واپس لے لیا گیا۔",
    "Students are registered for this course in this semester: it cannot be withdrawn.":
        "اس سمسٹر میں اس کورس کے لیے طلبہ رجسٹرڈ ہیں: اسے واپس نہیں لیا جا سکتا۔",
    "The course cannot be offered right now. Please try again in a little while.":
        "کورس اس وقت پیش نہیں کیا جا سکتا۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "The course cannot be withdrawn right now. Please try again in a little while.":
        "کورس اس وقت واپس نہیں لیا جا سکتا۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "The semester's offerings cannot be shown right now. Please try again in a little while.":
        "سمسٹر کے پیش کردہ کورسز اس وقت دکھائے نہیں جا سکتے۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    # admissions' pages: the centre to choose, the recent files
    "Choose the regional centre.": "علاقائی مرکز منتخب کریں۔",
    "Recent files": "حالیہ فائلیں",
    "Sent by %(who)s, %(when)s": "%(who)s نے بھیجی، %(when)s",
    "No admission file has been sent yet.": "ابھی تک داخلے کی کوئی فائل نہیں بھیجی گئی۔",
    "The recent files cannot be shown right now. Please try again in a little while.":
        "حالیہ فائلیں اس وقت دکھائی نہیں جا سکتیں۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
}
