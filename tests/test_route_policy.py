"""The route table in tests/route_policy.py: complete, and every route answers by its row.

Every rule of the app has a row; every answer (pages, errors, redirects, static files, cache
hits) carries the row's security headers; staff routes send anonymous visitors to the sign-in
page; every POST refuses a missing, wrong, other-session or cross-site CSRF token without writing;
and no next-like parameter leads off the site.
"""

import re
from datetime import date
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from pressroom import timekeeping
from pressroom.content import content_changed
from pressroom.extensions import db
from pressroom.models import Clock, DayCounter, DayCounterText, SiteSettings

from .route_policy import (
    CACHES,
    FRAMES,
    ROUTES,
    UNMATCHED_SITE,
    UNMATCHED_STAFF,
    Route,
    build_path,
    off_site,
    rows_changed,
    security_problems,
    seed_previews,
    seed_rendition,
    table_rows,
)
from .staff_client import EMAIL, PASSWORD, hidden, html, sign_in
from .sweep_values import OPEN_REDIRECTS
from .test_bad_input import cheap_hashing  # noqa: F401  (a fixture these tests use too)

ANCESTORS = "*"  # PRESSROOM_WIDGET_FRAME_ANCESTORS in the test configuration


def ids(route: Route) -> str:
    """Name a parametrised test after its rule."""
    return route.rule


@pytest.fixture
def seeds(app, add_statement, staff_user) -> dict[str, str]:
    """A statement, a day counter, a clock and the settings; their ids and slug by name."""
    statement = add_statement({"en": "Harbour accord", "ru": "Портовое соглашение"})
    with app.app_context():
        counter = DayCounter(
            event_date=date(2023, 6, 17),
            timezone="Europe/Moscow",
            texts=[DayCounterText(lang="en", label="the accord", caption="")],
        )
        clock = Clock(timezone="Europe/London", position=0)
        db.session.add_all([counter, clock, SiteSettings(lang="en", site_title="Press Office")])
        db.session.commit()
        content_changed()
        found = {"counter": str(counter.id), "clock": str(clock.id), **seed_previews(statement.id),
                 "rendition": seed_rendition()}
    published = timekeeping.now_in(app.config["PRESSROOM_TIMEZONE"], statement.published_at)
    return {
        **found,
        "statement": str(statement.id),
        "slug": statement.texts[0].slug,
        "year": f"{published.year:04d}",
        "month": f"{published.month:02d}",
    }


def example(route: Route, seeds: dict, **values: str) -> str:
    """Return the route's example URL with its seeded ids (and `values` replacing segments)."""
    segments = {name: value.format(**seeds) for name, value in route.path.items()}
    path = build_path(route.rule, {**segments, **values})
    return f"{path}?{route.example_query}" if route.example_query else path


def valid_form(client, route: Route, seeds: dict, token: str, **kwargs) -> dict[str, str]:
    """Return a valid submission of the route's form with CSRF token `token` (and the version
    its edit page shows, where it has one)."""
    fill = {**seeds, "n": 1, "form_token": "policy", "zone": "Asia/Tokyo"}
    if "version" in route.form:
        page = client.get(example(route, seeds), **kwargs)
        fill["version"] = hidden(html(page), "version") if page.status_code == 200 else ""
    return {"csrf_token": token, **{k: v.format(**fill) for k, v in route.valid_form.items()}}


def token_of(client, signed_in: bool, base_url: str = "http://pressroom.test") -> str:
    """Return a CSRF token of the client's session from a page with a form."""
    page = client.get("/staff/settings" if signed_in else "/staff/sign-in", base_url=base_url)
    return hidden(html(page), "csrf_token")


def sign_in_over_https(client):
    """Sign in over HTTPS, where the session cookie is `__Host-session` and POSTs need a
    same-site Referer; return the response."""
    https = "https://pressroom.test"
    return client.post(
        "/staff/sign-in",
        data={"csrf_token": token_of(client, False, https), "email": EMAIL, "password": PASSWORD},
        base_url=https,
        headers={"Referer": f"{https}/staff/sign-in"},
    )


def unlisted(app) -> tuple[list[str], list[str]]:
    """Return the app's rules without a row, and the rows without a rule."""
    rules = {rule.rule for rule in app.url_map.iter_rules()}
    rows = {route.rule for route in ROUTES}
    return sorted(rules - rows), sorted(rows - rules)


