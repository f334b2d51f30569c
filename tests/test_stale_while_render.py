"""After a save, one request re-renders a page while the others get its previous version at once,
an editor always sees the new one, and nothing is served after what it shows stops being true."""

import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from flask import g
from werkzeug.test import EnvironBuilder

from pressroom import contentstate, pagecache, timekeeping
from pressroom.content import content_changed, content_token, page_token
from pressroom.contentstate import ALL_AREAS
from pressroom.extensions import cache, db
from pressroom.models import DayCounter, SiteSettings, Statement, StatementText

from . import test_widgets, test_workers
from .staff_client import StaffBrowser, create_statement
from .test_workers import worker_env

start_server = test_workers.start_server  # gunicorn servers, stopped after each test

BASE = "http://pressroom.test"


def render_lock(app, url: str) -> str:
    """Return the key of the render lock for `url`'s cached page under the current content
    state (making the state, as the first request after a save does)."""
    key = pagecache.page_key(EnvironBuilder(path=url, base_url=BASE).get_environ())
    with app.test_request_context(url, base_url=BASE):
        content_token()
        entry = cache.get(key)
        token = page_token(g.content_areas, entry[5] if entry else ALL_AREAS)
    return f"render:{token}:{key}"


def hold(app, url: str) -> str:
    """Claim the render lock of `url`, as a request rendering it in another process would."""
    lock = render_lock(app, url)
    with app.app_context():
        assert pagecache.claim(pagecache.backend_of(app), lock, 60_000)
    return lock


def release(app, lock: str) -> None:
    """Release a render lock claimed by `hold`."""
    with app.app_context():
        cache.delete(lock)


def body(response) -> str:
    """Return a 200 response's text."""
    assert response.status_code == 200
    return response.get_data(as_text=True)


@pytest.mark.parametrize("url", ["/en/", "/en/statements/", "/widgets/latest"])
def test_while_one_request_renders_the_others_get_the_previous_page(
    app, client, add_statement, url
):
    """The stale page is served only while the render lock is held; then the new one."""
    add_statement({"en": "First of two"})
    assert "First of two" in body(client.get(url))
    add_statement({"en": "Second of two"})
    lock = hold(app, url)
    stale = client.get(url)
    assert stale.headers["X-Cache"] == "STALE"
    assert "First of two" in body(stale) and "Second of two" not in body(stale)
    release(app, lock)
    fresh = client.get(url)
    assert fresh.headers["X-Cache"] == "MISS" and "Second of two" in body(fresh)
    assert client.get(url).headers["X-Cache"] == "HIT"


def test_the_rendering_request_stores_the_page_and_releases_the_lock(app, client, add_statement):
    """The request that claims the lock renders, stores and lets go: the next is a fresh hit."""
    add_statement({"en": "Before the save"})
    body(client.get("/en/"))
    add_statement({"en": "After the save"})
    assert "After the save" in body(client.get("/en/"))
    lock = render_lock(app, "/en/")
    with app.app_context():
        assert cache.get(lock) is None
    hold(app, "/en/")  # even with a lock held, the page of the current token is served
    assert "After the save" in body(client.get("/en/"))


@pytest.mark.parametrize("cookie", ["session", "__Host-session"])
def test_a_signed_in_editor_never_gets_the_previous_page(app, client, add_statement, cookie):
    """A request with a session cookie renders rather than take a stale page."""
    add_statement({"en": "Old news"})
    body(client.get("/en/"))
    add_statement({"en": "Just saved"})
    hold(app, "/en/")
    client.set_cookie(cookie, "anything", domain="pressroom.test")
    assert "Just saved" in body(client.get("/en/"))


def test_the_saving_editor_sees_the_save_through_the_staff_form(
    app, clock, staff, add_statement
):
    """The editor's next public request after a save through the form shows it, even while
    another request holds the page's render lock."""
    add_statement({"en": "Already out"})
    body(staff.get("/en/"))
    assert create_statement(staff, en_title="Out this minute").status_code == 303
    hold(app, "/en/")
    assert "Out this minute" in body(staff.get("/en/"))


