"""The statement form: create, edit, drafts, schedules, featuring, slugs, safety, conflicts."""

import re

import pytest
from sqlalchemy import select

from pressroom.extensions import db
from pressroom.models import Statement, StatementText

from .staff_client import (
    create_statement,
    edit_form,
    edit_statement,
    html,
    new_statement_form,
    statement_fields,
    statement_id_from,
)


def stored(app, statement_id: int) -> Statement:
    """Return a statement as stored, texts loaded."""
    with app.app_context():
        found = db.session.get(Statement, statement_id)
        db.session.expunge(found)
        return found


def all_statements(app) -> list[Statement]:
    """Return every stored statement."""
    with app.app_context():
        found = db.session.scalars(select(Statement).order_by(Statement.id)).all()
        db.session.expunge_all()
        return found


def test_create_in_both_languages_appears_everywhere(app, clock, staff):
    """A statement written in both languages is on the dashboard and both public home pages."""
    response = create_statement(
        staff,
        en_title="Harbour reopens",
        en_lead="Ships return.",
        en_body="The harbour **reopens** today.\n\nSecond paragraph.",
        ru_title="Порт снова открыт",
        ru_lead="Суда возвращаются.",
        ru_body="Порт **открывается** сегодня.",
    )
    assert response.status_code == 303
    statement = stored(app, statement_id_from(response))
    assert statement.languages == ["en", "ru"]
    assert statement.text("en").body == (
        "<p>The harbour <strong>reopens</strong> today.</p>\n<p>Second paragraph.</p>"
    )
    assert statement.text("en").body_source.startswith("The harbour **reopens**")
    assert statement.text("ru").slug == "port-snova-otkryt"
    # 11:00 in Moscow is 08:00 UTC.
    assert statement.published_at.isoformat() == "2026-03-15T08:00:00+00:00"
    dashboard = html(staff.get("/staff/"))
    assert "Harbour reopens" in dashboard and "en, ru" in dashboard
    assert "Harbour reopens" in html(staff.get("/en/"))
    assert "Порт снова открыт" in html(staff.get("/ru/"))
    page = staff.get(f"/ru/statements/{statement.id}/port-snova-otkryt")
    assert "<strong>открывается</strong>" in html(page)


@pytest.mark.parametrize("kind", ["answers", "briefing"])
def test_new_kinds_are_offered_and_saved(app, clock, staff, kind):
    """The form offers answers to media questions and briefings, in Russian too, and saves them."""
    assert f'<option value="{kind}">' in html(staff.get("/staff/statements/new"))
    russian = html(staff.get("/staff/statements/new?lang=ru"))
    assert ">Ответы на вопросы СМИ</option>" in russian and ">Брифинг</option>" in russian
    response = create_statement(staff, kind=kind, en_title="Weekly words")
    assert response.status_code == 303
    assert stored(app, statement_id_from(response)).kind == kind


def test_edit_keeps_what_was_typed_and_saves_changes(app, clock, staff):
    """The edit form shows the Markdown as typed; a save changes the public page."""
    statement_id = statement_id_from(
        create_statement(staff, en_title="First title", en_body="Some *text*")
    )
    page = html(staff.get(f"/staff/statements/{statement_id}/edit"))
    assert "Some *text*</textarea>" in page
    assert 'value="first-title"' in page
    tokens = edit_form(staff, statement_id)
    response = staff.post(
        f"/staff/statements/{statement_id}/edit",
        data={
            **tokens,
            **statement_fields(
                en_title="Second title", en_slug="first-title", en_body="Other text"
            ),
        },
    )
    assert response.status_code == 303
    changed = stored(app, statement_id)
    assert changed.text("en").title == "Second title"
    assert changed.version == int(tokens["version"]) + 1
    assert "Second title" in html(staff.get(f"/en/statements/{statement_id}/first-title"))


def test_a_language_can_be_added_and_removed(app, clock, staff):
    """Emptying a language's fields removes that translation; filling them adds it."""
    statement_id = statement_id_from(create_statement(staff, en_title="Both", ru_title="Оба"))
    edit_statement(staff, statement_id, en_title="Both", en_slug="both")
    assert stored(app, statement_id).languages == ["en"]


def test_neither_language_is_refused(app, clock, staff):
    """A statement needs at least one language."""
    response = create_statement(staff)
    assert response.status_code == 422
    assert "Write the statement in at least one language." in html(response)
    assert all_statements(app) == []


