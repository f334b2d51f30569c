"""Previews from the staff area: a statement's saved text on the public layout, and the preview
links that lend it to a colleague who is not signed in (pressroom/drafts.py).

Whoever may edit a statement may preview it and make or revoke its links: a writer for drafts
and statements in review, an editor for any.
"""

from flask import abort, flash, g, redirect, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

from .. import audit, drafts, timekeeping
from ..extensions import db
from ..models import PreviewLink
from . import bp, permissions

#: Session key: the address of the link just made, shown once on the statement's edit page.
NEW_LINK = "preview_link_new"


@bp.get("/statements/<id:statement_id>/preview")
def statement_page_preview(statement_id: int):
    """The statement's saved text as its public page will show it, in the page's language."""
    statement = permissions.editable(statement_id)
    addresses = {
        lang: url_for("staff.statement_page_preview", statement_id=statement_id, lang=lang)
        for lang in statement.languages
    }
    note = _("Only signed-in staff can see this page. It shows the saved text: changes not yet "
             "saved in the form are not here.")
    page = drafts.render_preview(statement, g.lang, addresses, note)
    if page is None:
        return drafts.render_missing(addresses), 404
    return page


@bp.post("/statements/<id:statement_id>/preview-links")
def preview_link_new(statement_id: int):
    """Make a preview link to the statement; its address is shown once on the edit page."""
    statement = permissions.editable(statement_id)
    link, token = drafts.create_link(statement, current_user.id, timekeeping.utcnow())
    db.session.flush()
    audit.record("save", current_user, kind="preview-link", ref=link.id)
    db.session.commit()
    lang = statement.languages[0] if g.lang not in statement.languages else g.lang
    session[NEW_LINK] = {
        "statement": statement.id,
        "url": url_for("previews.preview_link_show", lang=lang, token=token, _external=True),
    }
    flash(_("A preview link is made. Copy it now: it is shown only once."), "success")
    return redirect(url_for("staff.statement_edit", statement_id=statement.id) + "#preview-links",
                    303)


@bp.post("/preview-links/<id:link_id>/revoke")
def preview_link_revoke(link_id: int):
    """Revoke a preview link at once: it answers 410 from now on."""
    link = db.session.get(PreviewLink, link_id) or abort(404)
    statement = permissions.editable(link.statement_id)
    if link.revoked_at is None:
        link.revoked_at = timekeeping.utcnow()
        audit.record("revoke", current_user, kind="preview-link", ref=link.id)
        db.session.commit()
    flash(_("The preview link is revoked."), "success")
    return redirect(url_for("staff.statement_edit", statement_id=statement.id) + "#preview-links",
                    303)


def new_link_for(statement_id: int) -> str | None:
    """Return, once, the address of the link just made to this statement, if any."""
    found = session.get(NEW_LINK)
    if not found or found.get("statement") != statement_id:
        return None
    session.pop(NEW_LINK)
    return found["url"]
