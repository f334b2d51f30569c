"""The page a preview link opens: no session needed, nothing cached, nothing indexed."""

from flask import abort, g, make_response, render_template, url_for
from flask_babel import gettext as _

from .. import drafts, timekeeping
from ..extensions import db
from ..i18n import local_datetime
from ..models import Statement
from . import bp


@bp.url_value_preprocessor
def pull_language(endpoint, values):
    """Take the page's language from the URL, for its text and its error pages."""
    if values and "lang" in values:
        g.lang = values.pop("lang")


@bp.get("/<lang:lang>/<token>")
def preview_link_show(token: str):
    """The statement a preview link lends, as it will be published, in the URL's language;
    404 for a token that opens nothing, 410 once the link expired or was revoked."""
    link = drafts.find_link(token) or abort(404)
    now = timekeeping.utcnow()
    if link.revoked_at is not None or now >= link.expires_at:
        revoked = link.revoked_at is not None
        message = (
            _("This preview link was revoked by the press office.") if revoked
            else _("This preview link expired on %(when)s.", when=local_datetime(link.expires_at))
        )
        return render_template(
            "previews/gone.html", title=_("This preview link no longer works"), message=message,
        ), 410
    statement = db.session.get(Statement, link.statement_id) or abort(404)
    addresses = {
        lang: url_for("previews.preview_link_show", lang=lang, token=token, _external=True)
        for lang in statement.languages
    }
    note = _("This is how the statement will look once published. Only people with this "
             "link can see it, until %(when)s.", when=local_datetime(link.expires_at))
    page = drafts.render_preview(statement, g.lang, addresses, note)
    if page is None:
        return drafts.render_missing(addresses), 404
    return make_response(page)
