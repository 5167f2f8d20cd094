"""Every ledger entry, bank payment and challan state change is in the audit hash chain;
staff reads of a challan are logged under its owner."""
import sqlalchemy as sa

from campus import access_log, audit, clock, testing
from cms.finance.v1 import finance_pb2 as pb
from services.finance.models import ledger_entries


def test_issuing_and_paying_a_challan_is_audited(service_addr, runtime, users):
    clients = testing.clients_as("requests", {"finance": service_addr})
    challan = clients.call("finance", "IssueChallan", pb.IssueChallanRequest(
        registration_number="22P-123456", fee_code="degree_urgent", level="bed", reference="SR-2026-777001",
        description="Degree fee", payer_name="Ayesha Siddiqui"))
    paid = clients.call("finance", "BillPayment", pb.BillPaymentRequest(
        consumer_number=challan.consumer_number, bank_mnemonic="ABL", tran_auth_id="A77701",
        transaction_amount_paisa=challan.amount_paisa, tran_date=clock.karachi_today().strftime("%Y%m%d"),
        tran_time="101500"), caller=users.bank("ABL"))
    assert paid.response_code == "00"
    with runtime.db.sessions() as session:
        trail = audit.history(session, "challan", challan.consumer_number)
        entries = session.execute(sa.select(ledger_entries.c.id).where(
            ledger_entries.c.consumer_number == challan.consumer_number).order_by(ledger_entries.c.id)).scalars().all()
        posted = [audit.history(session, "ledger_entry", e) for e in entries]
    assert [r.action for r in trail] == ["issued", "paid"]
    assert trail[0].actor == "service:requests" and trail[0].request_id
    assert trail[1].actor == "bank:ABL via requests" and '"status":"paid"' in trail[1].payload
    assert [len(p) for p in posted] == [1, 1]
    assert f'"amount_paisa":-{challan.amount_paisa}' in posted[1][0].payload
    assert audit.verify(runtime.db.engine).intact


def test_a_treasury_read_of_a_challan_is_logged_under_its_owner(service_addr, as_gateway, runtime, users):
    requests = testing.clients_as("requests", {"finance": service_addr})
    challan = requests.call("finance", "IssueChallan", pb.IssueChallanRequest(
        registration_number="23A-654321", fee_code="degree_urgent", level="bed", reference="SR-2026-777002"))
    as_gateway.call("finance", "GetChallan", pb.GetChallanRequest(consumer_number=challan.consumer_number),
                    caller=users.staff("treasury.officer", "treasury"))
    as_gateway.call("finance", "GetChallan", pb.GetChallanRequest(consumer_number=challan.consumer_number),
                    caller=users.student("23A-654321"))
    reads = access_log.entries_of(runtime.db, "23A-654321")
    assert [(r.staff, r.department) for r in reads] == [("treasury.officer", "treasury")]
    assert (reads[0].method, reads[0].action, reads[0].record) == ("GetChallan", "read", "ledger")