def test_a_written_language_needs_a_title(app, clock, staff):
    """A lead without a title is refused beside the title field, nothing lost."""
    response = create_statement(staff, ru_lead="Подводка без заголовка")
    assert response.status_code == 422
    page = html(response)
    assert "A title is needed in each language you write in." in page
    assert "Подводка без заголовка</textarea>" in page


def test_draft_is_not_public(app, clock, staff):
    """A draft is on the dashboard, marked so, and nowhere on the public site."""
    statement_id = statement_id_from(create_statement(staff, en_title="Not yet", status="draft"))
    assert "Draft" in html(staff.get("/staff/"))
    assert "Not yet" not in html(staff.get("/en/"))
    assert staff.get(f"/en/statements/{statement_id}/not-yet").status_code == 404


def test_scheduled_statement_appears_by_itself(app, clock, staff):
    """A publication time in the future: hidden until then, shown right after, no new save."""
    # The clock says 12:00 in Moscow; publish at 12:30.
    create_statement(staff, en_title="At half past", published_time="12:30")
    assert "Scheduled" in html(staff.get("/staff/"))
    assert "At half past" not in html(staff.get("/en/"))
    clock.advance(minutes=29)
    assert "At half past" not in html(staff.get("/en/"))
    clock.advance(minutes=1)
    assert "At half past" in html(staff.get("/en/"))


def test_featuring_unfeatures_the_previous_one(app, clock, staff):
    """Only one statement is featured: the latest marked so."""
    first = statement_id_from(create_statement(staff, en_title="First lead story", featured="y"))
    second = statement_id_from(create_statement(staff, en_title="Second lead story", featured="y"))
    assert not stored(app, first).featured
    assert stored(app, second).featured
    assert stored(app, first).version == 2
    home = html(staff.get("/en/"))
    featured = re.search(r'<article class="featured".*?</article>', home, re.S).group(0)
    assert "Second lead story" in featured and "First lead story" not in featured


def test_unfeaturing_removes_it_from_the_front_page(app, clock, staff):
    """Unticking featured takes the statement off the front page's featured slot."""
    statement_id = statement_id_from(create_statement(staff, en_title="Lead", featured="y"))
    edit_statement(staff, statement_id, en_title="Lead", en_slug="lead")
    assert 'class="featured"' not in html(staff.get("/en/"))


# Slugs


def test_slug_from_russian_title_is_transliterated(app, clock, staff):
    """A Russian title gives a Latin slug."""
    statement_id = statement_id_from(
        create_statement(staff, ru_title="Щука съела ёжика: заявление пресс-службы")
    )
    slug = stored(app, statement_id).text("ru").slug
    assert slug == "shchuka-sela-ezhika-zaiavlenie-press-sluzhby"


def test_slugs_are_unique_per_language(app, clock, staff):
    """The same title three times gives slug, slug-2, slug-3; another language may reuse it."""
    ids = [
        statement_id_from(
            create_statement(staff, en_title="Weekly briefing", ru_title="Weekly briefing")
        )
        for _ in range(3)
    ]
    slugs = [stored(app, i).text("en").slug for i in ids]
    assert slugs == ["weekly-briefing", "weekly-briefing-2", "weekly-briefing-3"]
    assert stored(app, ids[0]).text("ru").slug == "weekly-briefing"


def test_typed_slug_is_cleaned_and_kept(app, clock, staff):
    """A slug typed by staff is made URL-safe and used."""
    statement_id = statement_id_from(
        create_statement(staff, en_title="Anything", en_slug="Мой Адрес 2026!")
    )
    assert stored(app, statement_id).text("en").slug == "moi-adres-2026"


def test_published_statement_keeps_its_slug_when_the_title_changes(app, clock, staff):
    """A new title does not move a published statement; an emptied slug field keeps it too."""
    statement_id = statement_id_from(create_statement(staff, en_title="Original title"))
    tokens = edit_form(staff, statement_id)
    staff.post(
        f"/staff/statements/{statement_id}/edit",
        data={**tokens, **statement_fields(en_title="Corrected title", en_slug="")},
    )
    assert stored(app, statement_id).text("en").slug == "original-title"
    edit_statement(staff, statement_id, en_title="Corrected title", en_slug="corrected-title")
    assert stored(app, statement_id).text("en").slug == "corrected-title"
    # The old address still leads to the statement.
    old = staff.get(f"/en/statements/{statement_id}/original-title")
    assert old.status_code == 301 and old.headers["Location"].endswith("/corrected-title")


