"""Who may do what in the staff area: one table of permissions per role, one per endpoint.

Every staff request passes `refusal` (registered before any view runs): an endpoint missing
from `ENDPOINTS` is refused to everyone, so a new route is closed until someone decides who may
use it. The same permission holds for every method of an endpoint (GET shows the form that POST
saves). What depends on the object itself — a writer may open a draft but not a published
statement, and may never choose "published" — is answered by the functions below, from the same
tables, and checked by the views on GET and POST alike.
"""

from flask import abort
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from ..extensions import db
from ..models import ROLES, Statement

#: Open the staff area: the dashboard, one's own password, signing out.
VIEW = "view"
#: Write new statements and edit drafts and statements waiting for review.
DRAFT = "draft"
#: Make a statement public, edit a published one, choose the featured statement.
PUBLISH = "publish"
#: See and act on what waits for review.
REVIEW = "review"
#: Withdraw a published statement and restore a withdrawn one.
WITHDRAW = "withdraw"
#: Delete a statement for good (its addresses then answer 410 Gone).
DELETE = "delete"
#: Day counters, clocks and site settings.
MANAGE = "manage"
#: Read the audit log.
AUDIT = "audit"
#: Anyone, signed in or not (the sign-in page).
PUBLIC = "public"

#: What each role may do.
GRANTS = {
    "writer": frozenset({VIEW, DRAFT}),
    "editor": frozenset({VIEW, DRAFT, PUBLISH, REVIEW, WITHDRAW, DELETE, MANAGE, AUDIT}),
}
assert set(GRANTS) == set(ROLES)
#: Role names as staff pages show them.
ROLE_LABELS = {"writer": _l("Writer"), "editor": _l("Editor")}

#: The permission each staff endpoint needs, for every method.
ENDPOINTS = {
    "staff.sign_in": PUBLIC,
    "staff.sign_out": VIEW,
    "staff.dashboard": VIEW,
    "staff.password_edit": VIEW,
    "staff.statement_new": DRAFT,
    "staff.statement_edit": DRAFT,
    "staff.statement_preview": DRAFT,
    # Only for a statement the account may edit (`may_edit`, checked by the views).
    "staff.statement_history": DRAFT,
    "staff.statement_revision_restore": DRAFT,
    # Previews and preview links: only of a statement the account may edit (`may_edit`).
    "staff.statement_page_preview": DRAFT,
    "staff.preview_link_new": DRAFT,
    "staff.preview_link_revoke": DRAFT,
    "staff.statement_withdraw": WITHDRAW,
    "staff.statement_restore": WITHDRAW,
    "staff.statement_delete": DELETE,
    "staff.counter_edit": MANAGE,
    "staff.counter_delete": MANAGE,
    "staff.clock_edit": MANAGE,
    "staff.clock_delete": MANAGE,
    "staff.settings_edit": MANAGE,
    "staff.audit_log": AUDIT,
}

#: The permission needed to give a statement each status, and to edit one that has it.
STATUS_NEEDS = {"draft": DRAFT, "review": DRAFT, "published": PUBLISH}


def can(user, permission: str) -> bool:
    """Tell whether `user` (an account, or an anonymous visitor) has `permission`."""
    if permission == PUBLIC:
        return True
    role = getattr(user, "role", None) if getattr(user, "is_authenticated", False) else None
    return permission in GRANTS.get(role, ())


def refusal(endpoint: str | None, user) -> bool:
    """Tell whether a signed-in `user` must be refused `endpoint` (unknown endpoints are)."""
    needed = ENDPOINTS.get(endpoint or "")
    return needed is None or not can(user, needed)


def statuses_for(user) -> list[str]:
    """Return the statuses `user` may give a statement, in the order forms offer them."""
    return [status for status, needed in STATUS_NEEDS.items() if can(user, needed)]


def may_edit(user, statement) -> bool:
    """Tell whether `user` may open and save `statement` as it is stored."""
    return can(user, STATUS_NEEDS.get(statement.status, PUBLISH))


def editable(statement_id: int) -> Statement:
    """Return the statement if the signed-in account may edit it: 404 when there is none, 403
    when the account may not."""
    statement = db.session.get(Statement, statement_id) or abort(404)
    require(may_edit(current_user, statement))
    return statement


def require(allowed: bool) -> None:
    """Stop the request with 403 unless `allowed`."""
    if not allowed:
        abort(403)
