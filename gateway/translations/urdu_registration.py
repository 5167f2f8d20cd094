"""Urdu for the student's course registration, her courses of any semester and her holds
(see urdu.py). Course titles come from enrollment as they are, and are not here."""
REGISTRATION = {
    # the dashboard's tiles and the student pages' navigation
    "My courses of every semester": "ہر سمسٹر کے میرے کورسز",
    "Register for the next semester": "اگلے سمسٹر کے لیے رجسٹریشن کریں",
    "Holds on my studies": "میری تعلیم پر پابندیاں",
    "See whether you may register, choose your courses and get your fee challan.":
        "دیکھیں کہ آپ رجسٹریشن کر سکتے ہیں یا نہیں، اپنے کورس منتخب کریں اور فیس کا چالان حاصل کریں۔",
    # the semester and its window
    "Semester": "سمسٹر",
    "Registration window": "رجسٹریشن کی مدت",
    "%(opens)s to %(closes)s": "%(opens)s سے %(closes)s تک",
    "Credit limit": "کریڈٹ آورز کی حد",
    "%(hours)s credit hours a semester": "ایک سمسٹر میں %(hours)s کریڈٹ آورز",
    "Course registration is not available right now. Please try again in a little while.":
        "کورس رجسٹریشن اس وقت دستیاب نہیں۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    # why she may not register (enrollment's reason codes)
    "You cannot register now": "آپ ابھی رجسٹریشن نہیں کر سکتے",
    "Registration for the next semester has not been announced yet.":
        "اگلے سمسٹر کی رجسٹریشن کا ابھی اعلان نہیں ہوا۔",
    "Your studies are not marked active: registration is for active students. Please contact your regional centre.":
        "آپ کی تعلیم فعال درج نہیں: رجسٹریشن فعال طلبہ کے لیے ہے۔ براہِ کرم اپنے علاقائی مرکز سے رابطہ کریں۔",
    "Registration for %(semester)s opens on %(opens)s.": "%(semester)s کی رجسٹریشن %(opens)s کو کھلے گی۔",
    "Registration for %(semester)s closed on %(closes)s.": "%(semester)s کی رجسٹریشن %(closes)s کو بند ہو گئی۔",
    "The results of your last semester are not published yet: you can register once they are.":
        "آپ کے پچھلے سمسٹر کے نتائج ابھی شائع نہیں ہوئے: ان کے شائع ہونے پر آپ رجسٹریشن کر سکیں گے۔",
    "The maximum duration of your programme has passed. Please contact your regional centre.":
        "آپ کے پروگرام کی زیادہ سے زیادہ مدت گزر چکی ہے۔ براہِ کرم اپنے علاقائی مرکز سے رابطہ کریں۔",
    "A hold on your studies stops you from registering: see your holds for what to do.":
        "آپ کی تعلیم پر ایک پابندی آپ کو رجسٹریشن سے روک رہی ہے: کیا کرنا ہے، یہ اپنی پابندیوں میں دیکھیں۔",
    "%(semester)s offers no course of your scheme of studies that you still have to take.":
        "%(semester)s میں آپ کی اسکیم آف اسٹڈیز کا کوئی ایسا کورس پیش نہیں کیا جا رہا جو آپ نے ابھی پڑھنا ہو۔",
    # choosing the courses
    "Courses": "کورسز",
    "Courses for %(semester)s": "%(semester)s کے کورسز",
    "Check the courses you will study, up to %(limit)s credit hours. Courses you failed are checked already: "
    "they must be registered again.":
        "وہ کورس منتخب کریں جو آپ پڑھیں گے، زیادہ سے زیادہ %(limit)s کریڈٹ آورز۔ جن کورسز میں آپ فیل ہوئے وہ پہلے سے "
        "منتخب ہیں: ان میں دوبارہ رجسٹریشن لازمی ہے۔",
    "Failed: must be registered again": "فیل: دوبارہ رجسٹریشن لازمی",
    "All the courses offered to you come to %(hours)s credit hours.":
        "آپ کو پیش کیے گئے تمام کورسز کل %(hours)s کریڈٹ آورز کے ہیں۔",
    "Register for these courses": "ان کورسز میں رجسٹریشن کریں",
    "Registering gives you a fee challan to pay at any bank: once it is paid, your registration is confirmed.":
        "رجسٹریشن پر آپ کو فیس کا چالان ملے گا جو کسی بھی بینک میں جمع ہو سکتا ہے: ادائیگی کے بعد آپ کی رجسٹریشن "
        "پکی ہو جائے گی۔",
    # refusals of the courses chosen, and of registering at all
    "Choose your courses from the list.": "اپنے کورس فہرست میں سے منتخب کریں۔",
    "Choose at least one course.": "کم از کم ایک کورس منتخب کریں۔",
    "A course you chose is not offered to you this semester. Choose from the list.":
        "آپ کا منتخب کردہ ایک کورس اس سمسٹر میں آپ کے لیے پیش نہیں کیا جا رہا۔ فہرست میں سے منتخب کریں۔",
    "Courses you failed must be registered again: keep %(courses)s checked.":
        "جن کورسز میں آپ فیل ہوئے ان میں دوبارہ رجسٹریشن لازمی ہے: %(courses)s منتخب رہنے دیں۔",
    "These courses come to more than %(limit)s credit hours, the most you may take in a semester. Leave one out.":
        "یہ کورسز %(limit)s کریڈٹ آورز سے زیادہ ہیں، جو ایک سمسٹر کی حد ہے۔ ایک کورس کم کر دیں۔",
    "These courses cannot be registered. Please check them, or contact your regional centre.":
        "ان کورسز میں رجسٹریشن نہیں ہو سکتی۔ براہِ کرم انہیں دیکھ لیں، یا اپنے علاقائی مرکز سے رابطہ کریں۔",
    "You are already registered for this semester with other courses: your registration is shown below.":
        "آپ اس سمسٹر میں دوسرے کورسز کے ساتھ پہلے ہی رجسٹرڈ ہیں: آپ کی رجسٹریشن نیچے دکھائی گئی ہے۔",
    "This semester is not open for registration.": "اس سمسٹر کی رجسٹریشن کھلی نہیں۔",
    "The fee for your programme is not set yet, so no challan can be made. Please contact your regional centre.":
        "آپ کے پروگرام کی فیس ابھی مقرر نہیں، اس لیے چالان نہیں بن سکتا۔ براہِ کرم اپنے علاقائی مرکز سے رابطہ کریں۔",
    "Registration for this semester has closed.": "اس سمسٹر کی رجسٹریشن بند ہو چکی ہے۔",
    "Registration for this semester has not opened yet.": "اس سمسٹر کی رجسٹریشن ابھی نہیں کھلی۔",
    "You cannot register for this semester now: the reasons are shown below.":
        "آپ ابھی اس سمسٹر کے لیے رجسٹریشن نہیں کر سکتے: وجوہات نیچے دی گئی ہیں۔",
    "Registration is not available right now. Please submit again in a little while.":
        "رجسٹریشن اس وقت دستیاب نہیں۔ براہِ کرم تھوڑی دیر بعد دوبارہ جمع کریں۔",
    # her registration and its challan
    "Your registration for %(semester)s": "%(semester)s کے لیے آپ کی رجسٹریشن",
    "Confirmed": "پکی",
    "Lapsed": "منسوخ",
    "Registered on": "رجسٹریشن کی تاریخ",
    "Confirmed on": "پکی ہونے کی تاریخ",
    "Credit hours": "کریڈٹ آورز",
    "This registration lapsed: its challan was not paid by its due date.":
        "یہ رجسٹریشن منسوخ ہو گئی: اس کا چالان آخری تاریخ تک ادا نہیں ہوا۔",
    "You may register again below while registration is open.":
        "جب تک رجسٹریشن کھلی ہے آپ نیچے دوبارہ رجسٹریشن کر سکتے ہیں۔",
    "Your fee is paid and you are registered. Tutors are allocated one to two weeks after the semester starts.":
        "آپ کی فیس ادا ہو گئی اور آپ رجسٹرڈ ہیں۔ ٹیوٹرز سمسٹر شروع ہونے کے ایک سے دو ہفتے بعد مقرر ہوتے ہیں۔",
    "My courses in %(semester)s": "%(semester)s میں میرے کورسز",
    "Keep the bank's receipt. There is nothing to send us: once the bank reports the payment, "
    "your registration is confirmed by itself.":
        "بینک کی رسید سنبھال کر رکھیں۔ ہمیں کچھ بھیجنے کی ضرورت نہیں: بینک کی طرف سے ادائیگی کی اطلاع ملتے ہی "
        "آپ کی رجسٹریشن خود بخود پکی ہو جائے گی۔",
    "Not paid by its due date, this registration lapses and its courses are released.":
        "آخری تاریخ تک ادائیگی نہ ہوئی تو یہ رجسٹریشن منسوخ ہو جائے گی اور اس کے کورسز چھوڑ دیے جائیں گے۔",
    # her courses of any semester
    "My semesters": "میرے سمسٹرز",
    "Tutor: %(name)s": "ٹیوٹر: %(name)s",
    "Send your assignments to your tutor by post, at the address shown.":
        "اپنی اسائنمنٹس ڈاک کے ذریعے اپنے ٹیوٹر کو دیے گئے پتے پر بھیجیں۔",
    "Submit your assignments online, on the LMS.": "اپنی اسائنمنٹس آن لائن، ایل ایم ایس پر جمع کروائیں۔",
    "You have no courses in %(semester)s.": "%(semester)s میں آپ کا کوئی کورس نہیں۔",
    "You have no registered courses yet.": "آپ کا ابھی کوئی رجسٹرڈ کورس نہیں۔",
    "Your courses are not available right now. Please try again in a little while.":
        "آپ کے کورسز اس وقت دستیاب نہیں۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    # holds (enrollment's hold codes)
    "A hold stops something until you do what it asks: registering for courses, a transcript or your degree.":
        "پابندی کسی کام کو اس وقت تک روکتی ہے جب تک آپ وہ نہ کریں جو وہ کہتی ہے: کورس رجسٹریشن، ٹرانسکرپٹ یا آپ کی "
        "ڈگری۔",
    "Unpaid dues": "غیر ادا شدہ واجبات",
    "Missing documents": "نامکمل دستاویزات",
    "Objection on your degree application": "آپ کی ڈگری کی درخواست پر اعتراض",
    "Pay the overdue challan at a branch of a collecting bank; the hold ends by itself when the payment reaches us.":
        "واجب الادا چالان کسی وصول کنندہ بینک کی برانچ میں جمع کروائیں؛ ادائیگی ہم تک پہنچتے ہی پابندی خود بخود ختم "
        "ہو جائے گی۔",
    "Send the documents admissions asked for (see the note) to your regional centre.":
        "شعبۂ داخلہ کی مانگی ہوئی دستاویزات (نوٹ دیکھیں) اپنے علاقائی مرکز کو بھیجیں۔",
    "Answer the objection with the documents asked for, within its window, under Degree and transcript tracking.":
        "مقررہ مدت کے اندر مانگی گئی دستاویزات کے ساتھ اعتراض کا جواب ڈگری اور ٹرانسکرپٹ ٹریکنگ میں دیں۔",
    "What to do:": "کیا کرنا ہے:",
    "It stops:": "یہ روکتی ہے:",
    "Reference": "حوالہ",
    "Since %(date)s": "%(date)s سے",
    "No holds: nothing stops your registration, transcript or degree.":
        "کوئی پابندی نہیں: آپ کی رجسٹریشن، ٹرانسکرپٹ یا ڈگری میں کوئی رکاوٹ نہیں۔",
    "Your holds cannot be shown right now. Please try again in a little while.":
        "آپ کی پابندیاں اس وقت نہیں دکھائی جا سکتیں۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
}
