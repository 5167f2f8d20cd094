"""The university's words as a person reads them, for the codes the services speak."""
from flask_babel import lazy_gettext as _l

NAMES = {
    "kind_names": {"degree": _l("Degree"), "transcript": _l("Transcript"), "certificate": _l("Certificate")},
    "section_names": {"in_process": _l("In process"), "incomplete_returned": _l("Incomplete / returned"),
                      "dispatched": _l("Dispatched"), "delivered": _l("Delivered")},
    "stage_names": {"received": _l("Received"), "verification": _l("Verification"), "objection": _l("Objection"),
                    "printing": _l("Printing"), "ready": _l("Ready for dispatch"), "dispatched": _l("Dispatched"),
                    "delivered": _l("Delivered")},
    "request_statuses": {"filing": _l("Being filed"), "awaiting_payment": _l("Awaiting payment"),
                         "submitted": _l("Submitted"), "in_process": _l("In process"),
                         "awaiting_student": _l("Awaiting the student's answer"), "resolved": _l("Resolved"),
                         "rejected": _l("Rejected"), "closed": _l("Closed")},
    "challan_statuses": {"unpaid": _l("Unpaid"), "paid": _l("Paid"), "blocked": _l("Blocked")},
    "parcel_statuses": {"prepared": _l("Prepared"), "dispatched": _l("Dispatched"), "delivered": _l("Delivered"),
                        "returned": _l("Returned")},
    "registration_statuses": {"awaiting_payment": _l("Awaiting payment"), "confirmed": _l("Confirmed"),
                              "lapsed": _l("Lapsed")},
    "hold_blocks": {"registration": _l("Course registration"), "transcript": _l("Transcript"), "degree": _l("Degree")},
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

# -- course registration and holds (enrollment's codes) -----------------------------------
#: Why she may not register, by enrollment's reason code. The page fills in the semester and
#: its window from the answer's own fields (never from the service's English sentence); a
#: code not here shows the service's sentence as it is.
REGISTRATION_REASONS = {
    "no_semester": _l("Registration for the next semester has not been announced yet."),
    "not_active": _l("Your studies are not marked active: registration is for active students. "
                     "Please contact your regional centre."),
    "window_not_open": _l("Registration for %(semester)s opens on %(opens)s."),
    "window_closed": _l("Registration for %(semester)s closed on %(closes)s."),
    "previous_semester_incomplete": _l("The results of your last semester are not published yet: "
                                       "you can register once they are."),
    "maximum_duration_passed": _l("The maximum duration of your programme has passed. "
                                  "Please contact your regional centre."),
    "hold": _l("A hold on your studies stops you from registering: see your holds for what to do."),
    "nothing_to_register": _l("%(semester)s offers no course of your scheme of studies that you still have to take."),
}
#: Why the courses she chose were refused (InvalidArgument on `courses`, by reason).
COURSE_REFUSALS = {
    "NO_COURSES": _l("Choose at least one course."),
    "COURSE_NOT_OFFERED": _l("A course you chose is not offered to you this semester. Choose from the list."),
    "FAILED_COURSE_LEFT_OUT": _l("Courses you failed must be registered again: keep %(courses)s checked."),
    "CREDIT_LIMIT_EXCEEDED": _l("These courses come to more than %(limit)s credit hours, the most you may take in "
                                "a semester. Leave one out."),
}
HOLD_TITLES = {"unpaid_dues": _l("Unpaid dues"), "missing_documents": _l("Missing documents"),
               "degree_objection": _l("Objection on your degree application")}
HOLD_ACTIONS = {
    "unpaid_dues": _l("Pay the overdue challan at a branch of a collecting bank; the hold ends by itself when the "
                      "payment reaches us."),
    "missing_documents": _l("Send the documents admissions asked for (see the note) to your regional centre."),
    "degree_objection": _l("Answer the objection with the documents asked for, within its window, under Degree and "
                           "transcript tracking."),
}

# -- the staff tools over enrollment: admission, records, holds, tutors --------------------
ADMISSION_FILE_STATUSES = {"refused": _l("Refused: nobody admitted"), "queued": _l("Waiting to be applied"),
                           "applying": _l("Being applied"), "applied": _l("Applied: everyone admitted"),
                           "failed": _l("Failed: nobody admitted")}
ACCOUNT_OPENINGS = {"opened": _l("The student's portal account is open: the activation code is on its way by email."),
                    "pending": _l("The student's portal account is being opened: the activation code follows by "
                                  "email within minutes.")}
GENDERS = {"female": _l("Female"), "male": _l("Male"), "other": _l("Other")}
#: A student record's fields (the admission form's and the bulk file's columns, and its history's).
RECORD_FIELDS = {
    "full_name": _l("Full name"), "father_name": _l("Father's name"), "cnic": _l("CNIC"),
    "date_of_birth": _l("Date of birth"), "gender": _l("Gender"), "postal_address": _l("Postal address"),
    "mobile": _l("Mobile"), "email": _l("Email"), "program_code": _l("Programme code"),
    "centre_code": _l("Regional centre code"), "admission_semester": _l("Admission semester"),
}
STUDENT_STATUSES = {"active": _l("Active"), "graduated": _l("Graduated"), "withdrawn": _l("Withdrawn")}
