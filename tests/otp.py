"""One-time codes for the demo staff who must use MFA (services.demo.MFA_SECRET), for every
suite and tool that signs in as them.

Identity accepts each TOTP time step once per account, and one step of drift either way:
so at most three sign-ins of one account per 30 seconds. `code_for` hands out the next
unused step of the account (remembered in this process) and waits when it has to."""
from __future__ import annotations

import threading
import time

from services import demo
from services.identity import mfa

STEP = mfa.STEP_SECONDS
MFA_USERS = frozenset(s["username"] for s in demo.STAFF
                      if mfa.required_for_department("staff", s["department"]))
_last_step: dict[str, int] = {}
_lock = threading.Lock()


def needs_code(username: str) -> bool:
    return username.lower() in MFA_USERS


def code_for(username: str) -> str:
    """A code identity has not seen for this account from this process; '' when none is needed."""
    if not needs_code(username):
        return ""
    with _lock:
        now = time.time()
        # Never the step before the current one: it may age out while the request travels.
        step = max(_last_step.get(username.lower(), 0) + 1, int(now) // STEP)
        # A step is accepted while it is within DRIFT_STEPS of the current one: wait for it.
        wait = (step - mfa.DRIFT_STEPS) * STEP - now
        if wait > 0:
            time.sleep(wait + 0.05)
        _last_step[username.lower()] = step
        return mfa.totp(demo.MFA_SECRET).at(step * STEP)
