"""Urdu for the student's service request pages: her requests, filing one, a request and
its challan (see urdu.py). Category and subtype titles come from the requests service as
they are, and are not here."""
REQUESTS = {
    # navigation and the list
    "Student pages": "طالب علم کے صفحات",
    "My requests": "میری درخواستیں",
    "All my requests": "میری تمام درخواستیں",
    "File a new request": "نئی درخواست دیں",
    "Filed on %(date)s": "%(date)s کو دی گئی",
    "Your requests are not available right now. Please try again in a little while.":
        "آپ کی درخواستیں اس وقت دستیاب نہیں۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    # filing
    "File a service request": "سروس درخواست دیں",
    "The fees shown are for your programme. A request with a fee gets a challan you can pay at any bank.":
        "دکھائی گئی فیس آپ کے پروگرام کے مطابق ہے۔ فیس والی درخواست کا چالان بنتا ہے جو آپ کسی بھی بینک میں "
        "جمع کروا سکتے ہیں۔",
    "What do you need?": "آپ کو کیا چاہیے؟",
    "Choose the request you want to file.": "وہ درخواست منتخب کریں جو آپ دینا چاہتے ہیں۔",
    "No fee": "کوئی فیس نہیں",
    "Fee: %(amount)s": "فیس: %(amount)s",
    "Fee from %(amount)s, by programme level": "فیس %(amount)s سے شروع، پروگرام کی سطح کے مطابق",
    "Details": "تفصیل",
    "In your own words, up to %(count)s characters.": "اپنے الفاظ میں، زیادہ سے زیادہ %(count)s حروف۔",
    "Please keep the details within %(max)d characters.": "براہِ کرم تفصیل %(max)d حروف کے اندر رکھیں۔",
    "The details contain characters that cannot be saved. Please retype them.":
        "تفصیل میں ایسے حروف ہیں جو محفوظ نہیں ہو سکتے۔ براہِ کرم انہیں دوبارہ لکھیں۔",
    "File the request": "درخواست جمع کریں",
    "Please check the details.": "براہِ کرم تفصیل دیکھ لیں۔",
    "This request cannot be filed. Choose another, or contact student services.":
        "یہ درخواست نہیں دی جا سکتی۔ کوئی اور منتخب کریں، یا اسٹوڈنٹ سروسز سے رابطہ کریں۔",
    "The fee for this request is not set for your programme. Please contact student services.":
        "آپ کے پروگرام کے لیے اس درخواست کی فیس مقرر نہیں۔ براہِ کرم اسٹوڈنٹ سروسز سے رابطہ کریں۔",
    "This form has already filed a request (see My requests). Submit again to file this one as well.":
        "اس فارم سے ایک درخواست پہلے ہی دی جا چکی ہے (میری درخواستیں دیکھیں)۔ یہ درخواست بھی دینی ہو تو "
        "دوبارہ جمع کریں۔",
    "Filing is not available right now. Please try again in a little while.":
        "درخواست دینے کی سہولت اس وقت دستیاب نہیں۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "The form could not be accepted. Please check it and submit again.":
        "فارم قبول نہیں ہو سکا۔ براہِ کرم اسے دیکھ کر دوبارہ جمع کریں۔",
    # one request and its challan
    "Department": "شعبہ",
    "Fee challan": "فیس چالان",
    "Consumer number": "کنزیومر نمبر",
    "Amount": "رقم",
    "Due date": "آخری تاریخ",
    "Amount after the due date": "آخری تاریخ کے بعد رقم",
    "Challan status": "چالان کی صورتِ حال",
    "Paid on": "ادائیگی کی تاریخ",
    "Whether this challan is paid cannot be checked right now. Please try again in a little while.":
        "اس وقت یہ معلوم نہیں ہو سکتا کہ چالان ادا ہوا یا نہیں۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "How to pay": "ادائیگی کا طریقہ",
    "Use any bank's mobile app, internet banking, ATM or branch: choose 1LINK bill payment.":
        "کسی بھی بینک کی موبائل ایپ، انٹرنیٹ بینکنگ، اے ٹی ایم یا برانچ سے 1LINK بل پیمنٹ منتخب کریں۔",
    "Enter the consumer number %(number)s and pay %(amount)s by %(date)s.":
        "کنزیومر نمبر %(number)s درج کریں اور %(date)s تک %(amount)s ادا کریں۔",
    "Keep the bank's receipt. There is nothing to send us: once the bank reports the payment, "
    "this request moves to In process by itself.":
        "بینک کی رسید سنبھال کر رکھیں۔ ہمیں کچھ بھیجنے کی ضرورت نہیں: بینک کی طرف سے ادائیگی کی اطلاع ملتے ہی "
        "یہ درخواست خود بخود زیرِ کارروائی ہو جائے گی۔",
    "After the due date the amount is %(amount)s.": "آخری تاریخ کے بعد رقم %(amount)s ہو گی۔",
    "Status history": "صورتِ حال کی تاریخ",
}
