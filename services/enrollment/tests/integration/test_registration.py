"""Course registration against real PostgreSQL, real exams and finance gRPC servers, and the
enrollment consumer in its own process on real RabbitMQ: eligibility, the challan, its
payment confirming the registration, the lapse, and holds raised and cleared by events."""
import datetime as dt
import json

import pytest
import sqlalchemy as sa

from campus import clock, testing
from campus.errors import AlreadyExists, FailedPrecondition, InvalidArgument, NotFound, PermissionDenied
from campus.events import envelope_for
from cms.enrollment.v1 import enrollment_pb2 as pb
from cms.finance.v1 import finance_pb2
from cms.finance.v1.events_pb2 import ChallanIssued, ChallanPaid
from cms.tracking.v1.events_pb2 import DegreeStatusChanged
from services import demo
from services.enrollment import peers, registration, service
from services.enrollment.bootstrap import SERVICE as ENROLLMENT
from services.enrollment.models import program_levels, registrations, semester_registrations
from services.enrollment.seed import seed as enrollment_seed
from services.exams.bootstrap import SERVICE as EXAMS
from services.exams.seed import seed as exams_seed
from services.finance import domain as finance_domain
from services.finance import service as finance_service
from services.finance.bootstrap import SERVICE as FINANCE

REGISTRANT = demo.REGISTRANT["registration_number"]     # Autumn 2025 published, 8602 failed
AYESHA = demo.STUDENT["registration_number"]             # Spring 2026 not published yet
NEWCOMER = "27S-000777"                                  # admitted for Spring 2027, nothing yet
PAID_QUEUE = "evt-finance-challan_paid--enrollment.on_challan_paid"


@pytest.fixture(scope="module")
def finance(users):
    with testing.service_runtime(FINANCE, users) as runtime, testing.grpc_server(FINANCE, runtime) as address:
        yield runtime, address


@pytest.fixture(scope="module")
def exams(users):
    with testing.service_runtime(EXAMS, users) as runtime, testing.grpc_server(EXAMS, runtime) as address:
        exams_seed(runtime)
        yield runtime, address


def newcomer(runtime, regno: str, name: str, cnic: str, program: str = "BED15") -> None:
    """A student admitted for Spring 2027 at Islamabad, with nothing registered yet."""
    service.admit_student(
        runtime.db, registration_number=regno, program_code=program, centre_code="ISB",
        admission_semester="Spring 2027", date_of_birth=dt.date(2003, 3, 3), full_name=name, father_name="Father",
        gender="female", cnic=cnic, email=f"{regno.lower()}@example.pk", mobile="03001112223",
        postal_address="House 1, Street 1, I-8, Islamabad")


@pytest.fixture(scope="module")
def enrollment(users, finance, exams):
    with testing.service_runtime(ENROLLMENT, users, peers={"finance": finance[1], "exams": exams[1]}) as runtime:
        enrollment_seed(runtime)
        newcomer(runtime, NEWCOMER, "Hina Noor", "61101-1111111-2")
        with testing.grpc_server(ENROLLMENT, runtime) as address:
            yield runtime, address


@pytest.fixture(scope="module")
def consumer(enrollment, amqp_url):
    with testing.running_consumer("enrollment", enrollment[0].config.database_url, amqp_url, PAID_QUEUE) as process:
        yield process


@pytest.fixture(scope="module")
def gateway(enrollment):
    clients = testing.clients_as("gateway", {"enrollment": enrollment[1]})
    yield clients
    clients.close()


def overview(gateway, users, regno):
    return gateway.call("enrollment", "GetRegistration", pb.GetRegistrationRequest(registration_number=regno),
                        caller=users.student(regno))


def register(gateway, users, regno, codes):
    return gateway.call("enrollment", "Register", pb.RegisterRequest(registration_number=regno, course_codes=codes),
                        caller=users.student(regno))


def holds_of(gateway, users, regno):
    return gateway.call("enrollment", "ListHolds", pb.ListHoldsRequest(registration_number=regno),
                        caller=users.student(regno)).holds


def outbox(runtime, event_type):
    with runtime.db.sessions() as s:
        rows = s.execute(sa.select(runtime.db.outbox.c.envelope).where(
            runtime.db.outbox.c.event_type == event_type)).scalars()
        return [json.loads(r)["data"] for r in rows]


