"""Urdu for two-step sign-in (staff MFA): the sign-in page's code, the security page,
enrolment and recovery codes."""
SECURITY = {
    "One-time code (staff with two-step sign-in)": "یک بارہ کوڈ (دو مرحلوں والے سائن اِن کے اسٹاف کے لیے)",
    "The 6-digit code of your authenticator app, or one of your recovery codes.":
        "آپ کی تصدیقی ایپ کا 6 ہندسوں والا کوڈ، یا آپ کے ریکوری کوڈز میں سے ایک۔",
    "Enter the 6-digit code of your authenticator app.": "اپنی تصدیقی ایپ کا 6 ہندسوں والا کوڈ لکھیں۔",
    "Enter the 6-digit code of your authenticator app (or a recovery code) and your password again.":
        "اپنی تصدیقی ایپ کا 6 ہندسوں والا کوڈ (یا ریکوری کوڈ) اور اپنا پاس ورڈ دوبارہ لکھیں۔",
    "Your department requires two-step sign-in. Add this account to an authenticator app, then sign in again "
    "with its 6-digit code.":
        "آپ کے شعبے میں دو مرحلوں والا سائن اِن لازمی ہے۔ یہ اکاؤنٹ کسی تصدیقی ایپ میں شامل کریں، "
        "پھر اس کے 6 ہندسوں والے کوڈ کے ساتھ دوبارہ سائن اِن کریں۔",
    "This code is not right, or it was used already. Wait for the next one.":
        "یہ کوڈ درست نہیں، یا پہلے استعمال ہو چکا ہے۔ اگلے کوڈ کا انتظار کریں۔",
    "Code from your authenticator app": "آپ کی تصدیقی ایپ کا کوڈ",
    "Two-step sign-in": "دو مرحلوں والا سائن اِن",
    "Two-step sign-in is not in the state this form expects. Start again from the security page.":
        "دو مرحلوں والا سائن اِن اس حالت میں نہیں جس کی یہ فارم توقع کرتا ہے۔ سکیورٹی کے صفحے سے دوبارہ شروع کریں۔",
    "Two-step sign-in is off.": "دو مرحلوں والا سائن اِن بند ہے۔",
    "Two-step sign-in is off. You sign in with your password alone.":
        "دو مرحلوں والا سائن اِن بند ہو گیا۔ آپ صرف پاس ورڈ سے سائن اِن کریں گے۔",
    "With two-step sign-in you type a 6-digit code from an authenticator app on your phone after your password, "
    "so a stolen password alone does not open your account.":
        "دو مرحلوں والے سائن اِن میں آپ پاس ورڈ کے بعد اپنے فون کی تصدیقی ایپ کا 6 ہندسوں والا کوڈ لکھتے ہیں، "
        "اس لیے صرف چوری شدہ پاس ورڈ سے آپ کا اکاؤنٹ نہیں کھلتا۔",
    "Two-step sign-in is on. Recovery codes left: %(count)s.":
        "دو مرحلوں والا سائن اِن فعال ہے۔ باقی ریکوری کوڈز: %(count)s۔",
    "New recovery codes": "نئے ریکوری کوڈز",
    "The codes you have now stop working.": "آپ کے موجودہ کوڈز کام کرنا بند کر دیں گے۔",
    "Make new recovery codes": "نئے ریکوری کوڈز بنائیں",
    "Your department requires two-step sign-in: it cannot be turned off.":
        "آپ کے شعبے میں دو مرحلوں والا سائن اِن لازمی ہے: اسے بند نہیں کیا جا سکتا۔",
    "Turn two-step sign-in off": "دو مرحلوں والا سائن اِن بند کریں",
    "Turn it off": "بند کریں",
    "Set up two-step sign-in": "دو مرحلوں والا سائن اِن فعال کریں",
    "Confirm": "تصدیق کریں",
    "Start again with a new QR code": "نئے QR کوڈ کے ساتھ دوبارہ شروع کریں",
    "Open an authenticator app on your phone (Google Authenticator, Microsoft Authenticator, FreeOTP...) and "
    "scan this QR code.":
        "اپنے فون پر کوئی تصدیقی ایپ (Google Authenticator، Microsoft Authenticator، FreeOTP وغیرہ) کھولیں "
        "اور یہ QR کوڈ اسکین کریں۔",
    "Or type this key into the app:": "یا یہ کلید ایپ میں لکھیں:",
    "Type the 6-digit code the app shows.": "ایپ میں نظر آنے والا 6 ہندسوں والا کوڈ لکھیں۔",
    "QR code of the key": "کلید کا QR کوڈ",
    "Your recovery codes": "آپ کے ریکوری کوڈز",
    "Two-step sign-in is on. Keep these codes somewhere safe, away from your phone: each one signs you in once "
    "if you lose the phone. They are shown only now.":
        "دو مرحلوں والا سائن اِن فعال ہو گیا۔ یہ کوڈز اپنے فون سے الگ کسی محفوظ جگہ رکھیں: فون گم ہونے پر "
        "ہر کوڈ ایک بار سائن اِن کرا دیتا ہے۔ یہ صرف ابھی دکھائے جا رہے ہیں۔",
    "I have kept them: continue": "میں نے انہیں محفوظ کر لیا: آگے چلیں",
}
