"""Static URLs carry a fingerprint of the file, so they may be cached for a year."""

import re

import pytest

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


#: A url() in a stylesheet, with the address inside it.
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)""")


def stylesheet_urls() -> list[tuple[str, str]]:
    """Return (stylesheet, address) for every url() in the app's own stylesheets."""
    return [
        (sheet.name, url)
        for sheet in sorted((ROOT / "static" / "css").glob("*.css"))
        for url in CSS_URL.findall(sheet.read_text())
        if not url.startswith("data:")
    ]


def test_stylesheet_urls_carry_the_file_hash():
    """A url() in a stylesheet names a file that exists, with `?v=` and that file's hash, so a
    year-long cache of it is as safe as of the links url_for writes."""
    urls = stylesheet_urls()
    assert any(url.endswith(".woff2?v=" + url.rsplit("=", 1)[-1]) for _, url in urls)
    for sheet, url in urls:
        path, _, query = url.partition("?")
        target = (ROOT / "static" / "css" / path).resolve()
        assert target.is_file(), (sheet, url)
        assert query == f"v={fingerprint(target)}", (sheet, url)


@pytest.mark.parametrize(("lang", "subsets"), [("en", {"latin"}), ("ru", {"latin", "cyrillic"})])
def test_text_face_is_preloaded_at_the_address_the_stylesheet_uses(client, lang, subsets):
    """Each page preloads the subsets its language needs, as fonts (CORS mode, WOFF2), at the very
    address fonts.css asks for: a preload under another address would be fetched twice."""
    page = client.get(f"/{lang}/").get_data(as_text=True)
    preloads = re.findall(
        r'<link rel="preload" href="/static/([^"]+)" as="font" type="font/woff2" crossorigin>',
        page,
    )
    assert {re.search(r"-5\.3\.1-(\w+)-wght-normal", p).group(1) for p in preloads} == subsets
    assert re.search(r'rel="stylesheet" href="/static/css/fonts\.css\?v=', page)
    in_css = {"vendor/" + url.removeprefix("../vendor/") for _, url in stylesheet_urls()}
    assert set(preloads) <= in_css
    # The preloads come before the stylesheets, which would otherwise ask for the fonts first.
    assert page.index('rel="preload"') < page.index('rel="stylesheet"')


def test_text_face_is_vendored_with_its_version_and_licence():
    """Every vendored font names its package version and has the licence beside it; fonts.css
    swaps (text shows at once in a fallback face) and limits each file to its script."""
    fonts = sorted((ROOT / "static" / "vendor").glob("*.woff2"))
    assert fonts
    for font in fonts:
        assert re.fullmatch(
            r"source-serif-4-5\.3\.1-[a-z-]+-wght-(normal|italic)\.woff2", font.name
        )
        assert font.read_bytes()[:4] == b"wOF2"
    licence = (ROOT / "static" / "vendor" / "source-serif-4-5.3.1.LICENSE").read_text()
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    css = (ROOT / "static" / "css" / "fonts.css").read_text()
    faces = re.findall(r"@font-face\s*\{([^}]*)\}", css)
    assert len(faces) == len(fonts)
    for face in faces:
        assert "font-display: swap;" in face and "unicode-range:" in face
    assert "U+0400-045F" in css  # the Russian alphabet, ё included
    readme = (ROOT / "static" / "vendor" / "README.md").read_text()
    assert "source-serif-4-5.3.1" in readme
