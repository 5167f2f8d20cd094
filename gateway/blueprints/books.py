"""Books mailing: dispatch sends a semester's parcels from a CSV of registry numbers (wholly
or not at all) and records each delivered or returned; a student confirms her address for a
returned parcel; anyone looks books up by roll number or admission challan number. The
portal's pages (gateway.portal.books) call the same functions."""
from __future__ import annotations

from flask import Blueprint
from flask_limiter.util import get_remote_address

from campus import auth
from cms.tracking.v1 import tracking_pb2 as pb
from gateway import schemas
from gateway.blueprints.staff import TOOLS
from gateway.context import current
from gateway.limits import limiter
from gateway.openapi import BEARER, SIGNED_IN, WITH_BODY, answers, api, takes_files
from gateway.problems import Problem, refused_file
from gateway.security import caller, staff_only, student_only

public_bp = Blueprint("books_public", __name__, url_prefix="/api/v1/public/books")
staff_bp = Blueprint("books_staff", __name__, url_prefix="/api/v1/staff/parcels")
student_bp = Blueprint("books_student", __name__, url_prefix="/api/v1/me/parcels")
BLUEPRINTS = (public_bp, staff_bp, student_bp)
DISPATCH = TOOLS["parcels"]


def _call(who: auth.Caller | None, method: str, message, timeout: float | None = None):
    return current().clients.call("tracking", method, message, timeout=timeout, **({"caller": who} if who else {}))


# -- what the API and the portal both do ------------------------------------------------------
def dispatch(who: auth.Caller, semester: str, content: bytes, note: str = "") -> tuple[dict | None, list]:
    """The report, or (None, every refused row as {line, field, reason}): nothing was sent."""
    # A semester's file takes seconds, not the usual call's deadline (as a marks file's check).
    answer = _call(who, "DispatchParcels", pb.DispatchParcelsRequest(semester=semester, file=content, note=note),
                   timeout=current().config.file_check_timeout_seconds)
    if answer.refused:
        return None, [{"line": r.line, "field": r.field, "reason": r.reason} for r in answer.refused]
    return schemas.DispatchReportView(semester=answer.semester, dispatched=answer.dispatched,
                                      sent_again=answer.sent_again).body(), []


def parcels_of(who: auth.Caller, semester: str = "", status: str = "", limit: int = 100) -> dict:
    found = _call(who, "ListParcels", pb.ListParcelsRequest(semester=semester, status=status, limit=limit))
    return schemas.ParcelList(parcels=[schemas.StaffParcel.from_message(p) for p in found.parcels],
                              counts={c.status: c.count for c in found.counts}).body()


def record_outcome(who: auth.Caller, registry_number: str, semester: str, status: str, note: str = "") -> dict:
    return schemas.StaffParcel.from_message(_call(who, "SetParcelStatus", pb.SetParcelStatusRequest(
        registry_number=registry_number[:20], semester=semester, status=status, note=note))).body()


def confirm_address(who: auth.Caller, registry_number: str, semester: str) -> dict:
    return schemas.Parcel.from_message(_call(who, "ConfirmParcelAddress", pb.ConfirmParcelAddressRequest(
        registry_number=registry_number[:20], semester=semester))).body()


def look_up(roll_number: str = "", challan_number: str = "", who: auth.Caller | None = None) -> dict:
    found = _call(who, "TrackBooks", pb.TrackBooksRequest(roll_number=roll_number, challan_number=challan_number))
    return schemas.PublicBooks(parcels=[schemas.PublicParcel(
        registry_number=p.registry_number, semester=p.semester, status=p.status, dispatched_at=p.dispatched_at or None,
        updated_at=p.updated_at or None) for p in found.parcels]).body()


# -- the public -----------------------------------------------------------------------------------
@public_bp.get("")
@limiter.limit(lambda: current().config.public_document_rate_limit, key_func=get_remote_address)
@api.validate(query=schemas.BooksQuery, resp=answers(400, 429, 502, 503, HTTP_200=schemas.PublicBooks),
              tags=["public"])
def get_books(query: schemas.BooksQuery):
    """A student's parcels of books (seed 000's books tile) by her roll number or her
    admission challan's number: each semester's status and dates, nothing personal."""
    if not (query.roll_number or query.challan_number):
        raise Problem(400, "give a roll number or an admission challan number", field="roll_number")
    return look_up(query.roll_number, query.challan_number)


# -- dispatch -------------------------------------------------------------------------------------------
@staff_bp.post("/dispatch")
@takes_files
@staff_only(*DISPATCH)
@api.validate(form=schemas.DispatchUpload, resp=answers(*SIGNED_IN, *WITH_BODY, HTTP_200=schemas.DispatchReportView),
              tags=["staff"], security=BEARER)
def post_dispatch(form: schemas.DispatchUpload = None):  # None: not multipart
    """Dispatch a semester's parcels (multipart: `semester`, `note`, `file`: a CSV of
    `registry_number`s). A row that cannot be sent (no such roll number, twice in the file,
    already dispatched, returned and waiting for the student) refuses the file whole: 400
    naming every such row, nothing sent. Each parcel sent tells its student."""
    if form is None or not hasattr(form.file, "read"):
        raise Problem(400, "send the parcels as multipart/form-data with a `file`", field="file")
    report, refused = dispatch(caller(), form.semester, form.file.read(), form.note)
    if refused:
        raise refused_file(refused, "no parcel was dispatched")
    return report


@staff_bp.get("")
@staff_only(*DISPATCH)
@api.validate(query=schemas.ParcelsQuery, resp=answers(*SIGNED_IN, 400, HTTP_200=schemas.ParcelList),
              tags=["staff"], security=BEARER)
def get_parcels(query: schemas.ParcelsQuery):
    """Parcels, returned ones first (they wait on the student), with counts by status."""
    return parcels_of(caller(), query.semester, query.status, query.limit)


@staff_bp.post("/<registry_number>/status")
@staff_only(*DISPATCH)
@api.validate(json=schemas.ParcelOutcome, resp=answers(*SIGNED_IN, *WITH_BODY, 404, 409,
                                                       HTTP_200=schemas.StaffParcel),
              tags=["staff"], security=BEARER)
def post_parcel_status(registry_number: str, json: schemas.ParcelOutcome):
    """What the post said of a dispatched parcel: `delivered`, or `returned` (the student is
    asked to confirm or correct her postal address). The same again answers it unchanged."""
    return record_outcome(caller(), registry_number, json.semester, json.status, json.note)


# -- the student -------------------------------------------------------------------------------------
@student_bp.post("/<registry_number>/confirm-address")
@student_only
@api.validate(json=schemas.AddressConfirmation, resp=answers(*SIGNED_IN, *WITH_BODY, 404, 409,
                                                             HTTP_200=schemas.Parcel),
              tags=["student"], security=BEARER)
def post_confirm_address(registry_number: str, json: schemas.AddressConfirmation):
    """My returned parcel: my postal address is right, send it again. (To correct it, file a
    correction of personal information: once approved, the parcel goes again by itself.)"""
    return confirm_address(caller(), registry_number, json.semester)
