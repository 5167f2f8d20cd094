"""Forgotten passwords: a single-use link by mail, then a new password.

The request answers the same whether or not the account exists, so it cannot be used
to find out who studies here. The token travels in the link's fragment (#token=...),
which browsers never send to a server, so it stays out of every access log on its way."""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from campus import clock, identifiers
from campus.errors import InvalidArgument
from services.identity import domain, store
from services.identity.domain import Client
from services.identity.models import accounts, reset_tokens
from services.identity.service import USERS, Identity, secret, set_password

RESET_SUBJECT = "Reset your CMS password"


def request_password_reset(idn: Identity, username: str, client: Client) -> None:
    username = identifiers.username(username)
    # Made on every path, so a known and an unknown username cost the same.
    token = domain.new_token()
    digest = domain.token_digest(token)
    with idn.db.unit_of_work() as uow:
        account = store.find_account(uow.session, username, USERS, for_update=True)
        outcome = _queue_reset(idn, uow.session, account, token, digest)
        store.audit(uow.session, "password_reset_requested", username, client, outcome)
        uow.commit()


def _queue_reset(idn: Identity, session, account: sa.Row | None, token: str, digest: str) -> str:
    """Store the token and queue its mail when that is allowed; returns what happened, for the audit."""
    if account is None:
        return "no such account"
    if not account.email:
        return "no email on file"
    if account.status == domain.LOCKED:
        return "account locked"
    now = clock.utcnow()
    sent = session.scalar(sa.select(sa.func.count()).select_from(reset_tokens).where(
        reset_tokens.c.account_id == account.id, reset_tokens.c.created_at > now - dt.timedelta(hours=1)))
    if not domain.may_send_reset_mail(sent, idn.config.reset_mails_per_hour):
        return f"throttled: {sent} reset mails in the last hour"
    minutes = idn.config.reset_token_minutes
    session.execute(sa.insert(reset_tokens).values(
        account_id=account.id, token_hash=digest, created_at=now, expires_at=now + dt.timedelta(minutes=minutes)))
    store.queue_mail(session, account.email, RESET_SUBJECT,
                     reset_mail(account.full_name, reset_link(idn, token), token, minutes))
    return "reset mail queued"


def reset_link(idn: Identity, token: str) -> str:
    """The portal's reset page with the token in the fragment: a query string would be
    written to the access logs of every web server and proxy the click passes through."""
    return f"{idn.config.portal_base_url}/reset-password#token={token}"


def reset_mail(full_name: str, link: str, token: str, minutes: int) -> str:
    """The link fills the reset page's code by itself (a small script); a browser without
    JavaScript, or a link that breaks across lines, needs the code pasted: it has a line of its own."""
    return (f"Dear {full_name},\n\nSomeone asked to reset the password of your CMS account. "
            f"To choose a new password, open this link within {minutes} minutes:\n\n{link}\n\n"
            f"If the page asks for a reset code, copy this one:\n\n    {token}\n\n"
            "The link and the code work once. If you did not ask for them, ignore this mail: your "
            "password has not changed.\n")


def reset_password(idn: Identity, token: str, new_password: str, client: Client) -> None:
    digest = domain.token_digest(secret(token, "token"))
    invalid = InvalidArgument("this reset link is invalid, used or expired; ask for a new one", field="token")
    with idn.db.unit_of_work() as uow:
        row = uow.session.execute(sa.select(reset_tokens).where(
            reset_tokens.c.token_hash == digest).with_for_update()).first()
        if row is None or row.used_at is not None or clock.as_utc(row.expires_at) <= clock.utcnow():
            raise invalid
        account = uow.session.execute(sa.select(accounts).where(accounts.c.id == row.account_id)).one()
        if account.status == domain.LOCKED:
            raise invalid
        domain.check_password_policy(new_password, account.username, full_name=account.full_name)
        # Every outstanding link of the account dies with this one.
        uow.session.execute(sa.update(reset_tokens).where(
            reset_tokens.c.account_id == account.id, reset_tokens.c.used_at.is_(None)).values(
            used_at=clock.utcnow()))
        if not set_password(idn, uow, account, new_password, "reset"):
            raise invalid  # locked meanwhile
        store.audit(uow.session, "password_reset_completed", account.username, client)
        uow.commit()