def test_draft_takes_a_new_slug_from_a_new_title_when_the_slug_is_emptied(app, clock, staff):
    """A draft has no public address yet, so an emptied slug follows the title."""
    statement_id = statement_id_from(
        create_statement(staff, en_title="Working title", status="draft")
    )
    edit_statement(staff, statement_id, en_title="Final title", status="draft")
    assert stored(app, statement_id).text("en").slug == "final-title"


# Harmless HTML

XSS_TITLE = '<script>alert("t")</script><img src=x onerror=alert(1)>'
XSS_LEAD = '"><svg onload=alert(2)>'
XSS_BODY = (
    "<script>alert(3)</script>\n\n"
    '<p onclick="alert(4)" hx-get="/staff/" data-hx-post="/x" hx-trigger="load">hello</p>\n\n'
    "[link](javascript:alert(5)) [data](data:text/html;base64,PHNjcmlwdD4=)\n\n"
    '<a href="JaVaScRiPt:alert(6)">x</a> <iframe src="https://evil.example"></iframe>'
    '<img src="x" onerror="alert(7)"><style>body{display:none}</style>'
)
XSS_SLUG = '"><script>alert(8)</script>'
DANGEROUS = re.compile(
    r"<script|<svg|<iframe|<img|<style|onerror|onload|onclick|hx-get|hx-trigger|data-hx|"
    r"javascript:|data:text",
    re.I,
)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_xss_payloads_are_stored_and_rendered_harmless(app, clock, staff, lang):
    """Payloads posted straight to the form end up harmless in storage and on every page."""
    response = create_statement(
        staff,
        **{
            f"{lang}_title": XSS_TITLE,
            f"{lang}_lead": XSS_LEAD,
            f"{lang}_body": XSS_BODY,
            f"{lang}_slug": XSS_SLUG,
        },
        featured="y",
    )
    statement_id = statement_id_from(response)
    text = stored(app, statement_id).text(lang)
    assert not DANGEROUS.search(text.body)
    assert not DANGEROUS.search(text.slug) and re.fullmatch(r"[a-z0-9-]+", text.slug)
    assert "hello" in text.body
    pages = {
        "detail": html(staff.get(f"/{lang}/statements/{statement_id}/{text.slug}")),
        "listing": html(staff.get(f"/{lang}/statements/")),
        "home": html(staff.get(f"/{lang}/")),
        "dashboard": html(staff.get("/staff/")),
        "edit": html(staff.get(f"/staff/statements/{statement_id}/edit")),
        "latest widget": html(staff.get(f"/widgets/latest?lang={lang}")),
        "latest fragment": html(
            staff.get(f"/widgets/latest?lang={lang}", headers={"HX-Request": "true"})
        ),
        "statement card": html(staff.get(f"/widgets/statement/{statement_id}?lang={lang}")),
    }
    for name, page in pages.items():
        assert "<script>alert(" not in page, name
        assert "<svg onload" not in page, name
        assert "<img src=x onerror" not in page, name
    title = re.search(r"<title>(.*?)</title>", pages["detail"], re.S).group(1)
    assert "<" not in title and "&lt;script&gt;" in title
    # The Markdown source is shown for editing, escaped.
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in pages["edit"]


def test_preview_renders_sanitised_html(app, staff):
    """The htmx preview returns the fragment alone, rendered and cleaned."""
    page = html(staff.get("/staff/statements/new"))
    token = re.search(r'"X-CSRFToken": "([^"]+)"', page).group(1)
    response = staff.post(
        "/staff/statements/preview",
        data=statement_fields(en_title="Preview me", en_body="**bold** " + XSS_BODY),
        headers={"HX-Request": "true", "X-CSRFToken": token},
    )
    assert response.status_code == 200
    fragment = html(response)
    assert "<html" not in fragment
    assert "<strong>bold</strong>" in fragment
    assert not DANGEROUS.search(fragment)
    assert "HX-Request" in response.headers["Vary"]
    assert all_statements(app) == []


