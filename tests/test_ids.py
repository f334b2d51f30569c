"""Ids in URLs: numbers no row can have are a 404 on every route, before any query.

Ids are PostgreSQL `integer` columns: a query for 2**31 raised "integer out of range", which the
staff routes answered with a 500 (issue 10, defect 7).
"""

import re

import pytest

from pressroom import create_app

from .staff_client import csrf_token

#: The largest id a row can have, the first beyond it, and the longest the URL map accepts.
LARGEST, BEYOND, LONGEST = 2**31 - 1, 2**31, 9_999_999_999


def rule_paths(number: int) -> list[tuple[str, str]]:
    """Return (method, path) for every route with an id, and the methods it takes; ids are set
    to `number`, languages to English, other parts to a word."""
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    found = []
    for rule in app.url_map.iter_rules():
        if "<id:" not in rule.rule:
            continue
        path = re.sub(r"<id:\w+>", str(number), rule.rule)
        path = re.sub(r"<lang:\w+>", "en", path)
        path = re.sub(r"<(?:\w+:)?\w+>", "a-slug", path)
        for method in sorted(rule.methods & {"GET", "POST"}):
            found.append((method, path))
    return found


def test_every_route_with_an_id_is_listed():
    """The staff edit and delete routes are all here (a new one joins the test by itself)."""
    paths = {path for _, path in rule_paths(BEYOND)}
    assert {
        f"/staff/statements/{BEYOND}/edit",
        f"/staff/counters/{BEYOND}/edit",
        f"/staff/counters/{BEYOND}/delete",
        f"/staff/clocks/{BEYOND}/edit",
        f"/staff/clocks/{BEYOND}/delete",
        f"/widgets/counter/{BEYOND}",
        f"/en/statements/{BEYOND}/a-slug",
    } <= paths
    assert not any("<" in path for path in paths), paths


@pytest.mark.parametrize("number", [LARGEST, BEYOND, LONGEST])
def test_an_id_no_row_can_have_is_404(staff, number):
    """Signed in, GET and POST (with a valid CSRF token) of every id route answer 404."""
    token = csrf_token(staff, "/staff/")
    answers = {}
    for method, path in rule_paths(number):
        if method == "GET":
            answers[method, path] = staff.get(path).status_code
        else:
            answers[method, path] = staff.post(path, data={"csrf_token": token}).status_code
    assert {key: status for key, status in answers.items() if status != 404} == {}
