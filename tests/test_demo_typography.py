"""The demo content is typeset: typographic apostrophes and quotes, each language its own."""

import re

import pytest

from pressroom import demo_content

#: HTML tags, whose attribute quotes are markup, not text.
TAG = re.compile(r"<[^>]*>")


def texts(value, lang=None):
    """Yield (language, text) for every string in the demo data, under its "en" or "ru" key."""
    if isinstance(value, str):
        yield lang, TAG.sub("", value)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(item, key if key in ("en", "ru") else lang)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from texts(item, lang)


ALL = list(texts([demo_content.SETTINGS, demo_content.COUNTERS, demo_content.STATEMENTS]))


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_demo_text_has_no_typewriter_quotes(lang):
    """No straight ' or " in the demo's text in either language."""
    found = [text for text_lang, text in ALL if text_lang == lang and re.search("['\"]", text)]
    assert ALL and not found


def test_english_demo_uses_curly_apostrophes_and_quotes():
    """English writes ’ for apostrophes ("Ministry’s") and “ ” for quotes, never « »."""
    english = [text for lang, text in ALL if lang == "en"]
    assert any(re.search(r"\w’s\b", text) for text in english)
    assert not [text for text in english if re.search("[«»]", text)]


def test_russian_demo_uses_guillemets():
    """Russian quotes with « » (programme and ship names), never with English “ ”."""
    russian = [text for lang, text in ALL if lang == "ru"]
    assert any("«" in text and "»" in text for text in russian)
    assert not [text for text in russian if re.search("[“”]", text)]
    for text in russian:
        assert text.count("«") == text.count("»"), text
