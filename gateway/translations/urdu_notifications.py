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
}