def finance_event(finance_runtime, event_type, consumer_number):
    """finance's own event from its outbox, as its relay would publish it."""
    with finance_runtime.db.sessions() as s:
        envelopes = [json.loads(e) for e in s.execute(sa.select(finance_runtime.db.outbox.c.envelope).where(
            finance_runtime.db.outbox.c.event_type == event_type)).scalars()]
    return next(e for e in envelopes if e["data"]["consumer_number"] == consumer_number)


def pay(finance_runtime, consumer_number, amount, tran_auth_id):
    attempt = finance_domain.PaymentAttempt(bank_mnemonic="ABL", tran_auth_id=tran_auth_id,
                                            consumer_number=consumer_number, amount_paisa=amount,
                                            tran_date=clock.karachi_today())
    code, _identification, message = finance_service.bill_payment(finance_runtime.db, finance_runtime.config,
                                                                  attempt, "101500")
    assert code == "00", message


def test_the_registrant_may_register_for_the_open_semester_with_her_failed_course_required(gateway, users):
    seen = overview(gateway, users, REGISTRANT)
    assert seen.semester == "Spring 2027" and seen.eligible and list(seen.reasons) == []
    assert seen.window.opens <= clock.karachi_today().isoformat() <= seen.window.closes
    assert [(c.code, c.required) for c in seen.courses] == [
        ("8602", True), ("8604", False), ("8605", False), ("8606", False)]
    assert not seen.HasField("registration") and seen.credit_limit == 18


def test_a_student_whose_last_semester_is_not_published_is_told_why_and_refused(gateway, users, enrollment):
    seen = overview(gateway, users, AYESHA)
    assert not seen.eligible
    assert [r.code for r in seen.reasons] == ["previous_semester_incomplete"]
    assert "Spring 2026" in seen.reasons[0].message
    with pytest.raises(FailedPrecondition) as refused:
        register(gateway, users, AYESHA, ["8604"])
    assert refused.value.reason == "NOT_ELIGIBLE"
    assert outbox(enrollment[0], "semester_registered") == []


@pytest.mark.parametrize(("codes", "reason"), [
    (["8604", "8605"], "FAILED_COURSE_LEFT_OUT"),
    (["8602", "8601"], "COURSE_NOT_OFFERED"),
    (["8602", "NOPE1"], "COURSE_NOT_OFFERED"),
    ([], "NO_COURSES"),
])
def test_a_selection_she_may_not_make_is_refused_naming_the_reason_and_nothing_is_written(
        gateway, users, enrollment, codes, reason):
    with pytest.raises(InvalidArgument) as refused:
        register(gateway, users, REGISTRANT, codes)
    assert (refused.value.reason, refused.value.field) == (reason, "courses")
    with enrollment[0].db.sessions() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(semester_registrations)) == 0


def test_over_the_credit_limit_is_refused(gateway, users, enrollment):
    db = enrollment[0].db
    with db.unit_of_work() as uow:
        uow.session.execute(sa.update(program_levels).where(program_levels.c.code == "bed")
                            .values(max_semester_credit_hours=9))
        uow.commit()
    try:
        with pytest.raises(InvalidArgument) as refused:
            register(gateway, users, REGISTRANT, ["8602", "8604", "8605", "8606"])
        assert refused.value.reason == "CREDIT_LIMIT_EXCEEDED"
    finally:
        with db.unit_of_work() as uow:
            uow.session.execute(sa.update(program_levels).where(program_levels.c.code == "bed")
                                .values(max_semester_credit_hours=18))
            uow.commit()


