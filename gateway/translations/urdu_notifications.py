"""Urdu for notifications (see urdu.py): a student's notifications, staff's announcements,
and student services' list of emails and text messages. What an announcement says is the
officer's own (in both languages, as written); codes and numbers stay as they are."""
NOTIFICATIONS = {
    "What happened to your requests, challans, registration, results and degree, and the university's "
    "announcements. Each is also sent to your email and mobile.":
        "آپ کی درخواستوں، چالانوں، رجسٹریشن، نتائج اور ڈگری کے بارے میں اطلاعات، اور یونیورسٹی کے اعلانات۔ "
        "ہر اطلاع آپ کی ای میل اور موبائل پر بھی بھیجی جاتی ہے۔",
    "Marked as read.": "پڑھا ہوا نشان زد کر دیا گیا۔",
    "All": "سب",
    "Unread only": "صرف نہ پڑھی ہوئی",
    "Your notifications cannot be shown right now. Please try again in a little while.":
        "آپ کی اطلاعات اس وقت نہیں دکھائی جا سکتیں۔ براہِ کرم تھوڑی دیر بعد دوبارہ کوشش کریں۔",
    "Unread: %(num)d": "نہ پڑھی ہوئی: %(num)d",
    "Mark all as read": "سب کو پڑھا ہوا نشان زد کریں",
    "Mark as read": "پڑھا ہوا نشان زد کریں",
    "New": "نئی",
    "Deadline: %(date)s": "آخری تاریخ: %(date)s",
    "passed": "گزر چکی",
    "Announcement": "اعلان",
    "All notifications": "تمام اطلاعات",
    # staff: announcements
    "Announcements": "اعلانات",
    "Announcements to students, with deadlines": "طلبہ کے لیے اعلانات، آخری تاریخوں کے ساتھ",
    "Announced: it shows now in the notifications of every student it is for.":
        "اعلان ہو گیا: اب یہ ان تمام طلبہ کی اطلاعات میں نظر آ رہا ہے جن کے لیے ہے۔",
    "Withdrawn: it no longer shows to anyone.": "واپس لے لیا گیا: اب یہ کسی کو نظر نہیں آتا۔",
    "A new announcement": "نیا اعلان",
    "A regional office announces to its own centre's students: %(centre)s.":
        "علاقائی دفتر صرف اپنے مرکز کے طلبہ کے لیے اعلان کرتا ہے: %(centre)s۔",
    "Who is it for?": "یہ کس کے لیے ہے؟",
    "Choose who it is for.": "منتخب کریں کہ یہ کس کے لیے ہے۔",
    "Every student": "تمام طلبہ",
    "The students of a programme": "کسی پروگرام کے طلبہ",
    "The students of a regional centre": "کسی علاقائی مرکز کے طلبہ",
    "The students of a semester": "کسی سمسٹر کے طلبہ",
    "Programme code, centre code or semester": "پروگرام کوڈ، مرکز کوڈ یا سمسٹر",
    "Like BED15, ISB or Spring 2027; leave it empty for every student.":
        "جیسے BED15، ISB یا Spring 2027؛ تمام طلبہ کے لیے خالی چھوڑ دیں۔",
    "Letters, digits and spaces only.": "صرف حروف، ہندسے اور خالی جگہ۔",
    "Announcement (English)": "اعلان (انگریزی)",
    "Announcement (Urdu)": "اعلان (اردو)",
    "Write the announcement.": "اعلان لکھیں۔",
    "Without Urdu, Urdu readers see the English.": "اردو کے بغیر اردو پڑھنے والوں کو انگریزی متن نظر آئے گا۔",
    "Deadline (optional)": "آخری تاریخ (اختیاری)",
    "The last day to act, as YYYY-MM-DD.": "عمل کرنے کا آخری دن، YYYY-MM-DD کی صورت میں۔",
    "Write the date as YYYY-MM-DD.": "تاریخ YYYY-MM-DD کی صورت میں لکھیں۔",
    "Announce": "اعلان کریں",
    "Announced": "اعلان شدہ",
    "Deadline": "آخری تاریخ",
    "The announcements cannot be listed right now. Please try again in a little while.":
        "اعلانات اس وقت نہیں دکھائے جا سکتے۔ براہِ کرم تھوڑی دیر بعد دوبارہ کوشش کریں۔",
    "Nothing announced yet.": "ابھی تک کوئی اعلان نہیں کیا گیا۔",
    # staff: emails and text messages
    "Emails and text messages": "ای میلز اور ٹیکسٹ پیغامات",
    "Emails and text messages: those not sent": "ای میلز اور ٹیکسٹ پیغامات: جو نہیں بھیجے جا سکے",
    "Each notification's email and text message. One its provider refused after every retry is given up on; "
    "send it again once the provider is back.":
        "ہر اطلاع کی ای میل اور ٹیکسٹ پیغام۔ جسے فراہم کنندہ نے ہر کوشش کے بعد بھی قبول نہ کیا اسے چھوڑ دیا جاتا "
        "ہے؛ فراہم کنندہ بحال ہونے پر اسے دوبارہ بھیجیں۔",
    "It will be sent again in a moment.": "یہ ابھی دوبارہ بھیجا جائے گا۔",
    "Waiting to be sent": "بھیجے جانے کا منتظر",
    "Given up after every retry": "ہر کوشش کے بعد چھوڑ دیا گیا",
    "No address on record": "ریکارڈ میں کوئی پتہ نہیں",
    "Text message": "ٹیکسٹ پیغام",
    "To": "بنام",
    "Tries": "کوششیں",
    "Queued": "قطار میں شامل",
    "Send again": "دوبارہ بھیجیں",
    "The messages cannot be listed right now. Please try again in a little while.":
        "پیغامات اس وقت نہیں دکھائے جا سکتے۔ براہِ کرم تھوڑی دیر بعد دوبارہ کوشش کریں۔",
    "None here.": "یہاں کچھ نہیں۔",
    # staff: partner systems' webhooks
    "Partner systems": "شراکت دار نظام",
    "Partner systems told of events (webhooks)": "شراکت دار نظام جنہیں واقعات کی اطلاع دی جاتی ہے (ویب ہُکس)",
    "Systems such as the LMS are told of events by a signed HTTP POST: each delivery has an id they deduplicate "
    "on, and is retried until they answer.":
        "ایل ایم ایس جیسے نظاموں کو ہر واقعے کی اطلاع دستخط شدہ HTTP POST سے دی جاتی ہے: ہر ترسیل کی ایک شناخت "
        "ہوتی ہے جس سے وہ دہرائی پہچانتے ہیں، اور جواب ملنے تک دوبارہ بھیجی جاتی ہے۔",
    "%(name)s is registered": "%(name)s رجسٹر ہو گیا",
    "Give its administrators this secret now: it is shown only this once. They check each delivery's "
    "X-CMS-Signature with it (HMAC-SHA256 of the timestamp, a dot and the body).":
        "یہ خفیہ کلید ابھی اس کے منتظمین کو دیں: یہ صرف ایک بار دکھائی جاتی ہے۔ وہ اس سے ہر ترسیل کا "
        "X-CMS-Signature جانچتے ہیں (وقت، ایک نقطہ اور متن کا HMAC-SHA256)۔",
    "Registered": "رجسٹر شدہ",
    "The partner systems cannot be listed right now. Please try again in a little while.":
        "شراکت دار نظام اس وقت نہیں دکھائے جا سکتے۔ براہِ کرم تھوڑی دیر بعد دوبارہ کوشش کریں۔",
    "Partner system": "شراکت دار نظام",
    "Events": "واقعات",
    "Delivered": "پہنچ گیا",
    "Waiting": "منتظر",
    "Given up": "چھوڑ دیا گیا",
    "Paused": "روکا ہوا",
    "No partner system is registered.": "کوئی شراکت دار نظام رجسٹر نہیں۔",
    "Register a partner system": "شراکت دار نظام رجسٹر کریں",
    "Like LMS or Library.": "جیسے LMS یا لائبریری۔",
    "Name the partner system.": "شراکت دار نظام کا نام لکھیں۔",
    "Its address for events": "واقعات کے لیے اس کا پتہ",
    "Where events are posted, like https://lms.example.edu.pk/cms-events.":
        "جہاں واقعات بھیجے جاتے ہیں، جیسے https://lms.example.edu.pk/cms-events۔",
    "Give its address.": "اس کا پتہ دیں۔",
    "An address starting with https://.": "ایسا پتہ جو https:// سے شروع ہو۔",
    "The events it is told of": "واقعات جن کی اسے اطلاع دی جاتی ہے",
    "Choose at least one event.": "کم از کم ایک واقعہ منتخب کریں۔",
    "Register": "رجسٹر کریں",
    "A student admitted": "طالب علم کا داخلہ",
    "Her record corrected": "ریکارڈ کی درستی",
    "A registration confirmed (fee paid)": "رجسٹریشن کی تصدیق (فیس ادا)",
    "A tutor allocated": "ٹیوٹر کی تقرری",
    "A roll number slip issued": "رول نمبر سلپ کا اجرا",
    "A result published": "نتیجے کا اجرا",
    "A challan issued": "چالان کا اجرا",
    "A challan paid": "چالان کی ادائیگی",
    "A service request filed": "سروس درخواست جمع",
    "A service request's status changed": "سروس درخواست کی حیثیت میں تبدیلی",
    "A degree application moved on": "ڈگری کی درخواست اگلے مرحلے میں",
    "It will be sent again in a moment, under the same id.": "یہ ابھی اسی شناخت کے ساتھ دوبارہ بھیجا جائے گا۔",
    "Saved.": "محفوظ ہو گیا۔",
    "Pause its deliveries": "اس کی ترسیل روکیں",
    "Resume its deliveries": "اس کی ترسیل دوبارہ شروع کریں",
    "Delivery": "ترسیل",
    "Its answer": "اس کا جواب",
}
