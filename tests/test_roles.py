"""Roles: a writer drafts and submits for review, an editor does everything; every staff route
and method is checked on the server, for writers and anonymous visitors alike."""

import re
from datetime import date

import pytest
from sqlalchemy import select

from pressroom.content import content_changed
from pressroom.extensions import db
from pressroom.models import Clock, DayCounter, DayCounterText, StaffUser, Statement
from pressroom.staff import permissions

from .route_policy import rows_changed, table_rows
from .staff_client import (
    EMAIL,
    PASSWORD,
    WRITER,
    create_statement,
    csrf_token,
    edit_statement,
    hidden,
    html,
    sign_in,
    statement_fields,
    statement_id_from,
)
from .test_bad_input import cheap_hashing  # noqa: F401  (a fixture these tests use too)

#: What a writer may open (and send), and what it is refused: every staff endpoint is in one of
#: the two, written out here rather than read from the permission table the app uses.
WRITER_MAY = {
    "staff.sign_in", "staff.sign_out", "staff.dashboard", "staff.password_edit",
    "staff.statement_new", "staff.statement_edit", "staff.statement_preview",
    # Of a statement the writer may edit (a draft here); a published one's is tested apart.
    "staff.statement_history", "staff.statement_revision_restore",
    # Previews and preview links of what the writer may edit (tests/test_previews.py).
    "staff.statement_page_preview", "staff.preview_link_new", "staff.preview_link_revoke",
}
WRITER_MAY_NOT = {
    "staff.counter_edit", "staff.counter_delete", "staff.clock_edit", "staff.clock_delete",
    "staff.settings_edit", "staff.audit_log",
    "staff.statement_withdraw", "staff.statement_restore", "staff.statement_delete",
}


@pytest.fixture
def editor(app, staff_user, cheap_hashing):  # noqa: F811
    """A client signed in as an editor (the staff_user fixture's account)."""
    client = app.test_client()
    assert sign_in(client).status_code == 303
    return client


@pytest.fixture
def objects(app, add_statement) -> dict[str, int]:
    """A published statement, a draft, a day counter and a clock; their ids by name."""
    published = add_statement({"en": "Harbour accord"})
    draft = add_statement({"en": "Draft note"}, status="draft")
    with app.app_context():
        counter = DayCounter(event_date=date(2023, 6, 17), timezone="Europe/Moscow",
                             texts=[DayCounterText(lang="en", label="the accord", caption="")])
        clock = Clock(timezone="Europe/London", position=0)
        db.session.add_all([counter, clock])
        db.session.commit()
        content_changed()
        return {"published": published.id, "draft": draft.id, "counter": counter.id,
                "clock": clock.id}


def staff_rules(app) -> list:
    """Return every rule of the staff area, from the app's own URL map."""
    return [rule for rule in app.url_map.iter_rules() if rule.rule.startswith("/staff/")]


def url_of(rule, objects: dict[str, int], statement: str = "draft") -> str:
    """Return the rule's address with existing rows' ids in its segments."""
    values = {"statement_id": objects[statement], "counter_id": objects["counter"],
              "clock_id": objects["clock"], "number": 1, "link_id": 1}
    return re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", lambda m: str(values[m.group(1)]), rule.rule)


def test_every_staff_endpoint_is_classified(app):
    """A new staff route fails here until this file says whether a writer may use it, and the
    permission table says what it needs (the app refuses an endpoint missing from it)."""
    endpoints = {rule.endpoint for rule in staff_rules(app)}
    assert endpoints == WRITER_MAY | WRITER_MAY_NOT
    assert not WRITER_MAY & WRITER_MAY_NOT
    assert endpoints == set(permissions.ENDPOINTS)


