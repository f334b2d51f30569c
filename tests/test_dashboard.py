"""The staff dashboard at scale (issue 13): a page of statements at a time without counting them
all, filtered by status, kind, missing language and title words, in both languages."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event

from pressroom.content import content_changed
from pressroom.extensions import db
from pressroom.models import Statement, StatementText
from pressroom.staff.views import DASHBOARD_PAGE_SIZE

from .staff_client import html
from .test_bad_input import cheap_hashing  # noqa: F401  (a fixture these tests use too)

LANGS = ("en", "ru")


@pytest.fixture
def varied(app, add_statement, clock) -> dict[str, int]:
    """One statement in each state, of several kinds and language coverages; ids by name."""
    now = clock.now
    found = {
        "draft": add_statement({"en": "Fisheries draft"}, status="draft", kind="speech"),
        "review": add_statement({"ru": "Соглашение о рыболовстве"}, status="review"),
        "scheduled": add_statement(
            {"en": "Harbour accord signing", "ru": "Подписание портового соглашения"},
            published_at=datetime(2026, 3, 20, 9, 0, tzinfo=UTC), kind="briefing",
        ),
        "published": add_statement(
            {"en": "Grain corridor statement", "ru": "Заявление о зерновом коридоре"},
            published_at=now - timedelta(days=1),
        ),
        "withdrawn": add_statement({"en": "Withdrawn remarks on grain"},
                                   published_at=now - timedelta(days=2)),
    }
    with app.app_context():
        db.session.get(Statement, found["withdrawn"].id).withdrawn_at = now
        db.session.commit()
        content_changed()
    return {name: statement.id for name, statement in found.items()}


def shown(page: str) -> set[int]:
    """Return the ids of the statements listed in the dashboard's table."""
    table = page.split('id="statements-heading"', 1)[1].split("</table>", 1)[0]
    return {int(i) for i in re.findall(r"/staff/statements/(\d+)/edit", table)}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"draft", "review", "scheduled", "published", "withdrawn"}),
        ("status=draft", {"draft"}),
        ("status=review", {"review"}),
        ("status=scheduled", {"scheduled"}),
        ("status=published", {"published"}),
        ("status=withdrawn", {"withdrawn"}),
        ("kind=speech", {"draft"}),
        ("kind=briefing", {"scheduled"}),
        ("missing=ru", {"draft", "withdrawn"}),
        ("missing=en", {"review"}),
        ("status=published&missing=ru", set()),
        ("q=harbour", {"scheduled"}),
        ("q=grain", {"published", "withdrawn"}),
        ("q=соглашение", {"review", "scheduled"}),  # a stem: соглашения, соглашение
        ("q=Lead", set()),  # the lead and the body are not searched: titles only
        ("q=grain&status=withdrawn", {"withdrawn"}),
    ],
)
def test_filters(staff, varied, query, expected):
    """Each filter, and filters together, keep exactly the statements they describe."""
    page = staff.get(f"/staff/?{query}")
    assert page.status_code == 200
    assert shown(html(page)) == {varied[name] for name in expected}


@pytest.mark.parametrize("lang", LANGS)
def test_the_filter_form_works_without_script_and_keeps_its_values(staff, varied, lang):
    """A plain GET form with the language in it; the chosen values come back selected."""
    page = html(staff.get(f"/staff/?lang={lang}&status=draft&kind=speech&missing=ru&q=fisheries"))
    form = page.split('class="filters"', 1)[1].split("</form>", 1)[0]
    assert 'method="get"' in page.split('class="filters"', 1)[0][-200:] + form[:100]
    assert f'name="lang" value="{lang}"' in form
    for name, value in (("status", "draft"), ("kind", "speech"), ("missing", "ru")):
        assert re.search(rf'name="{name}">.*?<option value="{value}" selected>', form, re.S)
    assert 'name="q" type="search" value="fisheries"' in form
    label = {"en": "Missing Russian", "ru": "Нет русского текста"}[lang]
    assert label in form
    assert shown(page) == {varied["draft"]}


