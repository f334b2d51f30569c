"""Static URLs carry a fingerprint of the file, so they may be cached for a year."""

import re

from pressroom import ROOT
from pressroom.assets import fingerprint


def test_static_urls_carry_the_file_hash(client):
    """Every stylesheet and script link has `?v=` and the hash of the file it names."""
    page = client.get("/en/").get_data(as_text=True)
    links = re.findall(r'(?:href|src)="/static/([^"?]+)\?v=([0-9a-f]{12})"', page)
    assert {name for name, _ in links} >= {"css/site.css", "vendor/htmx-2.0.11.min.js"}
    for name, digest in links:
        assert digest == fingerprint(ROOT / "static" / name)


def test_fingerprinted_files_are_still_served(client):
    """The query string changes nothing about the file served."""
    page = client.get("/en/").get_data(as_text=True)
    url = re.search(r'href="(/static/css/site\.css\?v=[0-9a-f]+)"', page).group(1)
    response = client.get(url)
    assert response.status_code == 200
    assert response.data == (ROOT / "static" / "css" / "site.css").read_bytes()
    response.close()


def test_a_changed_file_gets_a_new_fingerprint(tmp_path):
    """The hash follows the content (a different size, so even a coarse clock sees the change)."""
    path = tmp_path / "a.css"
    path.write_text("body { color: black }")
    before = fingerprint(path)
    path.write_text("body { color: darkblue }")
    assert fingerprint(path) != before
    assert fingerprint(tmp_path / "missing.css") is None