def test_an_endpoint_missing_from_the_table_is_refused(
    make_app, staff_user, cheap_hashing  # noqa: F811
):
    """Fail closed: a staff view nobody gave a permission answers 403, even to an editor."""
    app = make_app()
    rule = "/staff/forgotten"
    # An endpoint named into the staff blueprint gets the blueprint's checks, as a view would.
    app.add_url_rule(rule, "staff.forgotten", lambda: "secret")
    client = app.test_client()
    assert sign_in(client).status_code == 303
    response = client.get(rule)
    assert response.status_code == 403
    assert "secret" not in html(response)


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_anonymous_visitors_are_sent_to_sign_in_everywhere(app, client, objects, method):
    """Every staff rule and method: a redirect to the sign-in page (401 for htmx), no write."""
    token = csrf_token(client)
    with app.app_context():
        before = table_rows()
    for rule in staff_rules(app):
        url = url_of(rule, objects)
        data = {"csrf_token": token} if method == "POST" else None
        for headers in ({}, {"HX-Request": "true"}):
            response = client.open(url, method=method, data=data, headers=headers)
            where = f"{method} {url} {headers}"
            if method not in rule.methods:
                assert response.status_code == 405, where
            elif rule.endpoint == "staff.sign_in":
                assert response.status_code == (200 if method == "GET" else 422), where
            elif headers:
                assert response.status_code == 401, where
                assert response.headers["HX-Redirect"].startswith("/staff/sign-in"), where
            else:
                assert response.status_code == 303, where
                assert response.headers["Location"].startswith("/staff/sign-in"), where
    with app.app_context():
        # The failed sign-ins are the only lines written: the audit log keeps them.
        after = table_rows()
        assert rows_changed(before, after) == sum(1 for key in after if key[0] == "audit_entry")


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_writer_is_refused_what_only_editors_do(app, writer, objects, method):
    """Every staff rule and method as a writer: 403 in the staff page's language where an
    editor's permission is needed, never a write; an answer (not 403, not 5xx) elsewhere."""
    token = hidden(html(writer.get("/staff/statements/new")), "csrf_token")
    with app.app_context():
        before = table_rows()
    for rule in staff_rules(app):
        if rule.endpoint == "staff.sign_out":
            continue  # it ends the session: the last test below signs out
        if rule.endpoint == "staff.preview_link_new":
            continue  # a writer may make a link to a draft, a write: tests/test_previews.py
        for lang, refusal in (("en", "Not allowed"), ("ru", "Недостаточно прав")):
            url = f"{url_of(rule, objects)}?lang={lang}"
            data = {"csrf_token": token} if method == "POST" else None
            response = writer.open(url, method=method, data=data)
            where = f"{method} {url}"
            if method not in rule.methods:
                assert response.status_code == 405, where
            elif rule.endpoint in WRITER_MAY_NOT:
                assert response.status_code == 403, where
                assert refusal in html(response), where
                assert response.headers["Cache-Control"] == "no-store", where
            else:
                assert response.status_code not in (401, 403), where
                assert response.status_code < 500, where
    with app.app_context():
        assert rows_changed(before, table_rows()) == 0
    token = hidden(html(writer.get("/staff/")), "csrf_token")
    assert writer.post("/staff/sign-out", data={"csrf_token": token}).status_code == 303


def test_a_writer_cannot_open_or_save_a_published_statement(app, writer, objects):
    """A published statement is an editor's: its form is a 403 for a writer, by GET and POST,
    and the dashboard lists it without a link."""
    url = f"/staff/statements/{objects['published']}/edit"
    assert writer.get(url).status_code == 403
    token = hidden(html(writer.get("/staff/")), "csrf_token")
    with app.app_context():
        before = table_rows()
    posted = writer.post(url, data={"csrf_token": token, "version": "1",
                                    **statement_fields(en_title="Rewritten", status="draft")})
    assert posted.status_code == 403
    with app.app_context():
        assert rows_changed(before, table_rows()) == 0
    dashboard = html(writer.get("/staff/"))
    assert "Harbour accord" in dashboard
    assert f'href="/staff/statements/{objects["published"]}/edit' not in dashboard
    assert f'href="/staff/statements/{objects["draft"]}/edit' in dashboard


def test_a_writers_form_offers_no_publishing(writer, editor, objects):
    """A writer chooses draft or review and never sees "published" nor the featured box; an
    editor's form has both."""
    for page in (html(writer.get("/staff/statements/new")),
                 html(writer.get(f"/staff/statements/{objects['draft']}/edit"))):
        assert 'value="draft"' in page and 'value="review"' in page
        assert 'value="published"' not in page
        assert 'name="featured"' not in page
    page = html(editor.get("/staff/statements/new"))
    assert 'value="published"' in page and 'name="featured"' in page


@pytest.mark.parametrize("crafted", [{"status": "published"}, {"featured": "y"}])
def test_a_crafted_publication_by_a_writer_is_refused(app, writer, objects, crafted):
    """A writer's POST that asks for "published" or the featured flag is a 403, new or edit,
    and nothing is saved."""
    with app.app_context():
        before = table_rows()
    created = create_statement(writer, en_title="Sneaky", **{"status": "draft", **crafted})
    assert created.status_code == 403
    edited = edit_statement(writer, objects["draft"], en_title="Sneaky",
                            **{"status": "draft", **crafted})
    assert edited.status_code == 403
    with app.app_context():
        assert rows_changed(before, table_rows()) == 0