def test_every_route_has_a_row(app):
    """A rule without a row (or a row without a rule) fails here: add the new route's policy."""
    rules = {rule.rule: rule for rule in app.url_map.iter_rules()}
    rows = {route.rule: route for route in ROUTES}
    assert len(rows) == len(ROUTES), "two rows for one rule"
    without_row, without_rule = unlisted(app)
    assert not without_row and not without_rule, (
        f"without a row: {without_row}; without a rule: {without_rule}"
    )
    for rule, route in rows.items():
        assert rules[rule].endpoint == route.endpoint, rule
        assert rules[rule].methods - {"HEAD", "OPTIONS"} == route.methods, rule
        assert route.frame in FRAMES and route.cache in CACHES, rule
        assert route.csp in ("base", "base+accent"), rule
        # The staff area is the only one behind the sign-in, and it is never framed or stored.
        if route.rule.startswith("/staff/"):
            assert (route.frame, route.cache) == ("none", "no-store"), rule
        assert not route.sign_in or route.rule.startswith("/staff/"), rule
        if "POST" in route.methods:
            assert "csrf_token" in route.form, rule
        assert set(route.path) == set(rules[rule].arguments), rule


def test_a_new_route_without_a_row_is_noticed(make_app):
    """The check above sees a route that someone adds and forgets to describe."""
    app = make_app()
    app.add_url_rule("/new-page", "new_page", lambda: "new")
    assert unlisted(app) == (["/new-page"], [])


def answer(client, route: Route, seeds: dict, signed_in: bool, **kwargs):
    """Send the route's example request: its GET, or a valid POST when it only takes POST."""
    url = example(route, seeds)
    if "GET" in route.methods:
        return client.get(url, buffered=True, **kwargs)
    form = valid_form(client, route, seeds, token_of(client, signed_in))
    return client.post(url, data=form, **kwargs)


#: The headers a cache hit must repeat exactly.
REPEATED = ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options",
            "Referrer-Policy", "Cache-Control", "X-Robots-Tag", "Strict-Transport-Security")


@pytest.mark.usefixtures("cheap_hashing")
@pytest.mark.parametrize("route", ROUTES, ids=ids)
def test_every_answer_carries_its_rows_headers(client, seeds, route):
    """The example answer, the same again (from the cache where cached), a 304, HTTPS, errors."""
    if route.sign_in:
        assert sign_in(client).status_code == 303
    first = answer(client, route, seeds, route.sign_in)
    assert first.status_code == route.status, first.get_data(as_text=True)[:500]
    assert security_problems(route, first, ANCESTORS) == []
    if "GET" in route.methods:
        again = client.get(example(route, seeds), buffered=True)
        assert again.status_code == route.status
        for header in REPEATED:
            assert again.headers.get(header) == first.headers.get(header), header
        if etag := first.headers.get("ETag"):
            unchanged = client.get(example(route, seeds), headers={"If-None-Match": etag},
                                   buffered=True)
            assert unchanged.status_code == 304
            assert security_problems(route, unchanged, ANCESTORS) == []
        for _ in range(2):  # over HTTPS, from the view and then from the cache
            secure = client.get(example(route, seeds), base_url="https://pressroom.test",
                                buffered=True)
            assert security_problems(route, secure, ANCESTORS, https=True) == []
    # Errors: a wrong method, and a missing row where the path names one.
    wrong = client.open(example(route, seeds), method="PUT")
    assert wrong.status_code == 405
    assert security_problems(route, wrong, ANCESTORS) == []
    for name in route.path:
        if name.endswith("_id"):
            method = "GET" if "GET" in route.methods else "POST"
            data = {"csrf_token": token_of(client, route.sign_in)} if method == "POST" else None
            missing = client.open(example(route, seeds, **{name: "999999"}), method=method,
                                  data=data)
            assert missing.status_code == 404
            assert security_problems(route, missing, ANCESTORS) == []


def test_static_files_and_unknown_addresses_carry_headers(client):
    """Static files, missing ones, and addresses no rule matches, in and out of the staff area."""
    static = next(route for route in ROUTES if route.endpoint == "static")
    for path, route, status in (
        ("/static/js/embed.js", static, 200),
        ("/static/no-such-file.css", static, 404),
        ("/static/../pressroom/config.py", UNMATCHED_SITE, 404),
        ("/no-such-page", UNMATCHED_SITE, 404),
        ("/de/", UNMATCHED_SITE, 404),
        ("/staff/no-such-page", UNMATCHED_STAFF, 404),
    ):
        response = client.get(path, buffered=True)
        assert response.status_code == status, path
        assert security_problems(route, response, ANCESTORS) == [], path


