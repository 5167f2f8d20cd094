"""Urdu for the account pages (forgotten password, reset, activation, changing the password)
and the staff tools (opening a student account, locking and unlocking, the audit log)."""
ACCOUNTS = {
    # -- forms: labels, hints and what is wrong with a field
    "10 to 128 characters, with at least one letter and one digit, without your registration number, login or "
    "name, and not a common password.":
        "10 سے 128 حروف، کم از کم ایک حرف اور ایک ہندسے کے ساتھ، اس میں آپ کا رجسٹریشن نمبر، لاگ اِن یا نام نہ ہو، "
        "اور یہ کوئی عام پاس ورڈ نہ ہو۔",
    "New password": "نیا پاس ورڈ",
    "New password again": "نیا پاس ورڈ دوبارہ",
    "Choose a new password.": "نیا پاس ورڈ منتخب کریں۔",
    "Use at most 128 characters.": "زیادہ سے زیادہ 128 حروف استعمال کریں۔",
    "Type the new password a second time.": "نیا پاس ورڈ دوسری بار لکھیں۔",
    "The two new passwords are not the same.": "دونوں نئے پاس ورڈ ایک جیسے نہیں ہیں۔",
    "Reset code": "ری سیٹ کوڈ",
    "Filled in when you open the link from the mail; otherwise copy the code from the mail.":
        "ای میل کا لنک کھولنے پر یہ خود بھر جاتا ہے؛ ورنہ ای میل سے کوڈ کاپی کر کے یہاں لکھیں۔",
    "Enter the reset code from the mail.": "ای میل میں آیا ہوا ری سیٹ کوڈ لکھیں۔",
    "Registration number": "رجسٹریشن نمبر",
    "Enter your registration number.": "اپنا رجسٹریشن نمبر لکھیں۔",
    "Activation code": "ایکٹیویشن کوڈ",
    "From the mail admissions sent you.": "شعبۂ داخلہ کی بھیجی ہوئی ای میل سے۔",
    "Enter the activation code from the mail.": "ای میل میں آیا ہوا ایکٹیویشن کوڈ لکھیں۔",
    "Current password": "موجودہ پاس ورڈ",
    "Enter your current password.": "اپنا موجودہ پاس ورڈ لکھیں۔",
    # -- identity's refusals of a new password
    "Use 10 to 128 characters.": "10 سے 128 حروف استعمال کریں۔",
    "The password must not contain your name.": "پاس ورڈ میں آپ کا نام نہیں ہونا چاہیے۔",
    "This password is too common: it is on a list of passwords that attackers try first. Choose another.":
        "یہ پاس ورڈ بہت عام ہے: یہ ان پاس ورڈز کی فہرست میں ہے جو حملہ آور سب سے پہلے آزماتے ہیں۔ کوئی اور منتخب کریں۔",
    "Use at least one letter and one digit.": "کم از کم ایک حرف اور ایک ہندسہ استعمال کریں۔",
    "The password must not contain your registration number or login.":
        "پاس ورڈ میں آپ کا رجسٹریشن نمبر یا لاگ اِن نہیں ہونا چاہیے۔",
    "The new password must not be the same as the current one.": "نیا پاس ورڈ موجودہ پاس ورڈ جیسا نہیں ہو سکتا۔",
    "The new password must not be the activation code.": "نیا پاس ورڈ ایکٹیویشن کوڈ نہیں ہو سکتا۔",
    "This password cannot be used: %(rules)s": "یہ پاس ورڈ استعمال نہیں ہو سکتا: %(rules)s",
    # -- the account pages
    "Forgot your password?": "پاس ورڈ بھول گئے؟",
    "If this account exists and has an email address, a reset link is on its way. Open it within the time the "
    "mail gives.":
        "اگر یہ اکاؤنٹ موجود ہے اور اس میں ای میل پتا درج ہے تو ری سیٹ لنک بھیج دیا گیا ہے۔ "
        "اسے ای میل میں دیے گئے وقت کے اندر کھولیں۔",
    "Enter your registration number or staff login. We will mail a link to choose a new password to the email "
    "address on your account.":
        "اپنا رجسٹریشن نمبر یا اسٹاف لاگ اِن لکھیں۔ ہم آپ کے اکاؤنٹ میں درج ای میل پتے پر "
        "نیا پاس ورڈ منتخب کرنے کا لنک بھیجیں گے۔",
    "Send the reset link": "ری سیٹ لنک بھیجیں",
    "I have a reset code": "میرے پاس ری سیٹ کوڈ ہے",
    "Back to sign in": "سائن اِن پر واپس",
    "Choose a new password": "نیا پاس ورڈ منتخب کریں",
    "Every place you are signed in will be signed out, then you sign in with the new password.":
        "آپ جہاں جہاں سائن اِن ہیں وہاں سے سائن آؤٹ ہو جائیں گے، پھر نئے پاس ورڈ سے سائن اِن کریں۔",
    "Save the new password": "نیا پاس ورڈ محفوظ کریں",
    "Ask for a new reset link": "نیا ری سیٹ لنک منگوائیں",
    "This reset code is not valid: it may have been used or have expired. Ask for a new one.":
        "یہ ری سیٹ کوڈ درست نہیں: شاید یہ استعمال ہو چکا ہے یا اس کی مدت ختم ہو گئی ہے۔ نیا کوڈ منگوائیں۔",
    "Activate your account": "اپنا اکاؤنٹ فعال کریں",
    "First time here? Enter your registration number and the activation code from the mail admissions sent you, "
    "then choose your own password.":
        "پہلی بار آئے ہیں؟ اپنا رجسٹریشن نمبر اور شعبۂ داخلہ کی ای میل میں آیا ہوا ایکٹیویشن کوڈ لکھیں، "
        "پھر اپنا پاس ورڈ منتخب کریں۔",
    "Activate and sign in": "فعال کریں اور سائن اِن کریں",
    "Already activated? Sign in": "اکاؤنٹ پہلے سے فعال ہے؟ سائن اِن کریں",
    "Wrong registration number or activation code, or the code has expired.":
        "رجسٹریشن نمبر یا ایکٹیویشن کوڈ غلط ہے، یا کوڈ کی مدت ختم ہو چکی ہے۔",
    "First sign-in? Activate your account": "پہلی بار سائن اِن؟ اپنا اکاؤنٹ فعال کریں",
    "Your password has been changed and you have been signed out everywhere. Sign in with the new password.":
        "آپ کا پاس ورڈ تبدیل ہو گیا ہے اور آپ ہر جگہ سے سائن آؤٹ ہو گئے ہیں۔ نئے پاس ورڈ سے سائن اِن کریں۔",
    "Change password": "پاس ورڈ تبدیل کریں",
    "Change your password": "اپنا پاس ورڈ تبدیل کریں",
    "Your password has been changed. You stay signed in here; everywhere else you have been signed out.":
        "آپ کا پاس ورڈ تبدیل ہو گیا ہے۔ آپ یہاں سائن اِن رہیں گے؛ باقی ہر جگہ سے آپ سائن آؤٹ ہو گئے ہیں۔",
    "Every other place you are signed in (another phone, a shared computer) will be signed out.":
        "باقی ہر جگہ (کوئی دوسرا فون، مشترکہ کمپیوٹر) جہاں آپ سائن اِن ہیں، وہاں سے سائن آؤٹ ہو جائیں گے۔",
    "Change the password": "پاس ورڈ تبدیل کریں",
    "Your current password is not right.": "آپ کا موجودہ پاس ورڈ درست نہیں۔",
    "Back to my portal": "میرے پورٹل پر واپس",
    # -- the dashboard of a student just activated, whose record enrollment has not added yet
    "Your student record is not ready yet: admissions add it after your account is opened.":
        "آپ کا طالب علم ریکارڈ ابھی تیار نہیں: اکاؤنٹ کھلنے کے بعد شعبۂ داخلہ اسے شامل کرتا ہے۔",
    # -- staff tools: the console
    "Tools": "ٹولز",
    "Open a student account": "طالب علم کا اکاؤنٹ کھولیں",
    "Find, lock or unlock an account": "اکاؤنٹ تلاش کریں، بند کریں یا بحال کریں",
    "Audit log of sign-ins and accounts": "سائن اِن اور اکاؤنٹس کا آڈٹ ریکارڈ",
    "Back to the console": "کنسول پر واپس",
    # -- admissions: a new student's account
    "Full name": "پورا نام",
    "Mobile (optional)": "موبائل (اختیاری)",
    "First sign-in": "پہلا سائن اِن",
    "Activation code by email (recommended)": "ای میل پر ایکٹیویشن کوڈ (تجویز کردہ)",
    "Initial password from the name and number (old way)": "نام اور نمبر سے بنا ابتدائی پاس ورڈ (پرانا طریقہ)",
    "Enter the registration number.": "رجسٹریشن نمبر لکھیں۔",
    "Enter the student's full name.": "طالب علم کا پورا نام لکھیں۔",
    "Enter the student's email address.": "طالب علم کا ای میل پتا لکھیں۔",
    "A registration number looks like 22P-123456.": "رجسٹریشن نمبر اس طرح کا ہوتا ہے: 22P-123456",
    "Enter a name of 2 to 120 characters.": "2 سے 120 حروف کا نام لکھیں۔",
    "Enter a valid email address, like name@example.pk.": "درست ای میل پتا لکھیں، جیسے name@example.pk",
    "A mobile number is 10 to 15 digits, with or without + in front (no spaces).":
        "موبائل نمبر 10 سے 15 ہندسوں کا ہوتا ہے، شروع میں + کے ساتھ یا اس کے بغیر (درمیان میں خالی جگہ نہیں)۔",
    "Choose how the student signs in the first time.": "منتخب کریں کہ طالب علم پہلی بار کیسے سائن اِن کرے گا۔",
    "For an initial password from the name, the name needs at least two letters A to Z.":
        "نام سے ابتدائی پاس ورڈ بنانے کے لیے نام میں کم از کم دو انگریزی حروف (A سے Z) ہونے چاہییں۔",
    "Another student's account already has this registration number.":
        "یہ رجسٹریشن نمبر پہلے ہی کسی دوسرے طالب علم کے اکاؤنٹ کا ہے۔",
    "Open the account": "اکاؤنٹ کھولیں",
    "The account %(number)s is open. The student gets the activation code by email (or signs in with the "
    "initial password).":
        "اکاؤنٹ %(number)s کھل گیا ہے۔ طالب علم کو ایکٹیویشن کوڈ ای میل پر ملے گا "
        "(یا وہ ابتدائی پاس ورڈ سے سائن اِن کرے گا)۔",
    # -- student services: accounts and locks
    "Enter a registration number or staff login.": "رجسٹریشن نمبر یا اسٹاف لاگ اِن لکھیں۔",
    "Find": "تلاش کریں",
    "No account has this registration number or login.": "اس رجسٹریشن نمبر یا لاگ اِن کا کوئی اکاؤنٹ نہیں۔",
    "Kind": "قسم",
    "Staff": "اسٹاف",
    "Bank": "بینک",
    "Active": "فعال",
    "Waiting for activation": "فعال ہونے کا منتظر",
    "Must choose a password": "پاس ورڈ منتخب کرنا باقی ہے",
    "Locked": "بند",
    "Last sign-in": "آخری سائن اِن",
    "Never": "کبھی نہیں",
    "Reason for locking": "بند کرنے کی وجہ",
    "Say why the account is locked.": "بتائیں کہ اکاؤنٹ کیوں بند کیا جا رہا ہے۔",
    "Use 3 to 200 characters.": "3 سے 200 حروف استعمال کریں۔",
    "Lock the account": "اکاؤنٹ بند کریں",
    "Unlock the account": "اکاؤنٹ بحال کریں",
    "The account is locked. Every session of it has ended.":
        "اکاؤنٹ بند کر دیا گیا ہے۔ اس کے تمام سیشن ختم ہو گئے ہیں۔",
    "The account is unlocked.": "اکاؤنٹ بحال کر دیا گیا ہے۔",
    "This account's audit log": "اس اکاؤنٹ کا آڈٹ ریکارڈ",
    # -- student services: the audit log
    "Audit log": "آڈٹ ریکارڈ",
    "Sign-ins and account changes, newest first.": "سائن اِن اور اکاؤنٹ میں تبدیلیاں، تازہ ترین پہلے۔",
    "Registration number or staff login (optional)": "رجسٹریشن نمبر یا اسٹاف لاگ اِن (اختیاری)",
    "Show": "دکھائیں",
    "Events of %(username)s": "%(username)s کے واقعات",
    "All accounts' events": "تمام اکاؤنٹس کے واقعات",
    "When": "کب",
    "Account": "اکاؤنٹ",
    "Event": "واقعہ",
    "Address": "آئی پی پتا",
    "Details": "تفصیل",
    "No events.": "کوئی واقعہ نہیں۔",
    "Account opened": "اکاؤنٹ کھولا گیا",
    "Account locked": "اکاؤنٹ بند کیا گیا",
    "Account unlocked": "اکاؤنٹ بحال کیا گیا",
    "Account activated": "اکاؤنٹ فعال ہوا",
    "Signed in": "سائن اِن ہوا",
    "Sign-in refused": "سائن اِن مسترد",
    "Sign-in held back (too many attempts)": "سائن اِن روکا گیا (بہت زیادہ کوششیں)",
    "Signed out": "سائن آؤٹ ہوا",
    "Session renewed": "سیشن کی تجدید ہوئی",
    "Renewal token reused: session ended": "تجدید کا ٹوکن دوبارہ استعمال ہوا: سیشن ختم",
    "Password changed": "پاس ورڈ تبدیل ہوا",
    "Password reset asked for": "پاس ورڈ ری سیٹ کی درخواست",
    "Password reset": "پاس ورڈ ری سیٹ ہوا",
    "Bank signed in": "بینک سائن اِن ہوا",
    "Bank sign-in refused": "بینک کا سائن اِن مسترد",
}
