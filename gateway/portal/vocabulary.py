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
