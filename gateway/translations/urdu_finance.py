"""Urdu for the finance pages (see urdu.py): the student's financial account (balance, challans
and every ledger entry), a challan with how to pay it, and treasury's tools: a student's
account, a challan (cancel it, record a counter payment), the banks' settlement files and
the unmatched queue. Consumer numbers, codes (ABL, HBL, TRSY), authorisation IDs, bank
names, CSV column names (tran_date, consumer_number...), amounts (the `rupees` filter writes
them) and what finance keeps in English (a challan's description, notes, the reasons for a
refused line, who posted an entry) stay as they are."""
from gateway.translations.urdu_admissions import ltr

OTHER_FEE = ltr('"Other Fee Challan/Invoice"')  # the request's title, as requests name it

FINANCE = {
    # the dashboard and the console
    "My account: dues, payments and history": "میرا کھاتہ: واجبات، ادائیگیاں اور ریکارڈ",
    "A student's account or a challan: cancel, counter payment":
        "طالب علم کا کھاتہ یا چالان: منسوخی، کاؤنٹر پر ادائیگی",
    # the student's financial account
    "Your account cannot be shown right now. Please try again in a little while.":
        "آپ کا کھاتہ اس وقت دکھایا نہیں جا سکتا۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "You owe %(amount)s": "آپ کے ذمے %(amount)s واجب الادا ہیں",
    "The university owes you %(amount)s": "یونیورسٹی کے ذمے آپ کے %(amount)s واجب ہیں",
    "Nothing is due": "کچھ واجب الادا نہیں",
    "Unpaid challans ask for": "غیر ادا شدہ چالانوں کی رقم",
    "Paid so far": "اب تک ادا شدہ",
    "Part of what you owe has no challan that can still be paid (it expired or was cancelled): file an "
    "\"Other Fee Challan/Invoice\" request for a new one.":
        "آپ کے واجبات کے ایک حصے کا کوئی ایسا چالان نہیں جو اب ادا ہو سکے (اس کی میعاد ختم ہو گئی یا وہ منسوخ ہو "
        f"گیا): نئے چالان کے لیے {OTHER_FEE} کی درخواست دیں۔",
    "My challans": "میرے چالان",
    "Paid on %(date)s": "%(date)s کو ادا ہوا",
    "Due by %(date)s": "%(date)s تک قابلِ ادائیگی",
    "Print the challan (PDF)": "چالان پرنٹ کریں (PDF)",
    "You have no challans yet.": "آپ کا ابھی کوئی چالان نہیں۔",
    "Account history": "کھاتے کا ریکارڈ",
    "Every fee, payment, late fee, reversal, refund and concession, oldest first, with your balance after each. "
    "An entry is never changed: a correction is a new entry.":
        "ہر فیس، ادائیگی، دیر سے ادائیگی کا جرمانہ، ادائیگی کی منسوخی، رقم کی واپسی اور رعایت، پرانے پہلے، ہر ایک "
        "کے بعد آپ کے بقایا کے ساتھ۔ کوئی اندراج کبھی بدلا نہیں جاتا: درستی ایک نیا اندراج ہوتی ہے۔",
    "Entry": "اندراج",
    "charged %(amount)s": "%(amount)s عائد",
    "credited %(amount)s": "%(amount)s جمع",
    "Balance": "بقایا",
    "Nothing has been charged or paid yet.": "ابھی نہ کوئی رقم عائد ہوئی ہے نہ کوئی ادائیگی ہوئی ہے۔",
    # the ledger's kinds of entry
    "Fee charged": "فیس عائد",
    "Late fee": "دیر سے ادائیگی کا جرمانہ",
    "Payment": "ادائیگی",
    "Payment reversed by the bank": "بینک کی طرف سے ادائیگی کی منسوخی",
    "Charge cancelled": "عائد رقم منسوخ",
    "Concession": "رعایت",
    "Refund granted": "رقم کی واپسی منظور",
    "Refund paid": "واپسی کی رقم ادا",
    # one of her challans and how to pay it
    "Fee challan %(number)s": "فیس چالان %(number)s",
    "For": "برائے",
    "Keep the bank's receipt. Once the bank reports the payment, your account shows it by itself.":
        "بینک کی رسید سنبھال کر رکھیں۔ بینک کی طرف سے ادائیگی کی اطلاع ملتے ہی یہ آپ کے کھاتے میں خود بخود نظر "
        "آ جائے گی۔",
    "This challan is paid. Its printed copy stays valid as your receipt.":
        "یہ چالان ادا ہو چکا ہے۔ اس کی چھپی ہوئی کاپی آپ کی رسید کے طور پر کارآمد رہے گی۔",
    "Do not pay this challan: it was cancelled, replaced or it expired. File a new request for a fresh challan.":
        "یہ چالان ادا نہ کریں: یہ منسوخ ہو گیا، اس کی جگہ نیا چالان جاری ہو گیا یا اس کی میعاد ختم ہو گئی۔ نئے "
        "چالان کے لیے نئی درخواست دیں۔",
    "Or print the challan and pay it at a branch of %(banks)s: the bank keeps one copy and stamps the others.":
        "یا چالان پرنٹ کر کے %(banks)s کی کسی برانچ میں جمع کروائیں: بینک ایک کاپی اپنے پاس رکھتا ہے اور باقی پر "
        "مہر لگا دیتا ہے۔",
    "a collecting bank": "وصول کنندہ بینک",
    # treasury: finding an account or a challan
    "A student's account": "طالب علم کا کھاتہ",
    "Show the account": "کھاتہ دکھائیں",
    "A challan": "چالان",
    "Show the challan": "چالان دکھائیں",
    "Banks' settlement files: reconcile": "بینکوں کی سیٹلمنٹ فائلیں: مطابقت",
    "Unmatched payments: post or refund": "غیر مطابق ادائیگیاں: چالان میں درج کریں یا رقم واپس کریں",
    "Enter the student's registration number.": "طالب علم کا رجسٹریشن نمبر لکھیں۔",
    "The 18 digits on the challan.": "چالان پر لکھے 18 ہندسے۔",
    "Enter the challan's consumer number.": "چالان کا کنزیومر نمبر لکھیں۔",
    "A consumer number is the 18 digits printed on the challan.": "کنزیومر نمبر چالان پر چھپے 18 ہندسے ہوتے ہیں۔",
    # treasury: a student's account
    "Account of %(number)s": "%(number)s کا کھاتہ",
    "Balance: %(amount)s": "بقایا: %(amount)s",
    "Positive: the student owes it; negative: the university owes it to her. Unpaid challans ask for %(amount)s "
    "today.":
        "مثبت: یہ رقم طالب علم کے ذمے ہے؛ منفی: یہ رقم یونیورسٹی کے ذمے طالب علم کی ہے۔ غیر ادا شدہ چالانوں کی آج "
        "کی رقم %(amount)s ہے۔",
    "Challans": "چالان",
    "No challans.": "کوئی چالان نہیں۔",
    "Ledger": "لیجر",
    "Posted": "اندراج کا وقت",
    "Debit": "ڈیبٹ",
    "Credit": "کریڈٹ",
    # treasury: a challan, cancelled or paid at the counter
    "Challan %(number)s": "چالان %(number)s",
    "The challan is cancelled: banks see it blocked, its charge is cancelled in the ledger and its printed copy "
    "no longer verifies.":
        "چالان منسوخ ہو گیا: بینکوں کو یہ بند نظر آئے گا، لیجر میں اس کی عائد رقم منسوخ ہو گئی اور اس کی چھپی ہوئی "
        "کاپی کی اب تصدیق نہیں ہو گی۔",
    "The payment is recorded: the challan is paid, and what waited for it moves on by itself.":
        "ادائیگی درج ہو گئی: چالان ادا ہو گیا، اور جو کام اس کے انتظار میں تھا وہ خود بخود آگے بڑھ جائے گا۔",
    "Record a payment taken at the counter": "کاؤنٹر پر وصول کی گئی ادائیگی درج کریں",
    "Amount received (rupees)": "وصول شدہ رقم (روپے)",
    "What the challan asks for on the day it was paid.": "وہ رقم جو ادائیگی کے دن چالان پر واجب تھی۔",
    "Year-month-day, not in the future.": "سال-مہینہ-دن، آنے والی کوئی تاریخ نہیں۔",
    "How it was paid": "ادائیگی کیسے ہوئی",
    "E.g. at the treasury counter, receipt 1234; a bank draft.":
        "مثلاً خزانے کے کاؤنٹر پر، رسید نمبر 1234؛ بینک ڈرافٹ۔",
    "Enter the amount in rupees, like 2000 or 2000.50.":
        f"رقم روپوں میں لکھیں، جیسے {ltr('2000')} یا {ltr('2000.50')}",
    "Enter the date as year-month-day, like 2026-12-06.":
        f"تاریخ سال-مہینہ-دن کی صورت میں لکھیں، جیسے {ltr('2026-12-06')}",
    "The amount must be what the challan asks for on that day.": "رقم وہی ہونی چاہیے جو اس دن چالان پر واجب تھی۔",
    "Record the payment": "ادائیگی درج کریں",
    "This challan is not unpaid: nothing was recorded.": "یہ چالان غیر ادا شدہ نہیں: کچھ درج نہیں ہوا۔",
    "Cancel this challan": "یہ چالان منسوخ کریں",
    "Why cancel it": "منسوخی کی وجہ",
    "E.g. issued twice by mistake; replaced by a new challan.":
        "مثلاً غلطی سے دو بار جاری ہوا؛ اس کی جگہ نیا چالان جاری ہو گیا۔",
    "Say why in a few words (5 to 300 characters): it is kept with the ledger entry.":
        "چند الفاظ میں وجہ لکھیں (5 سے 300 حروف): یہ لیجر کے اندراج کے ساتھ محفوظ رہتی ہے۔",
    "Cancel the challan": "چالان منسوخ کریں",
    "A paid challan cannot be cancelled: refund it instead.":
        "ادا شدہ چالان منسوخ نہیں ہو سکتا: اس کے بجائے رقم واپس کریں۔",
    # the banks' settlement files
    "Banks' settlement files": "بینکوں کی سیٹلمنٹ فائلیں",
    "Reconcile a bank's file": "بینک کی فائل کی مطابقت کریں",
    "Each line is matched with the payment the bank reported to us. Money in the file that was never reported "
    "waits in the unmatched queue; the report lists what is missing or differs. The same file sent again gives "
    "the same report.":
        "ہر سطر کو اس ادائیگی سے ملایا جاتا ہے جس کی اطلاع بینک نے ہمیں دی تھی۔ فائل کی جس رقم کی کبھی اطلاع نہیں "
        "ملی وہ غیر مطابق ادائیگیوں کی فہرست میں انتظار کرتی ہے؛ رپورٹ میں وہ سب درج ہوتا ہے جو غائب یا مختلف ہے۔ "
        "وہی فائل دوبارہ بھیجنے پر وہی رپورٹ ملتی ہے۔",
    "Settlement file (CSV)": "سیٹلمنٹ فائل (CSV)",
    "Columns tran_date, tran_auth_id, consumer_number, amount; the amount in rupees, like 2000.00.":
        f"کالم {ltr('tran_date, tran_auth_id, consumer_number, amount')}؛ رقم روپوں میں، جیسے {ltr('2000.00')}",
    "Choose the bank.": "بینک منتخب کریں۔",
    "Choose the bank's CSV file.": "بینک کی CSV فائل منتخب کریں۔",
    "Choose one of the collecting banks.": "وصول کنندہ بینکوں میں سے ایک منتخب کریں۔",
    "The file cannot be read: see the refused lines below.": "فائل پڑھی نہیں جا سکی: نیچے مسترد سطریں دیکھیں۔",
    "The file cannot be read: %(why)s": "فائل پڑھی نہیں جا سکی: %(why)s",
    "Reconcile": "مطابقت کریں",
    "Nothing in this file was reconciled. Put these lines right and send the whole file again.":
        "اس فائل میں سے کسی چیز کی مطابقت نہیں ہوئی۔ یہ سطریں درست کریں اور پوری فائل دوبارہ بھیجیں۔",
    "Files reconciled, newest first": "مطابقت شدہ فائلیں، نئی پہلے",
    "The files cannot be listed right now. Please try again in a little while.":
        "فائلوں کی فہرست اس وقت دکھائی نہیں جا سکتی۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "%(matched)s of %(rows)s lines matched": "%(rows)s میں سے %(matched)s سطریں مطابق",
    "%(count)s unrecorded": "%(count)s غیر درج",
    "%(count)s missing": "%(count)s غائب",
    "%(count)s differ": "%(count)s مختلف",
    "No settlement file has been reconciled yet.": "ابھی کسی سیٹلمنٹ فائل کی مطابقت نہیں ہوئی۔",
    # a settlement file's report
    "Settlement report": "سیٹلمنٹ رپورٹ",
    "Lines": "سطریں",
    "Matched": "مطابق",
    "Transaction dates": "لین دین کی تاریخیں",
    "In the file, never reported to us": "فائل میں ہے، ہمیں کبھی اطلاع نہیں ملی",
    "The bank took this money but never told us: it waits in the unmatched queue for treasury to post or refund.":
        "بینک نے یہ رقم وصول کی مگر ہمیں کبھی نہیں بتایا: یہ غیر مطابق ادائیگیوں کی فہرست میں انتظار کرتی ہے کہ "
        "خزانہ اسے چالان میں درج کرے یا واپس کرے۔",
    "Reported to us, not in the file": "ہمیں اطلاع ملی، فائل میں نہیں",
    "Ask the bank: a payment it reported is missing from its settlement.":
        "بینک سے پوچھیں: جس ادائیگی کی اس نے اطلاع دی وہ اس کی سیٹلمنٹ میں نہیں۔",
    "In both, but different": "دونوں میں ہے، مگر مختلف",
    "The amount or consumer number differs from what the bank reported, or the bank reversed the payment.":
        "رقم یا کنزیومر نمبر بینک کی دی ہوئی اطلاع سے مختلف ہے، یا بینک نے ادائیگی منسوخ کر دی۔",
    "Authorisation": "اتھارائزیشن",
    "As reported": "اطلاع کے مطابق",
    "None.": "کوئی نہیں۔",
    # the unmatched queue
    "Unmatched payments": "غیر مطابق ادائیگیاں",
    "Money a bank's settlement file shows that no payment call told us of. Post it to its challan when the "
    "challan is unpaid and the amount is what it asked for that day; otherwise refund it to the payer.":
        "وہ رقم جو بینک کی سیٹلمنٹ فائل میں ہے مگر ادائیگی کی کسی کال نے ہمیں اس کی اطلاع نہیں دی۔ اگر چالان غیر "
        "ادا شدہ ہو اور رقم وہی ہو جو اس دن چالان پر واجب تھی تو اسے اس کے چالان میں درج کریں؛ ورنہ ادا کنندہ کو "
        "واپس کریں۔",
    "Posted: the challan is paid, and what waited for it moves on by itself.":
        "درج ہو گئی: چالان ادا ہو گیا، اور جو کام اس کے انتظار میں تھا وہ خود بخود آگے بڑھ جائے گا۔",
    "Marked as refunded.": "واپس شدہ درج ہو گئی۔",
    "Waiting for treasury": "خزانے کی منتظر",
    "Posted to its challan": "اپنے چالان میں درج",
    "Refunded": "واپس کر دی گئی",
    "The payments cannot be listed right now. Please try again in a little while.":
        "ادائیگیوں کی فہرست اس وقت دکھائی نہیں جا سکتی۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔",
    "its challan is %(status)s": "اس کا چالان %(status)s ہے",
    "no challan has this number": "اس نمبر کا کوئی چالان نہیں",
    "Taken on %(date)s": "%(date)s کو وصول ہوئی",
    "its settlement": "اس کی سیٹلمنٹ",
    "What to do": "کیا کرنا ہے",
    "Post it to its challan": "اسے اس کے چالان میں درج کریں",
    "Refund it to the payer": "ادا کنندہ کو واپس کریں",
    "Choose what to do.": "منتخب کریں کہ کیا کرنا ہے۔",
    "Why": "وجہ",
    "Do it": "عمل کریں",
    "Nothing here.": "یہاں کچھ نہیں۔",
    "It cannot be posted: %(why)s": "یہ درج نہیں ہو سکتی: %(why)s",
    # treasury's figures
    "Collections and outstanding dues": "وصولیاں اور بقایا واجبات",
    "Collections and outstanding dues: charts": "وصولیاں اور بقایا واجبات: چارٹ",
    "Collections per bank per day": "ہر بینک کی روزانہ وصولیاں",
    "Collections per bank per day (rupees)": "ہر بینک کی روزانہ وصولیاں (روپے)",
    "Collections per bank, %(first)s to %(last)s": "ہر بینک کی وصولیاں، %(first)s سے %(last)s تک",
    "Last %(days)s days": "پچھلے %(days)s دن",
    "No bank reported a payment in this period.": "اس مدت میں کسی بینک نے کوئی ادائیگی نہیں بتائی۔",
    "Nothing is outstanding.": "کچھ بھی واجب الادا نہیں۔",
    "Outstanding": "واجب الادا",
    "Outstanding dues by programme": "پروگرام کے لحاظ سے بقایا واجبات",
    "Outstanding dues by programme (rupees)": "پروگرام کے لحاظ سے بقایا واجبات (روپے)",
    "Payments": "ادائیگیاں",
    "Period": "مدت",
    "Rupees": "روپے",
    "Unpaid challans that can still be paid, at what each asks for today.":
        "وہ غیر ادا شدہ چالان جو ابھی ادا ہو سکتے ہیں، اس رقم پر جو ہر ایک آج طلب کرتا ہے۔",
    # refunds
    "Refunds of fee": "فیس کی واپسی",
    "Refunds of fee: decide": "فیس کی واپسی: فیصلہ کریں",
    "The refund rules in force": "رقم کی واپسی کے نافذ قواعد",
    "%(percent)s%% kept": "%(percent)s%% رکھا جاتا ہے",
    "since %(date)s": "%(date)s سے",
    "Approved": "منظور شدہ",
    "Refund it": "رقم واپس کریں",
    "Refuse it": "رد کریں",
    "Choose whether to refund it.": "منتخب کریں کہ رقم واپس کرنی ہے یا نہیں۔",
    "Paid challan to refund": "واپس کی جانے والی رقم کا ادا شدہ چالان",
    "Choose one of her paid challans.": "طالبہ کے ادا شدہ چالانوں میں سے ایک منتخب کریں۔",
    "Ground": "بنیاد",
    "Its rule sets the amount: the share of the paid fee the university keeps.":
        "اس کا قاعدہ رقم طے کرتا ہے: ادا شدہ فیس کا وہ حصہ جو یونیورسٹی رکھتی ہے۔",
    "Choose one of this request's grounds.": "اس درخواست کی بنیادوں میں سے ایک منتخب کریں۔",
    "Note for the student": "طالب علم کے لیے نوٹ",
    "Needed to refuse: she reads it with her request.":
        "رد کرنے کے لیے ضروری: طالب علم اسے اپنی درخواست کے ساتھ پڑھتا ہے۔",
    "Say why the refund is refused: she reads it.": "بتائیں کہ رقم کی واپسی کیوں رد کی گئی: طالب علم اسے پڑھتا ہے۔",
    "Decide": "فیصلہ کریں",
    "She has no paid challan left to refund.": "طالب علم کا کوئی ادا شدہ چالان واپسی کے لیے باقی نہیں۔",
    "Refunded %(amount)s of %(paid)s (challan %(number)s)":
        "%(paid)s میں سے %(amount)s واپس کیے گئے (چالان %(number)s)",
    "Refund %(number)s approved: her ledger shows it granted and paid out, and her request is closed.":
        "رقم کی واپسی %(number)s منظور: کھاتہ اسے منظور اور ادا شدہ دکھاتا ہے، اور درخواست بند ہو گئی ہے۔",
    "Refund %(number)s refused: she reads your note with her request.":
        "رقم کی واپسی %(number)s رد: طالب علم آپ کا نوٹ اپنی درخواست کے ساتھ پڑھتا ہے۔",
    # financial aid and scholarships
    "Financial aid and scholarships": "مالی امداد اور وظائف",
    "Financial aid and scholarships: decide": "مالی امداد اور وظائف: فیصلہ کریں",
    "An award is refunded from her semester fee where she has paid it, up to what she paid; the rest comes off "
    "her next semester fee. Your decision closes her request.":
        "جہاں طالب علم سمسٹر فیس ادا کر چکا ہو، امداد اسی فیس سے، ادا شدہ رقم تک، واپس کی جاتی ہے؛ باقی اگلی "
        "سمسٹر فیس سے کم ہوتی ہے۔ آپ کا فیصلہ درخواست بند کر دیتا ہے۔",
    "Aid for %(number)s awarded: her ledger shows it, and her request is closed.":
        "%(number)s کے لیے امداد منظور: کھاتہ اسے دکھاتا ہے، اور درخواست بند ہو گئی ہے۔",
    "Application %(number)s refused: she reads your note with her request.":
        "درخواست %(number)s رد: طالب علم آپ کا نوٹ اپنی درخواست کے ساتھ پڑھتا ہے۔",
    "Award (rupees)": "امداد (روپے)",
    "Award it": "امداد دیں",
    "Awarded": "منظور شدہ امداد",
    "Awarded %(amount)s: %(refunded)s refunded, %(remaining)s off her next semester fee":
        "%(amount)s منظور: %(refunded)s واپس، %(remaining)s اگلی سمسٹر فیس سے کم",
    "Choose whether to award it.": "منتخب کریں کہ امداد دینی ہے یا نہیں۔",
    "Enter an award between Rs 1 and Rs 1,000,000.": "ایک روپے سے دس لاکھ روپے تک کی امداد درج کریں۔",
    "Latest semester fee: %(amount)s, %(status)s": "تازہ ترین سمسٹر فیس: %(amount)s، %(status)s",
    "Merit Scholarship": "میرٹ اسکالرشپ",
    "Need-based Financial Aid": "ضرورت کی بنیاد پر مالی امداد",
    "Scholarship for Special Persons": "خصوصی افراد کے لیے اسکالرشپ",
    "No semester fee yet: an award comes off her first one.": "ابھی کوئی سمسٹر فیس نہیں: امداد پہلی فیس سے کم ہو گی۔",
    "Refunded from her paid semester fee, or off her next one.": "ادا شدہ سمسٹر فیس سے واپس، یا اگلی فیس سے کم۔",
    "Say why the application is refused: she reads it.": "بتائیں کہ درخواست کیوں رد کی گئی: طالب علم اسے پڑھتا ہے۔",
    # the fee schedule
    "Fee schedule": "فیس کا شیڈول",
    "Fee schedule: fees, late fees and double fees by date": "فیس کا شیڈول: فیس، لیٹ فیس اور دگنی فیس تاریخ وار",
    "Set a fee from a day": "کسی دن سے فیس مقرر کریں",
    "Every fee by the day it applies from": "ہر فیس، اس دن کے ساتھ جس سے وہ لاگو ہے",
    "Saved: %(fee)s. Challans issued from that day are priced by it; those issued before keep their amounts.":
        "محفوظ: %(fee)s۔ اس دن سے جاری ہونے والے چالان اسی کے مطابق ہوں گے؛ پہلے کے چالان اپنی رقم پر رہیں گے۔",
    "Fee": "فیس",
    "Programme level": "پروگرام کی سطح",
    "Choose the fee.": "فیس منتخب کریں۔",
    "Choose the level.": "سطح منتخب کریں۔",
    "Choose one of the schedule's fees.": "شیڈول کی فیسوں میں سے ایک منتخب کریں۔",
    "Choose one of the levels.": "سطحوں میں سے ایک منتخب کریں۔",
    "As the challan and the catalogue name it.": "جیسے چالان اور فہرست میں لکھا جاتا ہے۔",
    "Enter the title.": "عنوان درج کریں۔",
    "Enter the title (up to 120 characters).": "عنوان درج کریں (زیادہ سے زیادہ 120 حروف)۔",
    "Amount (rupees)": "رقم (روپے)",
    "Late fee (rupees)": "لیٹ فیس (روپے)",
    "Added after the due date.": "آخری تاریخ کے بعد شامل کی جاتی ہے۔",
    "Enter rupees, like 2000 or 2000.50 (0 for none).":
        "روپے درج کریں، جیسے \u20662000\u2069 یا \u20662000.50\u2069 (نہ ہو تو 0)۔",
    "Double fee after (days)": "دگنی فیس (دنوں کے بعد)",
    "Double fee after": "دگنی فیس کب سے",
    "Days after the due date from which the fee is doubled; 0 for never.":
        "آخری تاریخ کے بعد کتنے دن سے فیس دگنی ہو جاتی ہے؛ کبھی نہیں تو 0۔",
    "Enter a number of days (0 for never).": "دنوں کی تعداد درج کریں (کبھی نہیں تو 0)۔",
    "Enter 0 to 365 days.": "0 سے 365 دن درج کریں۔",
    "Applies from": "لاگو از",
    "Today or a later day: the past stays as it was.": "آج یا آئندہ کا کوئی دن: گزرا ہوا وقت ویسا ہی رہتا ہے۔",
    "Enter today or a later day, as year-month-day.": "آج یا آئندہ کا کوئی دن، سال-مہینہ-دن کی صورت میں درج کریں۔",
    "%(days)s days": "%(days)s دن",
    "(announced)": "(اعلان شدہ)",
    "Save": "محفوظ کریں",
    # a challan issued by hand
    "Issue a challan by hand": "ہاتھ سے چالان جاری کریں",
    "Issue the challan": "چالان جاری کریں",
    "What it is for": "یہ کس لیے ہے",
    "Printed on the challan, e.g. Duplicate result card, Spring 2026.":
        "چالان پر چھپتا ہے، مثلاً Duplicate result card, Spring 2026۔",
    "Say what the challan is for.": "بتائیں کہ چالان کس لیے ہے۔",
    "Say what the challan is for (5 to 200 characters).": "بتائیں کہ چالان کس لیے ہے (5 سے 200 حروف)۔",
    "This fee has no amount at this level: choose her programme's level.":
        "اس سطح پر اس فیس کی کوئی رقم نہیں: طالب علم کے پروگرام کی سطح منتخب کریں۔",
    "The challan is issued: print it for her, or give her its consumer number to pay at any bank.":
        "چالان جاری ہو گیا: اسے طالب علم کے لیے پرنٹ کریں، یا کسی بھی بینک میں ادائیگی کے لیے کنزیومر نمبر دیں۔",
    # fees to recover
    "Fees to recover": "وصول کی جانے والی فیسیں",
    "A bank reversed these payments after the request they paid for was decided: nothing could be undone, so "
    "the fee is to be recovered from the student or the bank.":
        "بینک نے یہ ادائیگیاں اس وقت منسوخ کیں جب متعلقہ درخواست کا فیصلہ ہو چکا تھا: کچھ واپس نہیں ہو سکا، "
        "اس لیے فیس طالب علم یا بینک سے وصول کی جانی ہے۔",
    "Challan %(number)s, reversed by %(bank)s on %(date)s": "چالان %(number)s، %(bank)s نے %(date)s کو منسوخ کیا",
    "How it was recovered": "یہ کیسے وصول ہوئی",
    "Mark as recovered": "وصول شدہ درج کریں",
    "Marked as recovered.": "وصول شدہ درج کر دیا گیا۔",
    "Nothing to recover.": "وصول کرنے کو کچھ نہیں۔",
    # replacing a challan
    "Replace it with a new challan": "اس کی جگہ نیا چالان جاری کریں",
    "Replace the challan": "چالان تبدیل کریں",
    "Replaced by": "اس کی جگہ",
    "The same amount with a fresh due date: the old one is blocked and stops verifying.":
        "وہی رقم نئی آخری تاریخ کے ساتھ: پرانا چالان بند ہو جاتا ہے اور اس کی تصدیق نہیں ہوتی۔",
    "This challan replaces the old one: give her its consumer number or print it; what waited on the old one "
    "waits on this one.":
        "یہ چالان پرانے کی جگہ ہے: طالب علم کو اس کا کنزیومر نمبر دیں یا اسے پرنٹ کریں؛ جو پرانے کا منتظر تھا "
        "اب اس کا منتظر ہے۔",
    "Why replace it": "اسے کیوں تبدیل کیا جا رہا ہے",
    "E.g. lost by the student; a new due date agreed.": "مثلاً طالب علم سے گم ہو گیا؛ نئی آخری تاریخ طے ہوئی۔",
}