def test_a_page_past_its_expiry_is_never_served_stale(app, client, clock, add_statement):
    """A clock that has moved on is re-rendered even while another request holds the lock."""
    url = "/widgets/clock?tz=Europe/Moscow"
    first = body(client.get(url))
    add_statement({"en": "Anything"})
    clock.advance(seconds=5)
    hold(app, url)
    second = body(client.get(url))
    assert "12:00:05" in second and "12:00:05" not in first


def test_a_page_is_never_served_stale_after_a_scheduled_statement_falls_due(
    app, client, clock, add_statement
):
    """An entry made before a scheduled statement's time ends at that time, lock or not."""
    add_statement({"en": "Published earlier"})
    add_statement({"en": "Scheduled for later"}, published_at=clock.now + timedelta(minutes=10))
    assert "Scheduled for later" not in body(client.get("/en/"))
    clock.advance(minutes=10, seconds=1)
    hold(app, "/en/")
    assert "Scheduled for later" in body(client.get("/en/"))


def test_a_page_stored_between_reading_and_claiming_is_a_hit(
    app, client, add_statement, monkeypatch
):
    """A request that found the previous page and then claims the render lock just after
    another request rendered, stored and released it serves the stored page: the page is
    rendered once per save, not twice (seen with Redis under load: 2 MISS answers)."""
    url = "/en/statements/"
    client.get(url)
    add_statement({"en": "Fresh news"})
    real_claim, raced = pagecache.claim, []

    def claim_after_another_render(backend, lock, milliseconds):
        if not raced:
            raced.append(lock)
            other = app.test_client().get(url, base_url=BASE)  # renders, stores, releases
            assert other.headers["X-Cache"] == "MISS"
        return real_claim(backend, lock, milliseconds)

    monkeypatch.setattr(pagecache, "claim", claim_after_another_render)
    response = client.get(url)
    assert raced
    assert response.headers["X-Cache"] == "HIT"
    assert "Fresh news" in body(response)


def test_the_render_lock_is_exclusive_and_expires(app):
    """Claiming a held lock fails; once its time is up it can be claimed again."""
    lock = f"render:test:{time.monotonic_ns()}"
    with app.app_context():
        backend = pagecache.backend_of(app)
        assert pagecache.claim(backend, lock, 1000)
        assert not pagecache.claim(backend, lock, 1000)
        time.sleep(1.2)
        assert pagecache.claim(backend, lock, 1000)
        cache.delete(lock)


def test_after_a_save_each_page_is_rendered_once_while_workers_serve_the_previous_one(
    start_server, app_config, tmp_path, staff_user, add_statement, record_property
):
    """Three gunicorn workers, concurrent readers, a save: every answer is the old page or the
    new one, the new one is rendered once (with Redis; once per worker with the in-process
    cache, each worker keeping its own pages), and once it is stored every reader gets it.

    The render lock is made long, so that a render slowed down by a busy machine still holds it
    to the end, and so is Redis's socket timeout (a claim that times out renders, by design):
    this tests that one request renders, not how long a render or a claim takes.
    """
    workers = 3
    add_statement({"en": "Standing news"})
    env = worker_env(app_config, tmp_path, workers=workers, PRESSROOM_RENDER_LOCK_MS="30000",
                     PRESSROOM_CACHE_SOCKET_TIMEOUT="3")
    server = start_server(env)
    url = "/en/statements/"
    for _ in range(4 * workers):
        assert server.get(url).status == 200
    browser = StaffBrowser(server.url)
    browser.sign_in()
    browser.create_statement(en_title="Breaking statement")
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda _: server.get(url), range(40)))
    by_kind = {}
    for answer in answers:
        assert answer.status == 200
        kind = answer.headers["X-Cache"]
        by_kind[kind] = by_kind.get(kind, 0) + 1
        assert ("Breaking statement" in answer.text) == (kind != "STALE"), kind
    record_property("figures", f"40 concurrent requests after a save: {by_kind}")
    most = 1 if app_config.get("CACHE_REDIS_URL") else workers
    log = (tmp_path / "gunicorn-0.log").read_text(errors="replace")
    warnings = [line for line in log.splitlines() if "cache:" in line]
    assert 1 <= by_kind.get("MISS", 0) <= most, (by_kind, warnings)
    for _ in range(4 * workers):  # each worker has rendered or sees the stored page by now
        answer = server.get(url)
        assert "Breaking statement" in answer.text and answer.headers["X-Cache"] != "STALE"


