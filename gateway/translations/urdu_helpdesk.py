"""Urdu for the help desk (see urdu.py): the public complaint form and its bot check, the
look-up of a complaint's answer, and student services' list and answer. Complaint numbers
(HD-2026-000123), names, contacts and what people wrote stay as they are."""
HELPDESK = {
    "Help desk": "ہیلپ ڈیسک",
    "Cannot sign in, or something is wrong? Tell us without signing in, and see the answer.":
        "سائن اِن نہیں ہو رہا یا کچھ غلط ہے؟ سائن اِن کیے بغیر ہمیں بتائیں اور جواب دیکھیں۔",
    "Still cannot sign in? Tell the help desk": "پھر بھی سائن اِن نہیں ہو رہا؟ ہیلپ ڈیسک کو بتائیں",
    "Cannot sign in, or something else is wrong? Tell us here; you do not need to sign in. You get a complaint "
    "number, and the answer comes to your email or mobile.":
        "سائن اِن نہیں ہو رہا یا کچھ اور غلط ہے؟ یہاں بتائیں؛ سائن اِن کی ضرورت نہیں۔ آپ کو شکایت نمبر ملے گا اور "
        "جواب آپ کی ای میل یا موبائل پر آئے گا۔",
    "Already filed one? See its answer": "پہلے شکایت درج کر چکے ہیں؟ اس کا جواب دیکھیں",
    "Your name": "آپ کا نام",
    "Enter your name.": "اپنا نام لکھیں۔",
    "Registration number, if you know it": "رجسٹریشن نمبر، اگر معلوم ہو",
    "Enter an email address like name@example.com.": "ای میل پتہ اس طرح لکھیں: name@example.com۔",
    "An email address or a mobile number: the answer is sent there.":
        "ای میل پتہ یا موبائل نمبر: جواب وہاں بھیجا جائے گا۔",
    "What is it about?": "شکایت کس بارے میں ہے؟",
    "Choose what it is about.": "منتخب کریں کہ شکایت کس بارے میں ہے۔",
    "I cannot sign in": "میں سائن اِن نہیں کر پا رہا/رہی",
    "Result": "نتیجہ",
    "Fee or challan": "فیس یا چالان",
    "Something else": "کچھ اور",
    "Your complaint": "آپ کی شکایت",
    "Write your complaint.": "اپنی شکایت لکھیں۔",
    "Please keep it within %(max)d characters.": "براہِ کرم اسے %(max)d حروف کے اندر رکھیں۔",
    "A screenshot or document (optional)": "اسکرین شاٹ یا دستاویز (اختیاری)",
    "PDF, JPEG or PNG, up to 5 MB.": "PDF، JPEG یا PNG، زیادہ سے زیادہ 5 MB۔",
    "Leave this empty": "اسے خالی چھوڑ دیں",
    "Digits to type (a check that you are not a robot)": "لکھنے کے لیے ہندسے (یہ جانچ کہ آپ روبوٹ نہیں)",
    "Type the digits in the picture": "تصویر میں موجود ہندسے لکھیں",
    "Type the digits in the picture.": "تصویر میں موجود ہندسے لکھیں۔",
    "Cannot read the digits? Reload the page for a new picture, or call the helpline.":
        "ہندسے نہیں پڑھے جا رہے؟ نئی تصویر کے لیے صفحہ دوبارہ کھولیں، یا ہیلپ لائن پر فون کریں۔",
    "The form cannot be sent right now. Please try again in a little while.":
        "یہ فارم اس وقت بھیجا نہیں جا سکتا۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "Send my complaint": "میری شکایت بھیجیں",
    "The digits did not match. Type the digits of this new picture.":
        "ہندسے درست نہیں تھے۔ اس نئی تصویر کے ہندسے لکھیں۔",
    "Type the digits of this new picture.": "اس نئی تصویر کے ہندسے لکھیں۔",
    "The help desk cannot take complaints right now. Please try again in a little while.":
        "ہیلپ ڈیسک اس وقت شکایات وصول نہیں کر سکتا۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "Complaint received": "شکایت موصول ہو گئی",
    "Your complaint number is": "آپ کا شکایت نمبر ہے",
    "Keep it. The answer comes to the email or mobile you gave; you can also see it here with the number and that "
    "email or mobile.":
        "اسے سنبھال کر رکھیں۔ جواب آپ کی دی ہوئی ای میل یا موبائل پر آئے گا؛ آپ یہ نمبر اور وہی ای میل یا موبائل دے کر "
        "یہاں بھی جواب دیکھ سکتے ہیں۔",
    "See a complaint's answer": "شکایت کا جواب دیکھیں",
    "Home": "مرکزی صفحہ",
    # the look-up
    "Complaint number": "شکایت نمبر",
    "Like HD-2026-000123.": "جیسے HD-2026-000123۔",
    "Enter the complaint number.": "شکایت نمبر لکھیں۔",
    "A complaint number looks like HD-2026-000123.": "شکایت نمبر اس طرح کا ہوتا ہے: HD-2026-000123۔",
    "The email or mobile you gave": "آپ کی دی ہوئی ای میل یا موبائل",
    "Enter the email address or mobile number you gave.": "وہ ای میل پتہ یا موبائل نمبر لکھیں جو آپ نے دیا تھا۔",
    "No complaint has this number and this email or mobile.":
        "اس نمبر اور اس ای میل یا موبائل کے ساتھ کوئی شکایت نہیں۔",
    "About": "بارے میں",
    "Filed on": "درج ہونے کی تاریخ",
    "Answer": "جواب",
    "Answered": "جواب دیا گیا",
    "File a complaint": "شکایت درج کریں",
    # student services
    "Help desk: complaints from anyone, answer them": "ہیلپ ڈیسک: سب کی شکایات، ان کا جواب دیں",
    "Waiting (open and answered)": "زیرِ التوا (کھلی اور جواب شدہ)",
    "The complaints cannot be listed right now. Please try again in a little while.":
        "شکایات اس وقت دکھائی نہیں جا سکتیں۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "Complaint": "شکایت",
    "From": "بھیجنے والا",
    "No complaints here.": "یہاں کوئی شکایت نہیں۔",
    "Contact": "رابطہ",
    "Answer (sent to her)": "جواب (طالب علم کو بھیجا جائے گا)",
    "Write the answer.": "جواب لکھیں۔",
    "Close the complaint with this answer": "اس جواب کے ساتھ شکایت بند کر دیں",
    "Send the answer": "جواب بھیجیں",
    "The answer is recorded and sent to her.": "جواب محفوظ ہو گیا اور طالب علم کو بھیج دیا گیا۔",
    "This complaint is closed.": "یہ شکایت بند ہو چکی ہے۔",
    "All complaints": "تمام شکایات",
    # the FAQ
    "Frequently asked questions": "اکثر پوچھے جانے والے سوالات",
    "Answers about signing in, requests, fees, exams and degrees, in English and Urdu.":
        "سائن اِن، درخواستوں، فیس، امتحانات اور ڈگری کے بارے میں جوابات، اردو اور انگریزی میں۔",
    "Look for the answer in the FAQ first": "پہلے اکثر پوچھے جانے والے سوالات میں جواب دیکھیں",
    "Search help": "مدد تلاش کریں",
    "For example: password, challan, roll number slip": "مثلاً: پاس ورڈ، چالان، رول نمبر سلپ",
    "Search": "تلاش کریں",
    "Categories": "زمرے",
    "Most read": "سب سے زیادہ پڑھے گئے",
    "The portal": "پورٹل",
    "Signing in": "سائن اِن",
    "Fees and challans": "فیس اور چالان",
    "Exams and results": "امتحانات اور نتائج",
    "Books": "کتابیں",
    "Degrees": "ڈگریاں",
    "The answers cannot be searched right now. Please try again in a little while.":
        "جوابات اس وقت تلاش نہیں کیے جا سکتے۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "Nothing found. Try other words, or tell the help desk.":
        "کچھ نہیں ملا۔ دوسرے الفاظ آزمائیں، یا ہیلپ ڈیسک کو بتائیں۔",
    "Updated on %(date)s": "%(date)s کو تازہ کیا گیا",
    "Was this answer helpful?": "کیا یہ جواب مددگار تھا؟",
    "Thank you: it helps us improve the answers.": "شکریہ: اس سے ہمیں جوابات بہتر بنانے میں مدد ملتی ہے۔",
    "Still need help?": "اب بھی مدد چاہیے؟",
    "Tell the help desk": "ہیلپ ڈیسک کو بتائیں",
    "All questions": "تمام سوالات",
    # student services keep the FAQ
    "FAQ": "اکثر پوچھے جانے والے سوالات",
    "FAQ: the answers anyone can search": "اکثر پوچھے جانے والے سوالات: جوابات جو ہر کوئی تلاش کر سکے",
    "A new article": "نیا مضمون",
    "Edit the article": "مضمون میں ترمیم کریں",
    "Category": "زمرہ",
    "Choose a category.": "زمرہ منتخب کریں۔",
    "Title (English)": "عنوان (انگریزی)",
    "Answer (English)": "جواب (انگریزی)",
    "Title (Urdu)": "عنوان (اردو)",
    "Answer (Urdu)": "جواب (اردو)",
    "Write the title.": "عنوان لکھیں۔",
    "Published: anyone can read it": "شائع شدہ: ہر کوئی پڑھ سکتا ہے",
    "Save the article": "مضمون محفوظ کریں",
    "The article is saved; the search finds it as it now reads.":
        "مضمون محفوظ ہو گیا؛ تلاش اسے موجودہ متن کے ساتھ ڈھونڈے گی۔",
    "Articles": "مضامین",
    "The articles cannot be listed right now. Please try again in a little while.":
        "مضامین اس وقت دکھائے نہیں جا سکتے۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "Views": "مشاہدات",
    "Helpful: yes / no": "مددگار: ہاں / نہیں",
}
