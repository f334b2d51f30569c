"""Views of the staff area: sign-in, the dashboard and the forms that write content."""

import secrets
from urllib.parse import urlsplit

from flask import (
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import AnonymousUserMixin, current_user, login_user, logout_user
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import TooManyRequests
from wtforms import FormField, HiddenField, PasswordField, StringField

from .. import audit, drafts, revisions, timekeeping
from ..config import LANGUAGES
from ..content import SETTINGS_FIELDS, content_changed
from ..errors import RETRY_AFTER, handle_database_down, note_database_down, render_alone
from ..extensions import db
from ..i18n import language_name, preferred_language
from ..models import (
    Clock,
    DayCounter,
    DayCounterText,
    SiteSettings,
    Statement,
)
from ..text import markdown_to_html
from . import bp, listing, permissions, sessions
from . import images as photos
from .accounts import authenticate, normalize_email
from .editing import (
    apply_form,
    change_notes,
    counter_matches,
    counter_version,
    form_from_statement,
    lock_counter,
    matches_stored,
)
from .forms import (
    COUNTER_TEXT_FIELDS,
    ClockForm,
    ConfirmForm,
    CounterForm,
    SettingsForm,
    SignInForm,
    StatementForm,
    zone_choices,
)
from .preview_views import new_link_for
from .throttle import throttle
from .withdrawal import new_statement_id

#: Views anyone may open; every other staff view needs a signed-in account.
PUBLIC_ENDPOINTS = {"staff.sign_in"}
#: Session key: why the last session ended, for the sign-in page to say.
ENDED = "session_ended"
DASHBOARD_PAGE_SIZE = 50


@bp.before_request
def choose_language():
    """Take the staff page's language from `?lang=`, else from the browser's preference."""
    lang = request.args.get("lang")
    g.lang = lang if lang in LANGUAGES else preferred_language()


@bp.before_request
def end_expired_session():
    """End a signed-in session that was idle too long or began too long ago; else note this
    request as its latest.

    Registered before `require_sign_in`, which then treats the request as anonymous and sends
    it to the sign-in page; that page says why. A form sent with an ended session is not
    saved: the sign-in page is shown in its place (401) with what was typed, to copy.
    """
    if not current_user.is_authenticated:
        return None
    reason = sessions.ended(session, current_app.config)
    if reason is None:
        sessions.touch(session)
        return None
    logout_user()
    sessions.end(session)
    if request.endpoint in PUBLIC_ENDPOINTS:
        g.session_ended = reason
        return None
    if request.method == "POST" and not request.headers.get("HX-Request"):
        return _sign_in_after_unsaved_post(reason)
    session[ENDED] = reason
    return None


@bp.before_request
def require_sign_in():
    """Send anonymous visitors to the sign-in page before any other staff view runs."""
    if request.endpoint not in PUBLIC_ENDPOINTS and not current_user.is_authenticated:
        return sign_in_required()
    return None


@bp.before_request
def require_permission():
    """Refuse (403) a signed-in account whose role lacks what the endpoint needs, for every
    method, before the view runs (the table is in permissions.py)."""
    if current_user.is_authenticated and permissions.refusal(request.endpoint, current_user):
        abort(403)


@bp.url_defaults
def add_language(endpoint, values):
    """Keep the staff page's language in every staff link."""
    if "lang" not in values and g.get("lang") in LANGUAGES:
        values["lang"] = g.lang


@bp.context_processor
def staff_context():
    """Give staff templates the same page in each language for the language switcher."""
    alternates = {}
    if request.method == "GET" and request.endpoint:
        # Underscored names are url_for's own options (_scheme, _external…): never from a URL.
        query = {k: v for k, v in request.args.items() if not k.startswith("_")}
        args = {**request.view_args, **query}
        alternates = {
            lang: url_for(request.endpoint, **{**args, "lang": lang}) for lang in LANGUAGES
        }
    else:
        alternates = _dashboards()
    # Built for its CSRF token only: it never reads the request body.
    return {
        "alternates": alternates,
        "confirm_form": ConfirmForm(formdata=None),
        "may": lambda permission: permissions.can(current_user, permission),
        "role_name": lambda role: permissions.ROLE_LABELS.get(role, role),
    }


def _dashboards() -> dict[str, str]:
    """Return the dashboard's address in each language."""
    return {lang: url_for("staff.dashboard", lang=lang) for lang in LANGUAGES}


def sign_in_required():
    """Answer an anonymous request for a staff page: the sign-in page, coming back afterwards."""
    target = request.path
    if request.query_string:
        target += "?" + request.query_string.decode("latin-1")
    url = url_for("staff.sign_in", next=target if request.method == "GET" else None)
    if request.headers.get("HX-Request"):
        # htmx would swap the sign-in page into a fragment; make it load the whole page.
        return "", 401, {"HX-Redirect": url}
    return redirect(url, 303)


def _typed(form) -> list[tuple[str, str]]:
    """Return (label, text) for every text field of a posted form that holds something."""
    found = []
    for field in form:
        if isinstance(field, FormField):
            language = language_name(field.name) if field.name in LANGUAGES else field.label.text
            found += [(f"{label} ({language})", text) for label, text in _typed(field.form)]
        elif isinstance(field, StringField) and not isinstance(field, HiddenField | PasswordField):
            text = field.data if isinstance(field.data, str) else ""
            if text.strip():
                found.append((str(field.label.text), text))
    return found


def _sign_in_after_unsaved_post(reason: str):
    """Answer a form sent after its session ended: the sign-in page, saying nothing was saved,
    with what was typed (to copy), leading back to the form after signing in."""
    found = _form_as_sent()
    typed = _typed(found[1]["form"]) if found else []
    # Edit and new forms are at the address they post to; a delete button has no page.
    back = request.path if request.url_rule and "GET" in request.url_rule.methods else None
    page = render_template(
        "staff/sign_in.html", form=SignInForm(formdata=None), failed=False, next_url=back,
        title=_("Sign in"), ended=sessions.message(reason, current_app.config),
        unsaved=sessions.unsaved_message(), typed=typed,
    )
    return page, 401


def safe_next(target: str | None) -> str | None:
    """Return `target` when it is a path on this site, else None.

    Refuses scheme or host (`https://evil`, `//evil`), backslashes that browsers read as
    slashes (`/\\evil`, `http:/\\/evil`), and control characters such as CR and LF.
    """
    if not target or len(target) > 2000:
        return None
    if "\\" in target or any(ord(c) < 32 or ord(c) == 127 for c in target):
        return None
    if not target.startswith("/") or target.startswith("//"):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    """Sign in by email and password; unknown email and wrong password get the same message.

    Every attempt counts against the client address's limit (PRESSROOM_SIGN_IN_LIMIT), before
    the form is read: the right password does not help once the limit is reached.
    """
    if request.method == "POST":
        wait = throttle().hit(request.remote_addr or "")
        if wait:
            raise TooManyRequests(retry_after=wait)
    next_url = safe_next(request.args.get("next"))
    if current_user.is_authenticated and request.method == "GET":
        return redirect(next_url or url_for("staff.dashboard"), 303)
    form = SignInForm()
    failed = False
    if form.validate_on_submit():
        user = authenticate(form.email.data, form.password.data)
        if user is not None:
            # A new session: nothing from before the sign-in (a planted token) carries over.
            session.clear()
            user.last_sign_in_at = timekeeping.utcnow()
            audit.record("sign-in", user)
            db.session.commit()
            login_user(user)
            sessions.start(session)
            return redirect(next_url or url_for("staff.dashboard"), 303)
        failed = True
        audit.record("sign-in-failed", email=normalize_email(form.email.data))
        db.session.commit()
    status = 422 if request.method == "POST" else 200
    # Why the last session ended, said once: on the sign-in page it led to.
    reason = g.pop("session_ended", None) or session.pop(ENDED, None)
    ended = sessions.message(reason, current_app.config) if reason else None
    return render_template(
        "staff/sign_in.html", form=form, failed=failed, next_url=next_url,
        title=_("Sign in"), ended=ended,
    ), status


@bp.post("/sign-out")
def sign_out():
    """Sign out: end every session of this account, so a copied cookie stops working too."""
    current_user.end_sessions()
    audit.record("sign-out", current_user)
    db.session.commit()
    logout_user()
    session.clear()
    flash(_("You have signed out."), "success")
    return redirect(url_for("staff.sign_in"), 303)


def page_of(total: int, size: int) -> tuple[int, int]:
    """Return the page `?page=` asks for, within the pages `total` rows make, and their count.

    Anything but a plain number means the first page, as before the list was paged.
    """
    raw = request.args.get("page", "1")
    number = int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 7 else 1
    pages = max(1, -(-total // size))
    return min(max(number, 1), pages), pages


@bp.get("/")
def dashboard():
    """All statements, drafts included, newest first, filtered by the query string, a page at a
    time; what waits for review; counters, clocks and site settings."""
    filters, problems = listing.filters_from(request.args)
    number = listing.page_number(request.args)
    now = timekeeping.utcnow()
    statements, has_next = listing.statements_page(filters, number, DASHBOARD_PAGE_SIZE, now)
    counters = db.session.scalars(select(DayCounter).order_by(DayCounter.position, DayCounter.id))
    clocks = db.session.scalars(select(Clock).order_by(Clock.position, Clock.id))
    settings = {s.lang: s for s in db.session.scalars(select(SiteSettings))}
    waiting = []
    if permissions.can(current_user, permissions.REVIEW):
        waiting = db.session.scalars(
            select(Statement)
            .where(Statement.status == "review")
            .order_by(Statement.updated_at, Statement.id)
            .limit(DASHBOARD_PAGE_SIZE)
        ).all()
    return render_template(
        "staff/dashboard.html",
        statements=[(s, listing.status_key(s, now), permissions.may_edit(current_user, s))
                    for s in statements],
        # Translated once for the page's 50 rows, not once a row.
        statuses={name: str(label) for name, label in listing.STATUS_FILTERS.items()},
        kinds={name: str(kind.one) for name, kind in listing.KINDS.items()},
        missing=listing.MISSING,
        filters=filters,
        problems=problems,
        waiting=waiting,
        page=number,
        has_next=has_next,
        counters=list(counters),
        clocks=list(clocks),
        site_settings=settings,
        now=now,
        title=_("Dashboard"),
    )


def _site_zone() -> str:
    """Return the zone in which staff enter publication times."""
    return current_app.config["PRESSROOM_TIMEZONE"]


def _render_statement_form(
    form, statement=None, status=200, conflict=False, preview=None, theirs=None
):
    """Render the statement form page (new or edit); `theirs` is the other person's change on
    a conflict page."""
    title = _("Edit statement") if statement else _("New statement")
    now = timekeeping.utcnow()
    return render_template(
        "staff/statement_form.html",
        form=form,
        statement=statement,
        statement_id=statement.id if statement else None,
        preview_links=drafts.links_of(statement.id) if statement and statement.id else [],
        new_preview_link=new_link_for(statement.id) if statement and statement.id else None,
        conflict=conflict,
        theirs=theirs,
        preview=preview,
        photos=photos.shown(form, statement),
        # An edit of what the public sees asks whether readers are told of it.
        asks_change=bool(statement and statement.id and statement.is_public(now)),
        zone=_site_zone(),
        now=now,
        title=title,
    ), status


def _previews(form: StatementForm) -> dict[str, dict]:
    """Return each written language's title, lead and rendered body for the preview."""
    found = {}
    for lang in LANGUAGES:
        sub = form[lang].form
        if sub.filled:
            source = (sub.body.data or "")[:100_000].replace("\x00", "")
            found[lang] = {
                "title": (sub.title.data or "").replace("\x00", ""),
                "lead": (sub.lead.data or "").replace("\x00", ""),
                "body": markdown_to_html(source),
            }
    return found


def _limit_statement_form(form: StatementForm, statement: Statement | None = None) -> None:
    """Offer only the statuses the account may give; refuse (403) a post that asks for another,
    or changes the featured flag, without the right to publish.

    A writer's form has no featured box: the stored flag is kept as it is.
    """
    allowed = permissions.statuses_for(current_user)
    form.status.choices = [c for c in form.status.choices if c.value in allowed]
    if permissions.can(current_user, permissions.PUBLISH):
        return
    stored = bool(statement and statement.featured)
    if request.method == "POST":
        asked = form.status.data
        permissions.require(asked not in permissions.STATUS_NEEDS or asked in allowed)
        permissions.require("featured" not in request.form or stored)
    form.featured.data = stored


def _audit_save(statement: Statement, before: str | None) -> None:
    """Record a statement's save: as its submission or publication when its status became so."""
    action = "save"
    if statement.status != before:
        action = {"review": "submit", "published": "publish"}.get(statement.status, "save")
    audit.record(action, current_user, kind="statement", ref=statement.id)


@bp.route("/statements/new", methods=["GET", "POST"])
def statement_new():
    """Write a new statement; a second submit of the same form finds the first one's result."""
    form = StatementForm()
    _limit_statement_form(form)
    tz = _site_zone()
    if request.method == "GET":
        local = timekeeping.now_in(tz)
        form.published_date.data = local.date()
        form.published_time.data = local.time().replace(second=0, microsecond=0)
        form.form_token.data = secrets.token_urlsafe(24)
        return _render_statement_form(form)
    if request.form.get("action") == "preview":
        photos.receive(form, None)
        return _render_statement_form(form, preview=_previews(form))
    valid = form.validate()
    # After validate(), which would clear the photo's messages.
    photo = photos.receive(form, None)
    described = photos.require_alt_text(form, photo, None)
    if not valid or photo is None or not described:
        return _render_statement_form(form, status=422)
    token = form.form_token.data or None
    existing = _by_form_token(token)
    if existing is not None:
        return _saved(existing)
    for _attempt in range(3):
        statement = Statement(id=new_statement_id(), form_token=token)
        with db.session.no_autoflush:
            apply_form(statement, form, tz)
            photos.apply(statement, photo)
        db.session.add(statement)
        try:
            db.session.flush()
            revisions.record(statement, current_user, "create")
            _audit_save(statement, None)
            db.session.commit()
        except IntegrityError:
            # Another request took the same form token or slug between our check and commit.
            db.session.rollback()
            existing = _by_form_token(token)
            if existing is not None:
                return _saved(existing)
            continue
        content_changed()
        return _saved(statement)
    form.form_errors.append(_("Someone took one of these addresses a moment ago. Save again."))
    return _render_statement_form(form, status=409)


def _by_form_token(token: str | None) -> Statement | None:
    """Return the statement an earlier submit of this form created, if any."""
    if not token:
        return None
    return db.session.scalar(select(Statement).where(Statement.form_token == token))


def _saved(statement: Statement):
    """Say the statement is saved and show it in the form again."""
    flash(_("The statement is saved."), "success")
    return redirect(url_for("staff.statement_edit", statement_id=statement.id), 303)


@bp.route("/statements/<id:statement_id>/edit", methods=["GET", "POST"])
def statement_edit(statement_id: int):
    """Edit a statement; a save based on an older version than the stored one is refused."""
    statement = permissions.editable(statement_id)
    tz = _site_zone()
    if request.method == "GET":
        form = StatementForm(formdata=None)
        form_from_statement(form, statement, tz)
        _limit_statement_form(form, statement)
        return _render_statement_form(form, statement)
    form = StatementForm()
    _limit_statement_form(form, statement)
    if request.form.get("action") == "preview":
        photos.receive(form, statement)
        return _render_statement_form(form, statement, preview=_previews(form))
    valid = form.validate()
    # After validate(), which would clear the photo's messages.
    photo = photos.receive(form, statement)
    described = photos.require_alt_text(form, photo, statement)
    languages = [lang for lang in LANGUAGES if form[lang].form.filled]
    notes = change_notes(form, languages, statement.is_public(timekeeping.utcnow()))
    if not valid or notes is None or photo is None or not described:
        return _render_statement_form(form, statement, status=422)
    if form.version.data != str(statement.version):
        if matches_stored(statement, form, tz) and photos.matches_stored(statement, photo):
            return _saved(statement)
        return _conflict(form, statement)
    before = statement.status
    try:
        with db.session.no_autoflush:
            revisions.ensure_baseline(statement)
            apply_form(statement, form, tz)
            released = photos.apply(statement, photo)
        db.session.flush()
        revisions.record(statement, current_user, "edit", notes)
        _audit_save(statement, before)
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        return _conflict(form, db.session.get(Statement, statement_id) or abort(404))
    except IntegrityError:
        # A slug taken by a save that committed between our check and ours.
        db.session.rollback()
        form.form_errors.append(_("Someone took one of these addresses a moment ago. Save again."))
        return _render_statement_form(form, db.session.get(Statement, statement_id), status=409)
    content_changed()
    photos.discard(released)
    return _saved(statement)


def _conflict(form: StatementForm, statement: Statement):
    """Refuse a save based on an outdated version; give back everything the person typed, and
    show the other person's change: the stored statement against the version the form was
    opened at, words marked."""
    db.session.refresh(statement)
    started = form.version.data or ""
    base = None
    if started.isascii() and started.isdigit() and len(started) < 10:
        base = revisions.revision_at_version(statement.id, int(started))
    theirs = {
        "diff": revisions.compare(base.snapshot, revisions.snapshot(statement)) if base else None,
        "by": revisions.revision_at_version(statement.id, statement.version),
    }
    # The form now carries the stored version: saving again, knowingly, replaces it.
    form.version.data = str(statement.version)
    return _render_statement_form(form, statement, status=409, conflict=True, theirs=theirs)


@bp.post("/statements/preview")
def statement_preview():
    """The htmx preview: both languages' texts rendered as they will be published."""
    form = StatementForm()
    photos.receive(form, None)
    response = current_app.make_response(render_template(
        "staff/_preview.html", previews=_previews(form), photos=photos.shown(form, None),
        image_token=form.image_token, image_errors=form.image.errors,
    ))
    response.vary.add("HX-Request")
    return response


def _save_counter(form: CounterForm, counter: DayCounter) -> None:
    """Copy a validated counter form onto `counter` and commit."""
    counter.event_date = form.event_date.data
    counter.timezone = form.timezone.data
    counter.position = form.position.data
    for lang in LANGUAGES:
        sub = form[lang].form
        text = counter.text(lang)
        if not sub.filled:
            if text is not None:
                counter.texts.remove(text)
            continue
        if text is None:
            text = DayCounterText(lang=lang)
            counter.texts.append(text)
        for name in COUNTER_TEXT_FIELDS:
            setattr(text, name, sub[name].data)
    db.session.add(counter)
    db.session.flush()
    audit.record("save", current_user, kind="counter", ref=counter.id)
    db.session.commit()
    content_changed()


@bp.route("/counters/new", methods=["GET", "POST"])
@bp.route("/counters/<id:counter_id>/edit", methods=["GET", "POST"])
def counter_edit(counter_id: int | None = None):
    """Add or edit a day counter."""
    counter = DayCounter() if counter_id is None else db.session.get(DayCounter, counter_id)
    if counter is None:
        abort(404)
    if request.method == "GET":
        form = CounterForm(formdata=None)
        if counter_id is not None:
            form.event_date.data = counter.event_date
            form.timezone.data = counter.timezone
            form.position.data = counter.position
            for text in counter.texts:
                for name in COUNTER_TEXT_FIELDS:
                    form[text.lang].form[name].data = getattr(text, name)
            form.version.data = counter_version(counter)
        else:
            form.timezone.data = _site_zone()
    else:
        form = CounterForm()
    form.timezone.choices = zone_choices(counter.timezone)
    conflict = False
    if request.method == "POST" and form.validate():
        if counter_id is not None:
            # Held until commit: a save at the same moment waits, then finds this one's result.
            counter = lock_counter(counter_id) or abort(404)
            conflict = form.version.data != counter_version(counter)
            if conflict and counter_matches(counter, form):
                conflict = False  # a double submit finds its own first save
            elif conflict:
                # Saving the form again, knowingly, replaces the stored counter.
                form.version.data = counter_version(counter)
        if not conflict:
            _save_counter(form, counter)
            flash(_("The day counter is saved."), "success")
            return redirect(url_for("staff.dashboard") + "#counters", 303)
    status = 409 if conflict else 422 if request.method == "POST" else 200
    title = _("Edit day counter") if counter_id else _("New day counter")
    return render_template(
        "staff/counter_form.html", form=form, counter_id=counter_id, title=title,
        conflict=conflict,
    ), status


def _remove(model, row_id: int, message: str, anchor: str, kind: str):
    """Delete one row, invalidate the public pages, and go back to its list on the dashboard."""
    row = db.session.get(model, row_id) or abort(404)
    db.session.delete(row)
    audit.record("delete", current_user, kind=kind, ref=row_id)
    db.session.commit()
    content_changed()
    flash(message, "success")
    return redirect(url_for("staff.dashboard") + anchor, 303)


@bp.post("/counters/<id:counter_id>/delete")
def counter_delete(counter_id: int):
    """Remove a day counter."""
    return _remove(
        DayCounter, counter_id, _("The day counter is removed."), "#counters", "counter"
    )


@bp.route("/clocks/new", methods=["GET", "POST"])
@bp.route("/clocks/<id:clock_id>/edit", methods=["GET", "POST"])
def clock_edit(clock_id: int | None = None):
    """Add or edit a city clock."""
    clock = Clock() if clock_id is None else db.session.get(Clock, clock_id)
    if clock is None:
        abort(404)
    if request.method == "GET":
        form = ClockForm(formdata=None)
        form.timezone.data = clock.timezone or _site_zone()
        form.position.data = clock.position or 0
    else:
        form = ClockForm()
    form.timezone.choices = zone_choices(clock.timezone)
    if request.method == "POST" and form.validate():
        # Another clock for the same zone (for a new clock, clock_id is None: any clock).
        duplicate = db.session.scalar(
            select(Clock.id).where(Clock.timezone == form.timezone.data, Clock.id != clock_id)
        )
        if duplicate:
            form.timezone.errors = [_("There is already a clock for this time zone.")]
        else:
            clock.timezone = form.timezone.data
            clock.position = form.position.data
            db.session.add(clock)
            db.session.flush()
            audit.record("save", current_user, kind="clock", ref=clock.id)
            db.session.commit()
            content_changed()
            flash(_("The clock is saved."), "success")
            return redirect(url_for("staff.dashboard") + "#clocks", 303)
    status = 422 if request.method == "POST" else 200
    title = _("Edit clock") if clock_id else _("New clock")
    return render_template(
        "staff/clock_form.html", form=form, clock_id=clock_id, title=title
    ), status


@bp.post("/clocks/<id:clock_id>/delete")
def clock_delete(clock_id: int):
    """Remove a city clock."""
    return _remove(Clock, clock_id, _("The clock is removed."), "#clocks", "clock")


@bp.route("/settings", methods=["GET", "POST"])
def settings_edit():
    """Edit the site title and the press office's contacts in each language."""
    stored = {s.lang: s for s in db.session.scalars(select(SiteSettings))}
    if request.method == "GET":
        form = SettingsForm(formdata=None)
        for lang, found in stored.items():
            if lang in LANGUAGES:
                for name in SETTINGS_FIELDS:
                    form[lang].form[name].data = getattr(found, name)
    else:
        form = SettingsForm()
    if request.method == "POST" and form.validate():
        for lang in LANGUAGES:
            row = stored.get(lang) or SiteSettings(lang=lang)
            for name in SETTINGS_FIELDS:
                setattr(row, name, form[lang].form[name].data)
            db.session.add(row)
        audit.record("save", current_user, kind="settings")
        db.session.commit()
        content_changed()
        flash(_("The site settings are saved."), "success")
        return redirect(url_for("staff.dashboard") + "#settings", 303)
    status = 422 if request.method == "POST" else 200
    return render_template(
        "staff/settings_form.html", form=form, title=_("Site settings")
    ), status


@bp.errorhandler(OperationalError)
def database_unreachable(error: OperationalError):
    """The database failed during a staff request: the 503 page, or, for a form being sent, the
    form again as it was typed, saying that nothing was saved, with the same 503.

    Nothing here may ask the database again, nor load the signed-in account: the page is
    rendered from what the request sent alone (its CSRF token was checked before any view ran).
    """
    found = _form_as_sent() if request.method == "POST" else None
    if found is None:
        return handle_database_down(error)
    note_database_down(error)
    template, context = found
    page = render_alone(template, {
        "current_user": AnonymousUserMixin(),  # unknown until the database answers
        # The role is unknown too: the form shows every field, so nothing typed is lost (the
        # server still checks the role when it is sent again).
        "may": lambda permission: True,
        "confirm_form": ConfirmForm(formdata=None),
        "alternates": _dashboards(),
        "settings": None,
        "site_title": _("Press statements"),
        "outage": _("The database cannot be reached just now, so nothing was saved. "
                    "What you typed is below: send it again in a minute."),
        **context,
    })
    return page, 503, {"Retry-After": str(RETRY_AFTER)}


def _form_as_sent() -> tuple[str, dict] | None:
    """Return the template and context that show the posted form as it was typed, or None for
    a post that has no form to give back (sign-out, delete, preview)."""
    endpoint = request.endpoint
    args = request.view_args or {}
    if endpoint == "staff.sign_in":
        return "staff/sign_in.html", {
            "form": SignInForm(), "failed": False, "title": _("Sign in"),
            "next_url": safe_next(request.args.get("next")),
            "outage": _("The database cannot be reached just now, so you are not signed in. "
                        "Please try again in a minute."),
        }
    if endpoint in ("staff.statement_new", "staff.statement_edit"):
        statement_id = args.get("statement_id")
        return "staff/statement_form.html", {
            "form": StatementForm(), "statement": None, "statement_id": statement_id,
            "conflict": False, "preview": None, "zone": _site_zone(),
            "now": timekeeping.utcnow(),
            "title": _("Edit statement") if statement_id else _("New statement"),
        }
    if endpoint == "staff.counter_edit":
        form = CounterForm()
        form.timezone.choices = zone_choices(form.timezone.data or None)
        counter_id = args.get("counter_id")
        return "staff/counter_form.html", {
            "form": form, "counter_id": counter_id, "conflict": False,
            "title": _("Edit day counter") if counter_id else _("New day counter"),
        }
    if endpoint == "staff.clock_edit":
        form = ClockForm()
        form.timezone.choices = zone_choices(form.timezone.data or None)
        clock_id = args.get("clock_id")
        return "staff/clock_form.html", {
            "form": form, "clock_id": clock_id,
            "title": _("Edit clock") if clock_id else _("New clock"),
        }
    if endpoint == "staff.settings_edit":
        return "staff/settings_form.html", {"form": SettingsForm(), "title": _("Site settings")}
    return None