counter = test_widgets.counter  # a day counter, its id


def verdicts(client, urls: dict[str, str]) -> dict[str, str]:
    """GET each URL; return its X-Cache verdict by name."""
    return {name: client.get(url).headers["X-Cache"] for name, url in urls.items()}


@pytest.fixture
def pages(clock, client, counter, add_statement) -> dict[str, str]:
    """A page of each kind, all cached. (Not the clock widget: the cache forgets it after two
    seconds of real time, which a busy machine can take between two requests.)"""
    statement = add_statement({"en": "On the record"})
    urls = {
        "home": "/en/",
        "listing": "/en/statements/",
        "detail": f"/en/statements/{statement.id}/",
        "feed": "/en/feed.atom",
        "latest": "/widgets/latest",
        "counter": f"/widgets/counter/{counter}",
    }
    for url in urls.values():
        client.get(url, follow_redirects=True)
    urls["detail"] = client.get(urls["detail"]).headers["Location"]
    assert set(verdicts(client, urls).values()) == {"HIT"}
    return urls


def test_a_new_statement_leaves_other_statements_pages_and_the_counter_widget_cached(
    app, client, pages, add_statement
):
    """The listings show the new statement and are rendered again; another statement's page
    and card, and the counter widget, are not."""
    card = f"/widgets/statement/{pages['detail'].split('/')[3]}"
    client.get(card)
    add_statement({"en": "Another statement", "ru": "Другое заявление"})
    assert verdicts(client, {**pages, "card": card}) == {
        "home": "MISS", "listing": "MISS", "detail": "HIT", "feed": "MISS", "latest": "MISS",
        "counter": "HIT", "card": "HIT",
    }


def test_a_new_statement_through_the_staff_form_leaves_other_statements_pages_cached(
    app, client, pages, staff
):
    """The staff form's save (statement, texts, first revision, in more than one flush)
    touches the listings only."""
    response = create_statement(staff, en_title="Made by the form", en_lead="A lead.",
                                en_body="A body.")
    assert response.status_code == 303
    found = verdicts(app.test_client(), pages)  # a reader's: not the signed-in editor's
    assert found["detail"] == "HIT" and found["listing"] == "MISS"


def test_editing_a_statement_or_adding_its_translation_renders_its_page_again(
    app, client, pages
):
    """A change to a statement already there (an edit, a new language) is on its page."""
    statement_id = int(pages["detail"].split("/")[3])
    with app.app_context():
        db.session.get(Statement, statement_id).texts[0].lead = "A corrected lead"
        db.session.commit()
        content_changed()
    found = verdicts(client, pages)
    assert found["detail"] == "MISS" and found["listing"] == "MISS"
    assert "A corrected lead" in client.get(pages["detail"]).get_data(as_text=True)
    assert verdicts(client, pages)["detail"] == "HIT"
    with app.app_context():
        db.session.add(
            StatementText(
                statement_id=statement_id, lang="ru", title="Под запись", slug="pod-zapis",
                lead="Вводка", body="<p>Текст.</p>",
            )
        )
        db.session.commit()
        content_changed()
    page = client.get(pages["detail"])
    assert page.headers["X-Cache"] == "MISS"
    assert 'hreflang="ru"' in page.get_data(as_text=True)


def test_editing_a_statement_leaves_the_pages_of_statements_outside_its_group_cached(
    app, client, pages, add_statement
):
    """A typo fixed right after publishing renews the statement's page and card and the
    listings; another statement's page and card (in another group) stay cached, and so do the
    pages of every statement but one in PAGE_GROUPS."""
    edited = int(pages["detail"].split("/")[3])
    other = add_statement({"en": "Another statement on the record"})
    assert contentstate.statement_pages(other.id) != contentstate.statement_pages(edited)
    urls = {
        **pages,
        "card": f"/widgets/statement/{edited}",
        "other": client.get(f"/en/statements/{other.id}/").headers["Location"],
        "other card": f"/widgets/statement/{other.id}",
    }
    for url in urls.values():
        client.get(url)
    assert set(verdicts(client, urls).values()) == {"HIT"}
    with app.app_context():
        db.session.get(Statement, edited).texts[0].title = "On the record, corrected"
        db.session.commit()
        content_changed()
    found = verdicts(client, urls)
    assert found == {
        "home": "MISS", "listing": "MISS", "detail": "MISS", "feed": "MISS", "latest": "MISS",
        "counter": "HIT", "card": "MISS", "other": "HIT", "other card": "HIT",
    }
    assert "On the record, corrected" in client.get(urls["card"]).get_data(as_text=True)


