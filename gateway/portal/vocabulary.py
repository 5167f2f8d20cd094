"""The university's words as a person reads them, for the codes the services speak."""
from flask_babel import lazy_gettext as _l

NAMES = {
    "kind_names": {"degree": _l("Degree"), "transcript": _l("Transcript"), "certificate": _l("Certificate")},
    "section_names": {"online": _l("Online application"), "in_process": _l("In-process application"),
                      "incomplete_returned": _l("Incomplete / returned application")},
    "stage_names": {"received": _l("Received"), "verification": _l("Verification"), "printing": _l("Printing"),
                    "signing": _l("Signing"), "dispatched": _l("Dispatched"), "delivered": _l("Delivered")},
    "request_statuses": {"filing": _l("Being filed"), "awaiting_payment": _l("Awaiting payment"),
                         "submitted": _l("Submitted"), "in_process": _l("In process"),
                         "resolved": _l("Resolved"), "rejected": _l("Rejected")},
    "challan_statuses": {"unpaid": _l("Unpaid"), "paid": _l("Paid"), "blocked": _l("Blocked")},
    "parcel_statuses": {"prepared": _l("Prepared"), "dispatched": _l("Dispatched"), "delivered": _l("Delivered"),
                        "returned": _l("Returned")},
}

DEPARTMENT_NAMES = {
    "admissions": _l("Admissions"), "examinations": _l("Examinations"), "treasury": _l("Treasury"),
    "regional": _l("Regional office"), "dispatch": _l("Dispatch and mailing"),
    "student_services": _l("Student services"),
}
ACCOUNT_STATUSES = {"active": _l("Active"), "activation_pending": _l("Waiting for activation"),
                    "password_change_required": _l("Must choose a password"), "locked": _l("Locked")}
ACCOUNT_KINDS = {"student": _l("Student"), "staff": _l("Staff"), "bank": _l("Bank")}
AUDIT_EVENTS = {
    "account_created": _l("Account opened"), "account_locked": _l("Account locked"),
    "account_unlocked": _l("Account unlocked"), "activation_completed": _l("Account activated"),
    "login_succeeded": _l("Signed in"), "login_failed": _l("Sign-in refused"),
    "login_throttled": _l("Sign-in held back (too many attempts)"), "logout": _l("Signed out"),
    "token_refreshed": _l("Session renewed"), "refresh_reuse_detected": _l("Renewal token reused: session ended"),
    "password_changed": _l("Password changed"), "password_reset_requested": _l("Password reset asked for"),
    "password_reset_completed": _l("Password reset"), "bank_authenticated": _l("Bank signed in"),
    "bank_authentication_failed": _l("Bank sign-in refused"),
    "legacy_attempt": _l("Initial password tried"),
    "legacy_password_wrong": _l("Initial password wrong"),
    "legacy_fact_missing": _l("Initial password without CNIC or date of birth"),
    "legacy_fact_wrong": _l("CNIC or date of birth does not match"),
    "legacy_fallback": _l("Initial password retired: activation code mailed"),
}
