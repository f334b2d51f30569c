"""Localisation: plural phrases, date and number formats, city names, the Russian catalogue."""

from datetime import date

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po
from flask import g

from pressroom import ROOT
from pressroom.i18n import city_name, date_long, day_count_phrase, number

CATALOGUE = ROOT / "pressroom" / "translations" / "ru" / "LC_MESSAGES" / "messages.po"


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (1, "прошёл 1 день с подписания"),
        (2, "прошло 2 дня с подписания"),
        (5, "прошло 5 дней с подписания"),
        (11, "прошло 11 дней с подписания"),
        (12, "прошло 12 дней с подписания"),
        (14, "прошло 14 дней с подписания"),
        (21, "прошёл 21 день с подписания"),
        (22, "прошло 22 дня с подписания"),
        (25, "прошло 25 дней с подписания"),
        (101, "прошёл 101 день с подписания"),
        (111, "прошло 111 дней с подписания"),
        (1002, "прошло 1\xa0002 дня с подписания"),
    ],
)
def test_russian_day_phrase_agrees_with_the_number(app, days, expected):
    """The verb and the noun both take the plural form the number demands."""
    with app.test_request_context():
        g.lang = "ru"
        assert day_count_phrase(days, "подписания", "ru") == expected


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (1, "1 day has passed since the signing"),
        (2, "2 days have passed since the signing"),
        (1002, "1,002 days have passed since the signing"),
        (-1, "1 day remains until the signing"),
        (-3, "3 days remain until the signing"),
    ],
)
def test_english_day_phrase(app, days, expected):
    """English agrees in number too, and future events count down."""
    with app.test_request_context():
        g.lang = "en"
        assert day_count_phrase(days, "the signing", "en") == expected


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (-1, "до подписания остался 1 день"),
        (-3, "до подписания осталось 3 дня"),
        (-5, "до подписания осталось 5 дней"),
    ],
)
def test_russian_countdown(app, days, expected):
    """A future event counts down with its own agreeing phrase."""
    with app.test_request_context():
        g.lang = "ru"
        assert day_count_phrase(days, "подписания", "ru") == expected


def test_long_dates_in_each_language():
    """Dates read as each language writes them in prose."""
    assert date_long(date(2020, 7, 4), "en") == "4 July 2020"
    assert date_long(date(2020, 7, 4), "ru") == "4 июля 2020\u202fг."


def test_numbers_are_grouped_per_language():
    """English groups with commas, Russian with a no-break space."""
    assert number(1002, "en") == "1,002"
    assert number(1002, "ru") == "1\xa0002"


def test_city_names_come_from_cldr():
    """City names are CLDR's, in each language."""
    assert city_name("Europe/Moscow", "en") == "Moscow"
    assert city_name("Europe/Moscow", "ru") == "Москва"
    assert city_name("Europe/London", "ru") == "Лондон"


def test_russian_catalogue_is_complete():
    """Every message has a Russian translation, none fuzzy."""
    with CATALOGUE.open("rb") as f:
        catalogue = read_po(f, locale="ru")
    untranslated = [
        m.id
        for m in catalogue
        if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string)
    ]
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert untranslated == []
    assert fuzzy == []
    assert not catalogue.fuzzy


def test_russian_catalogue_is_up_to_date(tmp_path):
    """The catalogue holds exactly the messages the code and templates use now."""
    pot = tmp_path / "messages.pot"
    CommandLineInterface().run(
        [
            "pybabel",
            "-q",
            "extract",
            "-F",
            str(ROOT / "babel.cfg"),
            "-k",
            "_l",
            "-o",
            str(pot),
            str(ROOT / "pressroom"),
            str(ROOT / "templates"),
        ]
    )
    with pot.open("rb") as f:
        extracted = {m.id for m in read_po(f) if m.id}
    with CATALOGUE.open("rb") as f:
        translated = {m.id for m in read_po(f, locale="ru") if m.id}
    assert sorted(map(str, extracted - translated)) == [], "run: flask --app wsgi translate update"
    assert sorted(map(str, translated - extracted)) == [], "obsolete entries in the catalogue"