def test_registering_issues_one_challan_and_the_payment_confirms_it(gateway, users, enrollment, finance, amqp_url,
                                                                    consumer):
    runtime = enrollment[0]
    made = register(gateway, users, REGISTRANT, ["8602", "8604", "8605"])
    assert made.registration.status == "awaiting_payment"
    assert [(c.code, c.required) for c in made.registration.courses] == [
        ("8602", True), ("8604", False), ("8605", False)]
    challan = made.registration.challan
    assert challan.amount_paisa == 9 * 108750 and len(challan.consumer_number) == 18

    again = register(gateway, users, REGISTRANT, ["8605", "8604", "8602"])  # a retry: the same registration
    assert again.registration.challan.consumer_number == challan.consumer_number
    with pytest.raises(AlreadyExists) as other:
        register(gateway, users, REGISTRANT, ["8602", "8606"])
    assert other.value.reason == "ALREADY_REGISTERED"
    issued = finance_service.get_challan(finance[0].db, challan.consumer_number)
    assert issued.reference == f"REG-SPRING-2027-{REGISTRANT}-1" and issued.payer_name == "Zainab Akhtar"
    [registered] = outbox(runtime, "semester_registered")
    assert registered["semester"] == "Spring 2027" and registered["consumer_number"] == challan.consumer_number

    pay(finance[0], challan.consumer_number, challan.amount_paisa, "R00001")
    paid = finance_event(finance[0], "challan_paid", challan.consumer_number)
    testing.publish(amqp_url, paid)
    testing.wait_until(lambda: overview(gateway, users, REGISTRANT).registration.status == "confirmed",
                       what="the registration to be confirmed")
    testing.publish(amqp_url, paid)  # redelivered: nothing more
    testing.wait_until(lambda: testing.queue_depth(amqp_url, PAID_QUEUE) == 0, what="the queue to drain")
    [confirmed] = outbox(runtime, "registration_confirmed")
    assert confirmed["registration_number"] == REGISTRANT and confirmed["regional_centre"] == "FSD"
    assert [c["code"] for c in confirmed["courses"]] == ["8602", "8604", "8605"]
    assert confirmed["courses"][0]["repeat"] is True
    mine = gateway.call("enrollment", "ListRegisteredCourses", pb.ListRegisteredCoursesRequest(
        registration_number=REGISTRANT, semester="Spring 2027"), caller=users.student(REGISTRANT))
    assert [c.code for c in mine.courses] == ["8602", "8604", "8605"]
    assert list(mine.semesters) == ["Spring 2027", "Autumn 2025"]


def test_an_unpaid_registration_lapses_says_so_and_may_be_made_again(gateway, users, enrollment, finance):
    runtime = enrollment[0]
    first = register(gateway, users, NEWCOMER, ["8601", "8602", "8603"]).registration
    due = dt.date.fromisoformat(first.challan.due_date)
    assert registration.lapse_overdue(runtime.db, grace_days=0, today=due) == 0
    assert registration.lapse_overdue(runtime.db, grace_days=0, today=due + dt.timedelta(days=1)) == 1
    seen = overview(gateway, users, NEWCOMER)
    assert seen.registration.status == "lapsed" and seen.registration.lapsed_at
    assert [c.code for c in seen.registration.courses] == ["8601", "8602", "8603"]  # what she had asked for
    with runtime.db.sessions() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(registrations).where(
            registrations.c.semester == "Spring 2027", registrations.c.semester_registration_id.is_not(None),
            registrations.c.student_id == s.scalar(sa.text(
                f"SELECT id FROM students WHERE registration_number = '{NEWCOMER}'")))) == 0
    assert [e["consumer_number"] for e in outbox(runtime, "registration_lapsed")] == [first.challan.consumer_number]

    second = register(gateway, users, NEWCOMER, ["8601", "8602"]).registration
    assert second.status == "awaiting_payment"
    assert second.challan.consumer_number != first.challan.consumer_number


def test_a_late_payment_of_a_lapsed_registration_revives_it_when_nothing_replaced_it(enrollment):
    runtime = enrollment[0]
    newcomer(runtime, "27S-000778", "Sara Khan", "61101-2222222-3")

    class Desk:
        def results(self, regno):
            return {}

        def issue(self, **_):
            return registration.Challan("100710000000009999", 326250, clock.karachi_today().isoformat())

    registration.register(runtime.db, "27S-000778", ["8601"], Desk())
    registration.lapse_overdue(runtime.db, grace_days=0, today=clock.karachi_today() + dt.timedelta(days=1))
    with runtime.db.unit_of_work() as uow:
        assert registration.confirm(uow, "REG-SPRING-2027-27S-000778-1", "100710000000009999", "2026-12-07T05:00:00Z")
        uow.commit()
    with runtime.db.sessions() as s:
        row = registration.standing_registration(s, s.scalar(sa.text(
            "SELECT id FROM students WHERE registration_number = '27S-000778'")), "Spring 2027")
    assert row.status == "confirmed"


