"""A statement's history in the staff area: its revisions, any two compared, any one restored.

Whoever may edit a statement may read its history and restore a revision (the same rule as the
edit form, checked on GET and POST). Restoring brings back what was written — the kind and the
texts in each language — as a new revision, so nothing is lost; the status, publication time,
featuring and withdrawal stay as they are, since those are changed through their own forms.
Restoring a public statement asks, like the edit form, whether readers are told of it.
"""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from .. import audit, revisions, timekeeping
from ..config import LANGUAGES
from ..content import content_changed
from ..extensions import db
from ..models import IMAGE_TEXT_FIELDS, Statement
from ..text import make_slug, markdown_to_html, sanitize_html
from . import bp, permissions
from .editing import MAX_SLUG, change_notes, text_to_write, unique_slug
from .forms import RestoreForm

#: What each kind of revision is called in the list.
ACTION_LABELS = {
    # I18N: a revision of a statement in its history: how it was before revisions were kept.
    "baseline": _l("As it was before the history began"),
    "create": _l("Created"),
    "edit": _l("Edited"),
    "restore": _l("Restored"),
    "withdraw": _l("Withdrawn"),
    "unwithdraw": _l("Back in the listings"),
}


def _number(name: str) -> int | None:
    """Return the revision number in query parameter `name`, or None for none or nonsense."""
    raw = request.args.get(name, "")
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 10 else None


@bp.get("/statements/<id:statement_id>/history")
def statement_history(statement_id: int):
    """A statement's revisions, newest first; `?a=N&b=M` compares two of them side by side."""
    statement = permissions.editable(statement_id)
    found = revisions.history(statement)
    by_number = {r.number: r for r in found}
    older, newer = _number("a"), _number("b")
    comparison, problem = None, None
    if older is not None or newer is not None:
        first, second = by_number.get(older), by_number.get(newer)
        if first is None or second is None:
            problem = _("Choose two revisions from the list to compare.")
        else:
            if first.number > second.number:
                first, second = second, first
            comparison = {
                "old": first, "new": second,
                "diff": revisions.compare(first.snapshot, second.snapshot),
            }
    elif len(found) >= 2:
        older, newer = found[1].number, found[0].number
    return render_template(
        "staff/statement_history.html",
        statement=statement,
        revisions=found,
        comparison=comparison,
        problem=problem,
        older=older,
        newer=newer,
        action_labels=ACTION_LABELS,
        title=_("History of the statement"),
    )


def _restore_page(statement, found, form, status=200):
    """Render the page that shows what restoring `found` changes, and asks to confirm."""
    current = revisions.snapshot(statement)
    return render_template(
        "staff/revision_restore.html",
        statement=statement,
        revision=found,
        form=form,
        diff=revisions.compare(current, found.snapshot),
        asks_change=statement.is_public(timekeeping.utcnow()),
        title=_("Restore revision %(number)s", number=found.number),
    ), status


def _bring_back(statement: Statement, snapshot: dict) -> None:
    """Write a snapshot's kind and texts onto `statement` (its other fields stay), and the
    photo's description when the statement still has the photo the snapshot describes."""
    statement.kind = snapshot.get("kind", statement.kind)
    texts = snapshot.get("texts", {})
    same_photo = _same_photo(statement, snapshot)
    for lang in LANGUAGES:
        saved = texts.get(lang)
        text = text_to_write(statement, lang, bool(saved))
        if text is None:
            continue
        text.title = saved.get("title", "")
        text.lead = saved.get("lead", "")
        text.body_source = saved.get("body_source", "")
        # Rendered again: a snapshot may have come from an imported file.
        text.body = (
            markdown_to_html(text.body_source) if text.body_source
            else sanitize_html(saved.get("body", ""))
        )
        wanted = make_slug(saved.get("slug") or text.title, max_length=MAX_SLUG)
        text.slug = unique_slug(lang, wanted, statement.id)
        if same_photo:
            for name in IMAGE_TEXT_FIELDS:
                setattr(text, name, saved.get(name, ""))
    statement.updated_at = timekeeping.utcnow()
    flag_modified(statement, "updated_at")


@bp.route("/statements/<id:statement_id>/history/<id:number>/restore", methods=["GET", "POST"])
def statement_revision_restore(statement_id: int, number: int):
    """Show what restoring a revision changes; on POST, restore it as a new revision (refused
    with 409 when someone saved the statement since the page was opened)."""
    statement = permissions.editable(statement_id)
    found = revisions.revision(statement, number) or abort(404)
    if request.method == "GET":
        form = RestoreForm(formdata=None)
        form.version.data = str(statement.version)
        return _restore_page(statement, found, form)
    form = RestoreForm()
    valid = form.validate()
    languages = [lang for lang in LANGUAGES if found.snapshot.get("texts", {}).get(lang)]
    notes = change_notes(form, languages, statement.is_public(timekeeping.utcnow()))
    if not valid or notes is None:
        return _restore_page(statement, found, form, 422)
    if form.version.data != str(statement.version):
        if _says(statement, found.snapshot):
            # A second click of the same button finds its own first restore: no conflict.
            return _restored(statement, found)
        form.form_errors.append(_(
            "Someone saved this statement since you opened this page. The comparison below is "
            "with their version now; restore again if you still want to."
        ))
        form.version.data = str(statement.version)
        return _restore_page(statement, found, form, 409)
    try:
        with db.session.no_autoflush:
            revisions.ensure_baseline(statement)
            _bring_back(statement, found.snapshot)
        db.session.flush()
        revisions.record(statement, current_user, "restore", notes, restored_from=found.number)
        audit.record("restore-revision", current_user, kind="statement", ref=statement.id)
        db.session.commit()
    except (StaleDataError, IntegrityError):
        db.session.rollback()
        statement = permissions.editable(statement_id)
        form.form_errors.append(_("Someone saved this statement at the same moment. Check the "
                                  "comparison again, then restore."))
        form.version.data = str(statement.version)
        return _restore_page(statement, revisions.revision(statement, number), form, 409)
    content_changed()
    return _restored(statement, found)


def _says(statement: Statement, snapshot: dict) -> bool:
    """Tell whether the statement already says what a snapshot's kind and texts say."""
    current = revisions.snapshot(statement)
    fields = ("title", "lead", "body_source")
    if _same_photo(statement, snapshot):
        fields += IMAGE_TEXT_FIELDS

    def texts(state: dict) -> dict:
        """Return a snapshot's texts, the fields a restore brings back only."""
        return {lang: [t.get(f) for f in fields] for lang, t in state.get("texts", {}).items()}

    return current["kind"] == snapshot.get("kind") and texts(current) == texts(snapshot)


def _same_photo(statement: Statement, snapshot: dict) -> bool:
    """Tell whether the statement has a photo now and it is the one the snapshot describes (a
    restore never brings back a photo: a replaced one's files may be gone)."""
    return statement.image is not None and snapshot.get("image") == statement.image.digest


def _restored(statement: Statement, found):
    """Say the revision is restored and show the history."""
    flash(_("Revision %(number)s is restored, as a new revision.", number=found.number), "success")
    return redirect(url_for("staff.statement_history", statement_id=statement.id), 303)