def test_preview_without_a_token_is_refused(staff):
    """The preview is a POST like any other: no token, no answer."""
    response = staff.post(
        "/staff/statements/preview",
        data=statement_fields(en_title="x"),
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 400


def test_preview_without_javascript_keeps_the_form(app, clock, staff):
    """The preview button, without htmx, shows the whole form again with the preview."""
    tokens = new_statement_form(staff)
    response = staff.post(
        "/staff/statements/new",
        data={
            **tokens,
            **statement_fields(en_title="Not saved", en_body="*soft*"),
            "action": "preview",
        },
    )
    page = html(response)
    assert "<em>soft</em>" in page and 'value="Not saved"' in page
    assert all_statements(app) == []


# Conflicts and double submits


def test_conflicting_edit_is_refused_and_keeps_the_input(app, clock, staff):
    """Two people open the same version; the second save is refused with their text intact."""
    statement_id = statement_id_from(create_statement(staff, en_title="Shared text"))
    alice = edit_form(staff, statement_id)
    bob = edit_form(staff, statement_id)
    assert (
        staff.post(
            f"/staff/statements/{statement_id}/edit",
            data={**alice, **statement_fields(en_title="Alice's version", en_slug="shared-text")},
        ).status_code
        == 303
    )
    response = staff.post(
        f"/staff/statements/{statement_id}/edit",
        data={
            **bob,
            **statement_fields(
                en_title="Bob's version",
                en_slug="shared-text",
                en_body="Bob wrote *this* carefully.",
            ),
        },
    )
    assert response.status_code == 409
    page = html(response)
    assert "someone else saved this statement" in page
    assert 'value="Bob&#39;s version"' in page
    assert "Bob wrote *this* carefully.</textarea>" in page
    assert stored(app, statement_id).text("en").title == "Alice's version"
    # Having seen the message, Bob saves again, knowingly replacing Alice's version.
    version = re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)
    again = staff.post(
        f"/staff/statements/{statement_id}/edit",
        data={
            "csrf_token": bob["csrf_token"],
            "version": version,
            **statement_fields(en_title="Bob's version", en_slug="shared-text"),
        },
    )
    assert again.status_code == 303
    assert stored(app, statement_id).text("en").title == "Bob's version"


def test_double_submit_creates_one_statement(app, clock, staff):
    """The same new-statement form sent twice creates one statement; both answers lead to it."""
    tokens = new_statement_form(staff)
    data = {**tokens, **statement_fields(en_title="Only once")}
    first = staff.post("/staff/statements/new", data=data)
    second = staff.post("/staff/statements/new", data=data)
    assert first.status_code == second.status_code == 303
    assert first.headers["Location"] == second.headers["Location"]
    assert len(all_statements(app)) == 1


def test_double_submit_of_an_edit_is_no_conflict(app, clock, staff):
    """An edit sent twice saves once and answers both like a success."""
    statement_id = statement_id_from(create_statement(staff, en_title="Edit twice"))
    data = {
        **edit_form(staff, statement_id),
        **statement_fields(en_title="Edited twice", en_slug="edit-twice"),
    }
    assert staff.post(f"/staff/statements/{statement_id}/edit", data=data).status_code == 303
    assert staff.post(f"/staff/statements/{statement_id}/edit", data=data).status_code == 303
    assert stored(app, statement_id).version == 2


def test_edit_of_a_missing_statement_is_404(staff):
    """An id that does not exist is a plain 404."""
    assert staff.get("/staff/statements/999999/edit").status_code == 404


# Failed submits and bad input


@pytest.mark.parametrize(
    ("lang", "message"),
    [("en", "Enter the date as YYYY-MM-DD, for example 2026-03-15."),
     ("ru", "Введите дату в виде ГГГГ-ММ-ДД, например 2026-03-15.")],
)
def test_failed_submit_keeps_every_field(app, clock, staff, lang, message):
    """A refused form comes back with everything as typed and localised messages by the fields."""
    tokens = new_statement_form(staff)
    data = {
        **tokens,
        **statement_fields(
            published_date="2026-02-30",
            kind="speech",
            status="draft",
            featured="y",
            en_title="Typed title",
            en_slug="typed-slug",
            en_lead="Typed lead",
            en_body="Typed *body*",
            ru_title="Набранный заголовок",
            ru_lead="Набранная подводка",
            ru_body="Набранный текст",
        ),
    }
    response = staff.post(f"/staff/statements/new?lang={lang}", data=data)
    assert response.status_code == 422
    page = html(response)
    assert message in page
    for typed in (
        'value="Typed title"',
        'value="typed-slug"',
        "Typed lead</textarea>",
        "Typed *body*</textarea>",
        'value="Набранный заголовок"',
        "Набранная подводка</textarea>",
        "Набранный текст</textarea>",
        'value="2026-02-30"',
        'value="11:00"',
        'selected value="speech"',
        'selected value="draft"',
        hidden_value(tokens["form_token"]),
    ):
        assert typed in page, typed
    assert re.search(r'<input checked id="featured"|<input[^>]*checked[^>]*id="featured"', page)
    assert all_statements(app) == []


