"""The audit log: who signed in, saved, published, changed a role or a password, and when.

`record` adds a line to the database session; the caller's commit stores it with the change
it describes, so a change that fails leaves no line behind (a failed sign-in, which changes
nothing else, commits its own line). Times are UTC; the client address is the request's after
the proxy fix (`PRESSROOM_PROXY_FIX`), and None on the command line.
"""

from flask import has_request_context, request
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from . import timekeeping
from .extensions import db
from .models import AuditEntry

#: Every action the log knows, with how staff pages name it. Withdraw and restore are kept for
#: the withdrawal of published statements, which records them under these names.
ACTIONS = {
    "sign-in": _l("Sign-in"),
    "sign-in-failed": _l("Failed sign-in"),
    "sign-out": _l("Sign-out"),
    "save": _l("Save"),
    "submit": _l("Submission for review"),
    "publish": _l("Publication"),
    "withdraw": _l("Withdrawal"),
    "restore": _l("Restoration"),
    "restore-revision": _l("Restoration of a revision"),
    "delete": _l("Deletion"),
    "role": _l("Role change"),
    "password": _l("Password change"),
    "deactivate": _l("Deactivation"),
    "revoke": _l("Revocation"),
}
#: How staff pages name the kinds of object a line is about.
OBJECT_KINDS = {
    "statement": _l("Statement"),
    "account": _l("Account"),
    "counter": _l("Day counter"),
    "clock": _l("Clock"),
    "settings": _l("Site settings"),
    "preview-link": _l("Preview link"),
}
MAX_EMAIL = 254


def record(action: str, user=None, *, email: str | None = None, kind: str | None = None,
           ref: object = None) -> AuditEntry:
    """Add a line for `action` by `user` (an account, or None) on object `kind` `ref`."""
    if action not in ACTIONS or (kind is not None and kind not in OBJECT_KINDS):
        raise ValueError(f"unknown audit action or object: {action!r}, {kind!r}")
    entry = AuditEntry(
        at=timekeeping.utcnow(),
        account_id=getattr(user, "id", None),
        # Normalising can lengthen a typed email (NFKC expands some characters).
        email=(email if email is not None else getattr(user, "email", None) or "")[:MAX_EMAIL]
        or None,
        action=action,
        object_kind=kind,
        object_ref=None if ref is None else str(ref)[:MAX_EMAIL],
        address=(request.remote_addr or "")[:45] or None if has_request_context() else None,
    )
    db.session.add(entry)
    return entry


def count() -> int:
    """Return how many lines the log has."""
    return db.session.scalar(select(func.count()).select_from(AuditEntry))


def latest(limit: int, offset: int = 0) -> list[AuditEntry]:
    """Return up to `limit` lines, newest first, skipping the `offset` newest."""
    return list(db.session.scalars(
        select(AuditEntry)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .offset(offset)
        .limit(limit)
    ))