@pytest.mark.parametrize("route", [r for r in ROUTES if r.sign_in], ids=ids)
def test_staff_routes_need_signing_in(app, client, seeds, route):
    """Anonymous requests go to the sign-in page (htmx ones are told to), and write nothing."""
    url = example(route, seeds)
    with app.app_context():
        before = table_rows()
    if "GET" in route.methods:
        page = client.get(url)
        assert page.status_code == 303
        assert page.headers["Location"].startswith("/staff/sign-in?next=")
        fragment = client.get(url, headers={"HX-Request": "true"})
        assert fragment.status_code == 401
        assert fragment.headers["HX-Redirect"].startswith("/staff/sign-in")
    if "POST" in route.methods:
        posted = client.post(url, data=valid_form(client, route, seeds, token_of(client, False)))
        assert posted.status_code == 303
        assert posted.headers["Location"].startswith("/staff/sign-in")
    with app.app_context():
        assert rows_changed(before, table_rows()) == 0


#: Ways a POST can carry a token it should not.
BAD_TOKENS = (
    "missing",
    "wrong",
    "other session",
    "cross-site Origin",
    "cross-site Sec-Fetch-Site",
    "cross-site Referer over HTTPS",
)


@pytest.mark.usefixtures("cheap_hashing")
@pytest.mark.parametrize("case", BAD_TOKENS)
@pytest.mark.parametrize("route", [r for r in ROUTES if "POST" in r.methods], ids=ids)
def test_post_refuses_bad_tokens_without_writing(app, client, seeds, route, case):
    """A POST without its session's token, or from another site, is a 400 and writes nothing;
    the same POST done right then goes through (so the refusal was the token's doing)."""
    https = case.endswith("HTTPS")
    base_url = "https://pressroom.test" if https else "http://pressroom.test"
    own = {"Referer": f"{base_url}/staff/"} if https else {}
    if route.sign_in:
        signed = sign_in_over_https(client) if https else sign_in(client)
        assert signed.status_code == 303
    token = good = token_of(client, route.sign_in, base_url)
    headers = dict(own)
    if case == "wrong":
        token = good[:-4] + ("AAAA" if not good.endswith("AAAA") else "BBBB")
    elif case == "other session":
        other = app.test_client()
        if route.sign_in:
            assert sign_in(other).status_code == 303
        token = token_of(other, route.sign_in)
    elif case == "cross-site Origin":
        headers["Origin"] = "https://evil.example"
    elif case == "cross-site Sec-Fetch-Site":
        headers["Sec-Fetch-Site"] = "cross-site"
    elif https:
        headers["Referer"] = "https://evil.example/page"
    form = valid_form(client, route, seeds, token, base_url=base_url)
    if case == "missing":
        del form["csrf_token"]
    url = example(route, seeds)
    with app.app_context():
        before = table_rows()
    refused = client.post(url, data=form, headers=headers, base_url=base_url)
    assert refused.status_code == 400, refused.get_data(as_text=True)[:300]
    with app.app_context():
        assert rows_changed(before, table_rows()) == 0
    assert security_problems(route, refused, ANCESTORS, https=https) == []
    done = client.post(url, data={**form, "csrf_token": good}, headers=own, base_url=base_url)
    assert done.status_code in (200, 303), done.get_data(as_text=True)[:300]


@pytest.mark.usefixtures("cheap_hashing")
@pytest.mark.parametrize("value", OPEN_REDIRECTS)
def test_next_parameters_never_lead_off_site(app, staff_user, value):
    """Each next-like parameter, given 40 ways of naming another site, keeps visitors here: on
    the sign-in form, after signing in, and when already signed in (a redirect at once)."""
    routes = [route for route in ROUTES if route.next_params]
    assert routes, "no route has a next-like parameter"
    for route in routes:
        for name in route.next_params:
            query = "?" + urlencode({name: value})
            url = example(route, {}) + query
            visitor = app.test_client()
            form_page = visitor.get(url)
            assert form_page.status_code == 200
            action = re.search(r'<form[^>]*action="([^"]*)"', html(form_page)).group(1)
            kept = parse_qs(urlsplit(action.replace("&amp;", "&")).query).get(name, [])
            assert not any(off_site(target) for target in kept), action
            signing_in = sign_in(visitor, query=query)
            assert signing_in.status_code == 303
            assert not off_site(signing_in.headers["Location"]), signing_in.headers["Location"]
            signed_in = visitor.get(url)
            assert signed_in.status_code == 303
            assert not off_site(signed_in.headers["Location"]), signed_in.headers["Location"]