def hidden_value(value: str) -> str:
    """Return how a hidden field's value appears in the page."""
    return f'value="{value}"'


@pytest.mark.parametrize(
    "field",
    [
        "en-title",
        "en-slug",
        "en-lead",
        "en-body",
        "ru-title",
        "ru-lead",
        "ru-body",
        "published_date",
        "published_time",
        "kind",
        "status",
        "form_token",
        "version",
    ],
)
def test_nul_bytes_are_form_errors(app, clock, staff, field):
    """A NUL anywhere is refused by the form (PostgreSQL could not store it), never a 500."""
    tokens = new_statement_form(staff)
    data = {**tokens, **statement_fields(en_title="Has a title", ru_title="Есть заголовок")}
    data[field] = (data.get(field) or "x") + "\x00"
    response = staff.post("/staff/statements/new", data=data)
    assert response.status_code == 422
    assert all_statements(app) == []


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("en-title", "x" * 301),
        ("en-slug", "x" * 121),
        ("en-lead", "x" * 2001),
        ("en-body", "x" * 100_001),
        ("published_date", "0001-01-01"),
        ("published_date", "99999-01-01"),
        ("published_date", "yesterday"),
        ("published_time", "25:61"),
        ("kind", "manifesto"),
        ("status", "deleted"),
    ],
)
def test_bad_values_are_form_errors(app, clock, staff, field, value):
    """Over-long text, impossible dates and unknown choices are errors beside the field."""
    tokens = new_statement_form(staff)
    data = {**tokens, **statement_fields(en_title="Title")}
    data[field] = value
    response = staff.post("/staff/statements/new", data=data)
    assert response.status_code == 422
    assert 'class="errors"' in html(response)
    assert all_statements(app) == []


def test_a_save_is_on_the_cached_home_page_at_once(app, clock, staff):
    """The front page, cached before the save, shows the new statement on the next request."""
    assert "Fresh news" not in html(staff.get("/en/"))
    create_statement(staff, en_title="Fresh news")
    assert "Fresh news" in html(staff.get("/en/"))
    statement_id = all_statements(app)[0].id
    edit_statement(staff, statement_id, en_title="Fresher news", en_slug="fresh-news")
    assert "Fresher news" in html(staff.get("/en/"))


def test_a_save_is_in_the_cached_latest_widget_at_once(app, clock, staff):
    """The latest widget, cached before the save, lists the new statement on the next request."""
    for url in ("/widgets/latest?lang=ru", "/widgets/latest?lang=ru&limit=3"):
        assert "Свежая новость" not in html(staff.get(url, headers={"HX-Request": "true"}))
    create_statement(staff, en_title="Fresh news", ru_title="Свежая новость")
    for url in ("/widgets/latest?lang=ru", "/widgets/latest?lang=ru&limit=3"):
        assert "Свежая новость" in html(staff.get(url, headers={"HX-Request": "true"}))


def test_dashboard_lists_everything_newest_first(app, clock, staff, add_statement):
    """Drafts included, newest first, with status and languages."""
    from datetime import timedelta

    add_statement({"en": "Older one"}, published_at=clock.now - timedelta(days=2))
    add_statement({"ru": "Черновик"}, status="draft", published_at=clock.now - timedelta(days=1))
    add_statement({"en": "Newest one", "ru": "Самое новое"})
    page = html(staff.get("/staff/"))
    assert page.index("Newest one") < page.index("Черновик") < page.index("Older one")
    with app.app_context():
        assert db.session.scalar(select(StatementText.id).where(StatementText.title == "Черновик"))