@pytest.mark.parametrize("lang", LANGS)
def test_a_scheduled_statement_says_when_it_goes_out(staff, varied, lang):
    """In the site's zone (Moscow: 09:00 UTC is 12:00), in the page's language."""
    page = html(staff.get(f"/staff/?lang={lang}&status=scheduled"))
    when = {
        "en": "goes out 20 March 2026, 12:00", "ru": "выйдет 20 марта 2026\u202fг., 12:00",
    }[lang]
    assert when in page


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "query",
    ["status=bogus", "kind=%00", "missing=de", "q=" + "x" * 201, "status=draft&kind=nope"],
)
def test_values_not_understood_are_left_out_and_said(staff, varied, lang, query):
    """An unknown value is named in the page's language and that filter left out; never a 500."""
    page = staff.get(f"/staff/?lang={lang}&{query}")
    assert page.status_code == 200
    text = html(page)
    assert 'id="filter-problems"' in text
    if lang == "ru":
        assert "не учт" in text
    if "status=draft" in query:
        assert shown(text) == {varied["draft"]}  # the understood filter still applies


@pytest.mark.parametrize("raw", ["abc", "-1", "0", "1e3", "9" * 12, "%00", ""])
def test_a_page_number_not_understood_means_the_first(staff, varied, raw):
    """Anything but a plain page number shows the first page."""
    page = staff.get(f"/staff/?page={raw}")
    assert page.status_code == 200
    assert len(shown(html(page))) == 5


def many(app, count: int, status: str = "draft", start: datetime | None = None) -> list[int]:
    """Store `count` statements with an English text, newest last; return their ids."""
    start = start or datetime(2026, 1, 1, tzinfo=UTC)
    with app.app_context():
        rows = [
            Statement(status=status, published_at=start + timedelta(minutes=i), texts=[
                StatementText(lang="en", title=f"Bulletin {status} {i}",
                              slug=f"bulletin-{status}-{i}")
            ])
            for i in range(count)
        ]
        db.session.add_all(rows)
        db.session.commit()
        content_changed()
        return [row.id for row in rows]


def test_pages_hold_one_page_of_rows_and_count_nothing(app, staff, clock):
    """50 a page, newest first; newer and older links keep the filters; no count(*) is asked and
    no more than one page (and one row) is read."""
    ids = many(app, DASHBOARD_PAGE_SIZE + 5)
    many(app, 3, status="review", start=datetime(2026, 2, 1, tzinfo=UTC))
    statements = []

    def note(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, parameters))

    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", note)
        try:
            first = html(staff.get("/staff/?status=draft&lang=ru"))
        finally:
            event.remove(db.engine, "before_cursor_execute", note)
    assert not [s for s, _ in statements if "count(" in s.lower()]
    listing = [p for s, p in statements if "FROM statement" in s and "LIMIT" in s.upper()]
    assert any(DASHBOARD_PAGE_SIZE + 1 in (p.values() if isinstance(p, dict) else p)
               for p in listing)
    assert shown(first) == set(ids[-DASHBOARD_PAGE_SIZE:])
    older = re.search(r'href="([^"]+)" rel="next"', first).group(1).replace("&amp;", "&")
    assert "status=draft" in older and "page=2" in older and "lang=ru" in older
    assert 'rel="prev"' not in first
    second = html(staff.get(older))
    assert shown(second) == set(ids[:5])
    assert 'rel="next"' not in second
    newer = re.search(r'href="([^"]+)" rel="prev"', second).group(1).replace("&amp;", "&")
    assert "status=draft" in newer and "page=" not in newer
    assert "Страница 2" in second
    beyond = html(staff.get("/staff/?status=draft&page=9"))
    assert shown(beyond) == set()
    assert "There are no statements on this page." in beyond


def test_a_writer_filters_too_but_edits_only_drafts(app, writer, varied):
    """A writer sees every statement and the filters; published ones are not links to edit."""
    page = html(writer.get("/staff/?q=grain"))
    assert 'class="filters"' in page
    assert "Grain corridor statement" in page
    assert shown(page) == set()  # neither grain statement is the writer's to edit
    assert shown(html(writer.get("/staff/?status=draft"))) == {varied["draft"]}