def test_a_reversed_payment_sends_a_confirmed_registration_back_to_awaiting_it(enrollment):
    runtime = enrollment[0]
    newcomer(runtime, "27S-000790", "Hina Butt", "61101-9999999-1")

    class Desk:
        def results(self, regno):
            return {}

        def issue(self, **_):
            return registration.Challan("100710000000008888", 326250, clock.karachi_today().isoformat())

    registration.register(runtime.db, "27S-000790", ["8601"], Desk())
    reference = "REG-SPRING-2027-27S-000790-1"
    with runtime.db.unit_of_work() as uow:
        assert registration.confirm(uow, reference, "100710000000008888", "2026-12-07T05:00:00Z")
        uow.commit()
    with runtime.db.unit_of_work() as uow:
        assert registration.payment_reversed(uow, reference, "100710000000008888")
        assert not registration.payment_reversed(uow, reference, "100710000000008888")  # once
        assert not registration.payment_reversed(uow, "SR-2026-000001", "100710000000008888")  # not a registration's
        uow.commit()
    with runtime.db.sessions() as s:
        row = registration.standing_registration(s, s.scalar(sa.text(
            "SELECT id FROM students WHERE registration_number = '27S-000790'")), "Spring 2027")
    assert (row.status, row.confirmed_at) == ("awaiting_payment", None)
    with runtime.db.unit_of_work() as uow:  # treasury gives her a new challan: she waits for that one
        assert registration.challan_replaced(uow, "100710000000008888", "100710000000008896", "2027-01-15")
        uow.commit()
    with runtime.db.unit_of_work() as uow:  # paid again: confirmed again
        assert registration.confirm(uow, reference, "100710000000008896", "2026-12-07T06:00:00Z")
        uow.commit()
    with runtime.db.sessions() as s:
        row = registration.standing_registration(s, s.scalar(sa.text(
            "SELECT id FROM students WHERE registration_number = '27S-000790'")), "Spring 2027")
    assert (row.status, row.consumer_number) == ("confirmed", "100710000000008896")


def test_finance_refusing_the_challan_withdraws_the_registration(gateway, users, enrollment):
    runtime = enrollment[0]
    newcomer(runtime, "27S-000779", "Ali Raza", "61101-3333333-4", program="ADBA")
    with pytest.raises(FailedPrecondition) as refused:  # BA / AD has no rate per credit hour yet
        register(gateway, users, "27S-000779", ["9382"])
    assert refused.value.field == "level"
    assert not overview(gateway, users, "27S-000779").HasField("registration")


def test_an_overdue_due_holds_registration_until_it_is_paid(gateway, users, enrollment, amqp_url, consumer):
    yesterday = (clock.karachi_today() - dt.timedelta(days=1)).isoformat()
    issued = envelope_for("finance", ChallanIssued(
        consumer_number="100710000000004242", registration_number=NEWCOMER, fee_code="semester_fee",
        reference="ARREARS-AUTUMN-2026", amount_paisa=500000, due_date=yesterday))
    testing.publish(amqp_url, issued)
    held = testing.wait_until(lambda: holds_of(gateway, users, NEWCOMER), what="the unpaid dues hold")
    assert [(h.code, h.reference) for h in held] == [("unpaid_dues", "100710000000004242")]
    assert list(held[0].blocks) == ["registration", "transcript", "degree"] and held[0].action
    assert "hold" in [r.code for r in overview(gateway, users, NEWCOMER).reasons]

    testing.publish(amqp_url, envelope_for("finance", ChallanPaid(
        consumer_number="100710000000004242", registration_number=NEWCOMER, fee_code="semester_fee",
        reference="ARREARS-AUTUMN-2026", amount_paisa=500000, paid_at="2026-12-06T05:00:00Z",
        bank_mnemonic="ABL", tran_auth_id="H00001")))
    testing.wait_until(lambda: not holds_of(gateway, users, NEWCOMER), what="the hold to clear")


def test_an_objection_holds_the_degree_and_clears_when_answered(gateway, users, amqp_url, consumer):
    def stage(name, tracking_id="EBN-AGZ-2G33", rejected=False):
        return envelope_for("tracking", DegreeStatusChanged(
            tracking_id=tracking_id, registration_number=REGISTRANT, kind="degree", section="incomplete_returned",
            stage=name, changed_at="2026-12-06T05:00:00Z", rejected=rejected))

    testing.publish(amqp_url, stage("objection"))
    held = testing.wait_until(lambda: holds_of(gateway, users, REGISTRANT), what="the objection hold")
    assert [(h.code, list(h.blocks)) for h in held] == [("degree_objection", ["degree"])]
    assert "hold" not in [r.code for r in overview(gateway, users, REGISTRANT).reasons]  # it holds the degree only
    testing.publish(amqp_url, stage("verification"))
    testing.wait_until(lambda: not holds_of(gateway, users, REGISTRANT), what="the objection hold to clear")
    # Left unanswered past its window: rejected, still at the objection stage, and the hold goes.
    testing.publish(amqp_url, stage("objection", "KMP-RST-4X7Z"))
    testing.wait_until(lambda: holds_of(gateway, users, REGISTRANT), what="the second objection's hold")
    testing.publish(amqp_url, stage("objection", "KMP-RST-4X7Z", rejected=True))
    testing.wait_until(lambda: not holds_of(gateway, users, REGISTRANT), what="the rejected objection's hold to clear")


