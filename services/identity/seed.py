"""Demo data: the demo student, one staff member per department (two regional officers,
of two centres) and bank ABL, all active with the demo password; the staff who must use
MFA are enrolled with the demo TOTP secret (demo.MFA_SECRET). Existing accounts are left
as they are, but for a regional centre they did not have yet."""
import sqlalchemy as sa

from campus import clock
from services import demo
from services.identity import domain, mfa, store
from services.identity.models import accounts, mfa_credentials
from services.identity.service import Identity


def demo_accounts() -> list[dict]:
    return [
        *({"username": student["registration_number"], "kind": domain.STUDENT, "full_name": student["full_name"],
           "email": student["email"], "mobile": student["mobile"]}
          for student in (demo.STUDENT, demo.CLASSMATE, *demo.REGISTRANTS)),
        *({"username": s["username"], "kind": domain.STAFF, "full_name": s["full_name"],
           "department": s["department"], "centre": s.get("centre", "")} for s in demo.STAFF),
        *({"username": b["mnemonic"], "kind": domain.BANK, "full_name": b["name"]} for b in demo.BANKS),
    ]


def seed(runtime) -> None:
    idn = Identity.from_runtime(runtime)
    with idn.db.unit_of_work() as uow:
        for account in demo_accounts():
            found = store.find_account(uow.session, account["username"])
            if found is None:
                now = clock.utcnow()
                uow.session.execute(sa.insert(accounts).values(
                    **account, status=domain.ACTIVE, password_hash=idn.passwords.hash(demo.PASSWORD),
                    created_at=now, password_changed_at=now))
                row = store.find_account(uow.session, account["username"])
                if mfa.required_for(row):
                    uow.session.execute(sa.insert(mfa_credentials).values(
                        account_id=row.id, secret_encrypted=mfa.encrypt(idn, row.username, demo.MFA_SECRET),
                        created_at=now, confirmed_at=now))
                    mfa.replace_recovery_codes(uow.session, row.id)  # nobody sees them: demo only
            elif account.get("centre") and not found.centre:  # seeded before staff had a centre
                uow.session.execute(sa.update(accounts).where(accounts.c.id == found.id)
                                    .values(centre=account["centre"]))
        uow.commit()