def test_a_statement_edit_counts_in_its_group_only(app, add_statement):
    """The save counts once in all, once in the listings and once in the edited statement's
    group of pages: the other groups' tokens stay as they were."""
    first = add_statement({"en": "First"})
    with app.test_request_context():
        content_changed()
        before = contentstate.read_versions(timekeeping.utcnow())["areas"]
        db.session.get(Statement, first.id).texts[0].lead = "Changed"
        db.session.commit()
        content_changed()
        after = contentstate.read_versions(timekeeping.utcnow())["areas"]
    changed = [
        group for group in range(contentstate.PAGE_GROUPS)
        if page_token(before, (f"{contentstate.STATEMENT_PAGES} {group}",))
        != page_token(after, (f"{contentstate.STATEMENT_PAGES} {group}",))
    ]
    assert changed == [first.id % contentstate.PAGE_GROUPS]
    assert before["statements"] != after["statements"]
    assert before["counters"] == after["counters"] and before["settings"] == after["settings"]


def test_a_page_cached_under_an_area_that_is_gone_is_made_again(app, client, pages):
    """An entry an earlier release cached naming an area this one does not know (the pages of
    statements were one area) is not a 500: the page is made again and cached anew."""
    key = pagecache.page_key(EnvironBuilder(path=pages["detail"], base_url=BASE).get_environ())
    with app.app_context():
        entry = cache.get(key)
        cache.set(key, ("0.1|0.1", *entry[1:5], ("statement pages", "settings")))
    assert client.get(pages["detail"]).headers["X-Cache"] in {"MISS", "STALE"}
    assert verdicts(client, {"detail": pages["detail"]}) == {"detail": "HIT"}


def test_a_counter_edit_leaves_the_reading_pages_cached(app, client, pages, counter):
    """Only the home page and the counter widget show counters."""
    with app.app_context():
        db.session.get(DayCounter, counter).position = 7
        db.session.commit()
        content_changed()
    assert verdicts(client, pages) == {
        "home": "MISS", "listing": "HIT", "detail": "HIT", "feed": "HIT", "latest": "HIT",
        "counter": "MISS",
    }


def test_a_settings_change_or_a_write_the_orm_did_not_record_renews_every_page(
    app, client, pages
):
    """Every page shows the settings; a save whose rows are unknown counts as touching all."""
    with app.app_context():
        db.session.add(SiteSettings(lang="en", site_title="Renamed office"))
        db.session.commit()
        content_changed()
    assert set(verdicts(client, pages).values()) == {"MISS"}
    with app.app_context():
        content_changed()  # nothing flushed: everything
    assert set(verdicts(client, pages).values()) == {"MISS"}


def test_every_model_names_the_area_of_its_rows():
    """A new model must be given an area (or None), or its saves would renew every page."""
    names = {mapper.class_.__name__ for mapper in db.Model.registry.mappers}
    assert names <= set(contentstate.MODEL_AREAS), names - set(contentstate.MODEL_AREAS)


def test_a_state_written_before_an_area_existed_is_made_again(app, client, pages):
    """A content state the release before wrote (same save count, one area fewer) is out of
    date, not a 500: every page still answers, and the state is made again with every area."""
    with app.app_context():
        store = contentstate.state().store
        older = store.read()
        del older["areas"][contentstate.STATEMENT_PAGES]
        store.write(older)
    for url in pages.values():
        assert client.get(url).status_code == 200, url
    with app.app_context():
        assert contentstate.STATEMENT_PAGES in contentstate.state().store.read()["areas"]
