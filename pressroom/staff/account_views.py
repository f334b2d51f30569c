"""Staff pages about accounts: one's own password, and the audit log editors read."""

from flask import flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user
from werkzeug.exceptions import TooManyRequests

from .. import audit
from ..extensions import db
from . import bp
from .accounts import AccountError, password_matches, set_password
from .forms import PASSWORD_RULES, PasswordForm
from .throttle import throttle
from .views import page_of

AUDIT_PAGE_SIZE = 50


@bp.route("/account/password", methods=["GET", "POST"])
def password_edit():
    """Change one's own password: the current one is required; every other session of the
    account ends, this one stays signed in.

    Attempts count against the sign-in limit, per account, so a borrowed session cannot be
    used to guess the current password quickly. A new password the same as the current one
    changes nothing and ends no session.
    """
    form = PasswordForm()
    if request.method == "POST":
        wait = throttle().hit(f"password-{current_user.id}")
        if wait:
            raise TooManyRequests(retry_after=wait)
    if request.method == "POST" and form.validate():
        user = current_user._get_current_object()
        if not password_matches(user, form.current_password.data):
            form.current_password.errors = [_("This is not your current password.")]
        elif form.new_password.data == form.current_password.data:
            flash(_("Your password is unchanged."), "success")
            return redirect(url_for("staff.dashboard"), 303)
        else:
            try:
                set_password(user, form.new_password.data)
            except AccountError as error:
                form.new_password.errors = [PASSWORD_RULES.get(error.code, str(error))]
            else:
                audit.record("password", user, kind="account", ref=user.email)
                db.session.commit()
                # The new session token ended every session; this one carries it and goes on
                # (its sign-in time, and so its longest life, stays as it was).
                login_user(user)
                session.modified = True
                flash(_("Your password is changed. You are signed out everywhere else."),
                      "success")
                return redirect(url_for("staff.dashboard"), 303)
    status = 422 if request.method == "POST" else 200
    return render_template(
        "staff/password_form.html", form=form, title=_("Change your password")
    ), status


@bp.get("/audit")
def audit_log():
    """The audit log, newest first, a page at a time."""
    number, pages = page_of(audit.count(), AUDIT_PAGE_SIZE)
    entries = audit.latest(AUDIT_PAGE_SIZE, (number - 1) * AUDIT_PAGE_SIZE)
    return render_template(
        "staff/audit_log.html",
        entries=entries,
        page=number,
        pages=pages,
        actions=audit.ACTIONS,
        kinds=audit.OBJECT_KINDS,
        title=_("Audit log"),
    )
