"""The ledger always balances (hypothesis, against real PostgreSQL): random sequences of
issuing a challan, a bank's payment, its replay, its reversal, a replay of the reversed
payment, a counter payment and a cancellation, for one student. After every step:
- her balance is the sum of her entries, and what a simple model says she owes (the
  amounts of her challans that are unpaid);
- no challan is paid twice: at most one standing payment each, one exactly when it is paid;
- each challan's `challan_paid` events outnumber its `challan_payment_reversed` ones by one
  exactly when it is paid (each event once)."""
import itertools
import json

import sqlalchemy as sa
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from campus import clock
from services.finance import domain, service, treasury
from services.finance.models import bank_payments, challans, ledger_entries

_students = itertools.count(1)
_keys = itertools.count(1)


def ledger_machine(runtime):
    db, config = runtime.db, runtime.config

    class Ledger(RuleBasedStateMachine):
        @initialize()
        def a_new_student(self):
            self.regno = f"26P-{800000 + next(_students):06d}"
            self.unpaid, self.paid, self.cancelled = {}, {}, set()  # number -> amount; number -> (bank, key)
            self.reversed = {}  # number -> [(bank, key)] reversed

        @rule(fee=st.sampled_from(["course_change", "degree_urgent", "exam_centre_change"]))
        def issue(self, fee):
            row = service.issue_challan(db, config, registration_number=self.regno, fee_code=fee, level="bed",
                                        reference=f"PT-{self.regno}-{next(_keys)}", description=fee)
            self.unpaid[row.consumer_number] = row.amount_paisa

        def _pay(self, number, bank, key, amount):
            return service.bill_payment(db, config, domain.PaymentAttempt(
                bank, key, number, amount, clock.karachi_today()), "101500")[0]

        @precondition(lambda self: self.unpaid)
        @rule(data=st.data(), bank=st.sampled_from(["ABL", "HBL"]))
        def a_bank_pays(self, data, bank):
            number = data.draw(st.sampled_from(sorted(self.unpaid)))
            key = f"P{next(_keys) % 100000:05d}"
            assert self._pay(number, bank, key, self.unpaid[number]) == domain.OK
            self.paid[number] = (bank, key, self.unpaid.pop(number))

        @precondition(lambda self: self.paid)
        @rule(data=st.data())
        def the_bank_replays_its_payment(self, data):
            number = data.draw(st.sampled_from(sorted(self.paid)))
            bank, key, amount = self.paid[number]
            if bank == treasury.TREASURY:
                return
            assert self._pay(number, bank, key, amount) == domain.OK  # the first answer again

        @precondition(lambda self: any(b != treasury.TREASURY for b, _k, _a in self.paid.values()))
        @rule(data=st.data(), replay=st.booleans())
        def the_bank_reverses_it(self, data, replay):
            number = data.draw(st.sampled_from(sorted(n for n, (b, _k, _a) in self.paid.items()
                                                      if b != treasury.TREASURY)))
            bank, key, amount = self.paid.pop(number)
            for _ in range(2 if replay else 1):
                code, _why = service.bill_reversal(db, config, bank_mnemonic=bank, tran_auth_id=key,
                                                   consumer_number=number, tran_date="20261206", tran_time="120000")
                assert code == domain.OK
            self.unpaid[number] = amount
            self.reversed.setdefault(number, []).append((bank, key))

        @precondition(lambda self: self.reversed)
        @rule(data=st.data())
        def a_reversed_payment_is_replayed(self, data):
            number = data.draw(st.sampled_from(sorted(self.reversed)))
            bank, key = self.reversed[number][-1]
            row = service.get_challan(db, number)
            assert self._pay(number, bank, key, row.amount_paisa) == domain.DUPLICATE  # pays nothing

        @precondition(lambda self: self.unpaid)
        @rule(data=st.data())
        def treasury_takes_it_at_the_counter(self, data):
            number = data.draw(st.sampled_from(sorted(self.unpaid)))
            amount = self.unpaid.pop(number)
            for _ in range(2):  # the retry answers the same
                treasury.record_manual_payment(db, number, amount_paisa=amount,
                                               paid_on=clock.karachi_today().isoformat(), reason="counter, R-1")
            self.paid[number] = (treasury.TREASURY, "", amount)

        @precondition(lambda self: self.unpaid)
        @rule(data=st.data())
        def treasury_cancels_it(self, data):
            number = data.draw(st.sampled_from(sorted(self.unpaid)))
            treasury.cancel_challan(db, number, "issued by mistake")
            self.unpaid.pop(number)
            self.cancelled.add(number)

        @invariant()
        def the_ledger_balances(self):
            lines = service.ledger_of(db, self.regno)
            with db.sessions() as s:
                total = s.execute(sa.select(sa.func.coalesce(sa.func.sum(ledger_entries.c.amount_paisa), 0)).where(
                    ledger_entries.c.registration_number == self.regno)).scalar()
            balance = lines[-1].balance_paisa if lines else 0
            assert balance == total == sum(self.unpaid.values())

        @invariant()
        def no_challan_is_paid_twice(self):
            with db.sessions() as s:
                rows = s.execute(sa.select(challans).where(challans.c.registration_number == self.regno)).all()
                standing = dict(s.execute(sa.select(bank_payments.c.consumer_number, sa.func.count()).where(
                    bank_payments.c.consumer_number.in_([r.consumer_number for r in rows]),
                    bank_payments.c.reversed_at.is_(None)).group_by(bank_payments.c.consumer_number)).all())
                events = [(kind, json.loads(e)) for kind, e in s.execute(sa.select(
                    db.outbox.c.event_type, db.outbox.c.envelope).where(
                    db.outbox.c.event_type.in_(["challan_paid", "challan_payment_reversed"])))]
            for row in rows:
                paid = row.status == domain.PAID
                assert paid == (row.consumer_number in self.paid)
                assert standing.get(row.consumer_number, 0) == (1 if paid else 0)  # a counter payment too
                mine = [kind for kind, e in events if e["data"]["consumer_number"] == row.consumer_number]
                assert mine.count("challan_paid") - mine.count("challan_payment_reversed") == (1 if paid else 0)

    return Ledger


def test_the_ledger_always_balances_and_no_challan_is_paid_twice(runtime):
    machine = ledger_machine(runtime)
    machine.TestCase.settings = settings(max_examples=25, stateful_step_count=12, deadline=None, database=None,
                                         suppress_health_check=list(HealthCheck))
    machine.TestCase().runTest()