def test_a_writer_submits_and_an_editor_publishes(app, writer, editor, client):
    """Draft → review by the writer (hidden from the public, listed for editors) → published by
    an editor; after that the writer can no longer change it."""
    created = create_statement(writer, en_title="Port dues", status="draft")
    assert created.status_code == 303
    statement_id = statement_id_from(created)
    submitted = edit_statement(writer, statement_id, en_title="Port dues", status="review")
    assert submitted.status_code == 303
    with app.app_context():
        assert db.session.get(Statement, statement_id).status == "review"
    assert client.get(f"/en/statements/{statement_id}/port-dues").status_code == 404
    waiting = html(editor.get("/staff/"))
    assert "Waiting for review" in waiting
    section = waiting.split('id="review"', 1)[1].split("</section>", 1)[0]
    assert f'/staff/statements/{statement_id}/edit' in section and "Port dues" in section
    assert "In review" in html(editor.get("/staff/"))
    assert "Waiting for review" not in html(writer.get("/staff/"))
    # The writer may still work on it while it waits.
    assert writer.get(f"/staff/statements/{statement_id}/edit").status_code == 200
    published = edit_statement(editor, statement_id, en_title="Port dues", status="published",
                               published_date="2026-01-10")
    assert published.status_code == 303
    assert client.get(f"/en/statements/{statement_id}/port-dues").status_code == 200
    assert "Nothing waits for review." in html(editor.get("/staff/?lang=en"))
    assert writer.get(f"/staff/statements/{statement_id}/edit").status_code == 403


def test_a_writer_keeps_the_featured_flag_an_editor_set(app, writer, add_statement):
    """A writer's save of a draft an editor featured keeps it featured (and features nothing
    else away)."""
    featured = add_statement({"en": "On the front"}, featured=True)
    draft = add_statement({"en": "Planned"}, status="draft")
    with app.app_context():
        db.session.get(Statement, draft.id).featured = True
        db.session.get(Statement, featured.id).featured = False
        db.session.commit()
    saved = edit_statement(writer, draft.id, en_title="Planned again", status="draft",
                           featured="y")
    assert saved.status_code == 303
    with app.app_context():
        assert db.session.get(Statement, draft.id).featured is True


def test_the_403_page_is_in_the_staff_pages_language(writer):
    """The refusal answers in the language the staff page asked for."""
    response = writer.get("/staff/settings?lang=ru")
    assert response.status_code == 403
    page = html(response)
    assert 'lang="ru"' in page and "Недостаточно прав" in page


def test_a_new_role_applies_from_the_next_request(app, writer, runner):
    """`staff set-role` makes a writer an editor (and back) without signing in again."""
    assert writer.get("/staff/settings").status_code == 403
    result = runner.invoke(args=["staff", "set-role", WRITER.upper(), "editor"])
    assert result.exit_code == 0, result.output
    assert f"Staff account {WRITER} is now editor." in result.output
    assert writer.get("/staff/settings").status_code == 200
    assert runner.invoke(args=["staff", "set-role", WRITER, "writer"]).exit_code == 0
    assert writer.get("/staff/settings").status_code == 403


def test_staff_create_takes_a_role(app, runner, cheap_hashing):  # noqa: F811
    """`staff create --role writer|editor`; without --role an account is an editor, as before."""
    made = runner.invoke(
        args=["staff", "create", "w@example.org", "--role", "writer", "--password-stdin"],
        input=PASSWORD + "\n",
    )
    assert made.exit_code == 0, made.output
    assert "Staff account created: w@example.org (writer)" in made.output
    default = runner.invoke(args=["staff", "create", EMAIL, "--password-stdin"],
                            input=PASSWORD + "\n")
    assert default.exit_code == 0, default.output
    bad = runner.invoke(args=["staff", "create", "x@example.org", "--role", "admin",
                              "--password-stdin"], input=PASSWORD + "\n")
    assert bad.exit_code != 0 and "admin" in bad.output
    with app.app_context():
        roles = dict(db.session.execute(select(StaffUser.email, StaffUser.role)).all())
    assert roles == {"w@example.org": "writer", EMAIL: "editor"}
    listed = runner.invoke(args=["staff", "list"]).output
    assert re.search(r"^w@example\.org\tactive\tcreated [^\t]+ UTC\twriter$", listed, re.M)
    assert re.search(rf"^{re.escape(EMAIL)}\tactive\tcreated [^\t]+ UTC\teditor$", listed, re.M)


def test_set_role_refuses_unknown_accounts_and_roles(runner, staff_user):
    """An unknown email or role stops with a message and changes nothing."""
    unknown = runner.invoke(args=["staff", "set-role", "nobody@example.org", "writer"])
    assert unknown.exit_code != 0 and "No staff account" in unknown.output
    wrong = runner.invoke(args=["staff", "set-role", staff_user, "owner"])
    assert wrong.exit_code != 0 and "owner" in wrong.output
    same = runner.invoke(args=["staff", "set-role", staff_user, "editor"])
    assert same.exit_code == 0 and "already editor" in same.output


def test_the_writers_dashboard_leaves_out_what_it_cannot_change(writer, editor):
    """Counters, clocks, settings and the audit log are an editor's; the writer's menu and
    dashboard do not offer them."""
    page = html(writer.get("/staff/"))
    for absent in ("/staff/settings", "/staff/counters/new", "/staff/clocks/new", "/staff/audit"):
        assert absent not in page
    assert "Writer" in page
    page = html(editor.get("/staff/"))
    for present in ("/staff/settings", "/staff/counters/new", "/staff/clocks/new", "/staff/audit"):
        assert present in page
