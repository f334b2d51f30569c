"""Withdrawing a published statement, restoring it, and deleting a statement for good.

A withdrawn statement keeps its page (200, under a notice saying when and why, in each
language) but leaves the listings, feeds, search and widgets; restoring puts it back. Deleting
is separate and rare: a confirmation page first (a plain form, no JavaScript needed), then the
statement goes and its id is kept in `removed_statement`, so its addresses answer 410 Gone.
"""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm.exc import StaleDataError

from .. import audit, revisions, timekeeping
from ..config import LANGUAGES
from ..content import content_changed
from ..extensions import db
from ..models import RemovedStatement, Statement
from . import bp
from . import images as photos
from .forms import WithdrawForm


def _statement(statement_id: int) -> Statement:
    """Return the statement with this id, or answer 404."""
    return db.session.get(Statement, statement_id) or abort(404)


def _back(statement: Statement, message: str):
    """Say `message` and go back to the statement's edit page."""
    flash(message, "success")
    return redirect(url_for("staff.statement_edit", statement_id=statement.id), 303)


def _languages(statement: Statement) -> list[str]:
    """Return the site's languages the statement has text in: those it needs a reason in."""
    return [lang for lang in statement.languages if lang in LANGUAGES]


def _reason_field(form: WithdrawForm, lang: str):
    """Return the form's reason field for `lang`."""
    return form[f"reason_{lang}"]


def _withdraw_form(statement: Statement, **kwargs) -> WithdrawForm:
    """Return the withdrawal form with a reason field for each of the statement's languages
    only (a reason sent for another language is neither checked nor stored)."""
    form = WithdrawForm(**kwargs)
    for lang in LANGUAGES:
        if lang not in _languages(statement):
            del form[f"reason_{lang}"]
    return form


def _render_withdraw(form: WithdrawForm, statement: Statement, status: int = 200):
    """Render the withdrawal form for `statement`."""
    return render_template(
        "staff/withdraw_form.html",
        form=form,
        statement=statement,
        fields=[_reason_field(form, lang) for lang in _languages(statement)],
        title=_("Withdraw statement"),
    ), status


def _reasons_given(form: WithdrawForm, statement: Statement) -> bool:
    """Require a reason in every language the statement has; tell whether each is there."""
    given = True
    for lang in _languages(statement):
        field = _reason_field(form, lang)
        if not field.data:
            field.errors = [*field.errors, _("Explain the withdrawal in this language too.")]
            given = False
    return given


@bp.route("/statements/<id:statement_id>/withdraw", methods=["GET", "POST"])
def statement_withdraw(statement_id: int):
    """Withdraw a published statement with a reason in each of its languages (or change the
    reason of one already withdrawn)."""
    statement = _statement(statement_id)
    if statement.status != "published":
        flash(_("Only a published statement can be withdrawn."), "error")
        return redirect(url_for("staff.statement_edit", statement_id=statement.id), 303)
    if request.method == "GET":
        form = _withdraw_form(statement, formdata=None)
        form.version.data = str(statement.version)
        for lang in _languages(statement):
            _reason_field(form, lang).data = statement.text(lang).withdrawn_reason
        return _render_withdraw(form, statement)
    form = _withdraw_form(statement)
    valid = form.validate()
    if not (_reasons_given(form, statement) and valid):
        return _render_withdraw(form, statement, 422)
    if form.version.data != str(statement.version):
        form.form_errors.append(
            _("Someone saved this statement while you were writing. Check it, then send again.")
        )
        form.version.data = str(statement.version)
        return _render_withdraw(form, statement, 409)
    now = timekeeping.utcnow()
    newly = statement.withdrawn_at is None
    revisions.ensure_baseline(statement)
    if newly:
        statement.withdrawn_at = now
    statement.updated_at = now  # the sitemap's last change: search engines come for the notice
    for lang in _languages(statement):
        statement.text(lang).withdrawn_reason = _reason_field(form, lang).data
    audit.record("withdraw" if newly else "save", current_user, kind="statement", ref=statement.id)
    try:
        db.session.flush()
        revisions.record(statement, current_user, "withdraw")
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        return _render_withdraw(form, _statement(statement_id), 409)
    content_changed()
    return _back(statement, _("The statement is withdrawn. Its page says so, with your reason."))


@bp.post("/statements/<id:statement_id>/restore")
def statement_restore(statement_id: int):
    """Put a withdrawn statement back in the listings; its reasons are kept for the record."""
    statement = _statement(statement_id)
    if statement.withdrawn_at is None:
        return _back(statement, _("The statement is not withdrawn."))
    revisions.ensure_baseline(statement)
    statement.withdrawn_at = None
    statement.updated_at = timekeeping.utcnow()
    audit.record("restore", current_user, kind="statement", ref=statement.id)
    db.session.flush()
    revisions.record(statement, current_user, "unwithdraw")
    db.session.commit()
    content_changed()
    return _back(statement, _("The statement is restored: it is listed again."))


def new_statement_id() -> int | None:
    """Return the id a new statement must take, or None to let the database choose.

    PostgreSQL's sequences never give an id twice. SQLite gives the highest id plus one, so a
    new statement would take the id of the latest deleted one, and its old addresses would show
    the new statement instead of 410: there, a new id is above every live and deleted one (a
    statement made at the same moment takes it first and the save is tried again).
    """
    if db.session.get_bind().dialect.name != "sqlite":
        return None
    highest = db.session.execute(
        select(func.max(Statement.id)).union_all(select(func.max(RemovedStatement.id)))
    ).scalars()
    return max((found for found in highest if found is not None), default=0) + 1


@bp.route("/statements/<id:statement_id>/delete", methods=["GET", "POST"])
def statement_delete(statement_id: int):
    """Ask, then delete a statement for good: its addresses answer 410 Gone from then on."""
    statement = _statement(statement_id)
    if request.method == "GET":
        # The CSRF check of the POST that follows is the app's, made before any view runs.
        return render_template(
            "staff/statement_delete.html", statement=statement, title=_("Delete statement")
        )
    photo_files = photos.names_of(statement.image)
    db.session.delete(statement)
    db.session.merge(RemovedStatement(id=statement_id, deleted_at=timekeeping.utcnow()))
    audit.record("delete", current_user, kind="statement", ref=statement_id)
    db.session.commit()
    content_changed()
    photos.discard(photo_files)  # the photo's files go with it, unless another uses them
    flash(_("The statement is deleted. Its addresses now say it has been removed."), "success")
    return redirect(url_for("staff.dashboard"), 303)
