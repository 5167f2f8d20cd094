"""What the services' messages look like to a student's browser or phone.

Explicit on purpose: protobuf's own JSON mapping turns int64 amounts into strings and
shows every internal field; an API's shape is a decision, made here once."""
from __future__ import annotations

from campus import money


def amount(paisa: int) -> dict:
    return {"amount": paisa, "amount_display": money.rupees(paisa), "currency": "PKR"}


def account(a) -> dict:
    return {"username": a.username, "kind": a.kind, "full_name": a.full_name, "department": a.department or None,
            "status": a.status, "last_login_at": a.last_login_at or None}


def tokens(pair) -> dict:
    return {"access_token": pair.access_token, "refresh_token": pair.refresh_token, "token_type": "Bearer",
            "expires_in": pair.expires_in, "account": account(pair.account)}


def challan_ref(c) -> dict:
    return {"consumer_number": c.consumer_number, **amount(c.amount_paisa), "due_date": c.due_date}


def service_request(r, with_history: bool = True) -> dict:
    view = {"request_number": r.request_number, "status": r.status, "category": r.category, "subtype": r.subtype,
            "title": r.title, "details": r.details, "department": r.department, "filed_at": r.filed_at,
            "updated_at": r.updated_at, "challan": challan_ref(r.challan) if r.HasField("challan") else None}
    if with_history:
        view["history"] = [{"status": h.status, "changed_at": h.changed_at, "note": h.note} for h in r.history]
    return view


def profile(p) -> dict:
    return {"registration_number": p.registration_number, "full_name": p.full_name, "father_name": p.father_name,
            "gender": p.gender, "date_of_birth": p.date_of_birth, "cnic": p.cnic, "email": p.email,
            "mobile": p.mobile, "postal_address": p.postal_address,
            "program": {"code": p.program.code, "title": p.program.title, "level": p.program.level},
            "regional_centre": {"code": p.regional_centre.code, "name": p.regional_centre.name},
            "admission_semester": p.admission_semester, "current_semester": p.current_semester, "status": p.status}


def courses(response) -> dict:
    return {"semester": response.semester, "courses": [
        {"code": c.code, "title": c.title, "credit_hours": c.credit_hours,
         "tutor": ({"name": c.tutor.name, "postal_address": c.tutor.postal_address, "phone": c.tutor.phone}
                   if c.tutor.name else None)} for c in response.courses]}


def results(response) -> dict:
    return {"semesters": [
        {"semester": s.semester, "published_on": s.published_on, "gpa": s.gpa or None, "courses": [
            {"course_code": c.course_code, "course_title": c.course_title, "credit_hours": c.credit_hours,
             "assignment_marks": c.assignment_marks if c.components_shown else None,
             "final_exam_marks": c.final_exam_marks if c.components_shown else None,
             "total_marks": c.total_marks if c.components_shown else None,
             "grade": c.grade, "remarks": c.remarks} for c in s.courses]}
        for s in response.semesters]}


def challan(c) -> dict:
    return {"consumer_number": c.consumer_number, "description": c.description, "reference": c.reference,
            **amount(c.amount_paisa), "amount_after_due_date": c.amount_after_due_date_paisa,
            "due_date": c.due_date, "status": c.status, "issued_at": c.issued_at, "paid_at": c.paid_at or None}


def finance(response) -> dict:
    return {"outstanding": response.outstanding_paisa, "outstanding_display": money.rupees(response.outstanding_paisa),
            "paid": response.paid_paisa, "currency": "PKR", "challans": [challan(c) for c in response.challans]}


def requests(response) -> dict:
    return {"requests": [service_request(r, with_history=False) for r in response.requests]}


def application(a, public: bool = False) -> dict:
    view = {"tracking_id": a.tracking_id, "kind": a.kind, "section": a.section, "stage": a.stage,
            "urgent": a.urgent, "updated_at": a.updated_at,
            "objections": [{"reason": o.reason, "raised_at": o.raised_at, "resolve_by": o.resolve_by,
                            "resolved": o.resolved} for o in a.objections]}
    if not public:
        view.update(request_number=a.request_number, filed_at=a.filed_at,
                    courier_tracking_number=a.courier_tracking_number or None)
    return view


def tracking(response) -> dict:
    return {"applications": [application(a) for a in response.applications],
            "parcels": [{"registry_number": p.registry_number, "semester": p.semester, "status": p.status,
                         "dispatched_at": p.dispatched_at or None, "note": p.note} for p in response.parcels]}