def test_admissions_place_and_lift_missing_documents_and_others_may_not(gateway, users):
    officer = users.staff("admissions.officer", "admissions")
    placed = gateway.call("enrollment", "PlaceHold", pb.PlaceHoldRequest(
        registration_number=NEWCOMER, code="missing_documents", reference="Attested Matric certificate",
        note="Send an attested copy to the Islamabad regional centre."), caller=officer)
    assert placed.code == "missing_documents" and "registration" in placed.blocks
    assert [h.code for h in holds_of(gateway, users, NEWCOMER)] == ["missing_documents"]
    with pytest.raises(InvalidArgument):
        gateway.call("enrollment", "PlaceHold", pb.PlaceHoldRequest(
            registration_number=NEWCOMER, code="unpaid_dues", reference="x"), caller=officer)
    with pytest.raises(PermissionDenied):
        gateway.call("enrollment", "PlaceHold", pb.PlaceHoldRequest(
            registration_number=NEWCOMER, code="missing_documents", reference="x"),
            caller=users.staff("exams.officer", "examinations"))
    gateway.call("enrollment", "LiftHold", pb.LiftHoldRequest(
        registration_number=NEWCOMER, code="missing_documents", reference="Attested Matric certificate"),
        caller=officer)
    assert list(holds_of(gateway, users, NEWCOMER)) == []
    with pytest.raises(NotFound):
        gateway.call("enrollment", "LiftHold", pb.LiftHoldRequest(
            registration_number=NEWCOMER, code="missing_documents", reference="Attested Matric certificate"),
            caller=officer)


def test_a_student_reaches_only_her_own_registration(gateway, users):
    with pytest.raises(PermissionDenied):
        gateway.call("enrollment", "GetRegistration", pb.GetRegistrationRequest(registration_number=REGISTRANT),
                     caller=users.student(AYESHA))


def test_the_sweep_finishes_an_interrupted_registration(enrollment, finance, users):
    runtime = enrollment[0]
    newcomer(runtime, "27S-000780", "Maria Aslam", "61101-4444444-5")

    class Crashing:
        def results(self, regno):
            return {}

        def issue(self, **_):
            raise registration.Unavailable("finance is away")

    with pytest.raises(registration.Unavailable):
        registration.register(runtime.db, "27S-000780", ["8601", "8602"], Crashing())
    desk = peers.Registrar(runtime.clients, peers.AS_ENROLLMENT, 3.0)
    assert registration.resume_stalled(runtime.db, desk, older_than=dt.timedelta(seconds=0)) == 1
    with runtime.db.sessions() as s:
        row = registration.standing_registration(s, s.scalar(sa.text(
            "SELECT id FROM students WHERE registration_number = '27S-000780'")), "Spring 2027")
    assert row.status == "awaiting_payment" and row.consumer_number
    challan = runtime.clients.call("finance", "GetChallan", finance_pb2.GetChallanRequest(
        consumer_number=row.consumer_number), caller=users.staff("treasury.officer", "treasury"))
    assert challan.amount_paisa == 6 * 108750


def test_a_matric_student_pays_per_course_and_the_technology_charge(gateway, users, enrollment):
    newcomer(enrollment[0], "27S-000781", "Nadia Gul", "61101-5555555-6", program="MATRIC")
    seen = overview(gateway, users, "27S-000781")
    assert [c.code for c in seen.courses] == ["201", "202", "204", "207", "247"] and seen.credit_limit == 24
    made = register(gateway, users, "27S-000781", ["201", "202", "204", "207", "247"])
    # three 6-credit-hour courses at Rs 780, two 3-credit-hour ones at Rs 390, Rs 250 for technology
    assert made.registration.challan.amount_paisa == 3 * 78000 + 2 * 39000 + 25000
