"""Localisation: plural phrases, date and number formats, city names, the Russian catalogue."""

from datetime import date

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po
from flask import g

from pressroom import ROOT
from pressroom.i18n import city_name, date_long, day_count_phrase, number, with_preposition

CATALOGUE = ROOT / "pressroom" / "translations" / "ru" / "LC_MESSAGES" / "messages.po"


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (0, "Прошло 0 дней со дня подписания"),
        (1, "Прошёл 1 день со дня подписания"),
        (2, "Прошло 2 дня со дня подписания"),
        (5, "Прошло 5 дней со дня подписания"),
        (11, "Прошло 11 дней со дня подписания"),
        (12, "Прошло 12 дней со дня подписания"),
        (14, "Прошло 14 дней со дня подписания"),
        (21, "Прошёл 21 день со дня подписания"),
        (22, "Прошло 22 дня со дня подписания"),
        (25, "Прошло 25 дней со дня подписания"),
        (101, "Прошёл 101 день со дня подписания"),
        (111, "Прошло 111 дней со дня подписания"),
        (1002, "Прошло 1\xa0002 дня со дня подписания"),
    ],
)
def test_russian_day_phrase_agrees_with_the_number(app, days, expected):
    """A sentence starting with a capital, whose verb and noun take the plural form the number
    demands, and whose event brings its own preposition."""
    with app.test_request_context():
        g.lang = "ru"
        assert day_count_phrase(days, "со дня подписания", "до подписания", "ru") == expected


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (1, "1 day has passed since the signing"),
        (2, "2 days have passed since the signing"),
        (1002, "1,002 days have passed since the signing"),
        (-1, "1 day to go until the signing"),
        (-3, "3 days to go until the signing"),
    ],
)
def test_english_day_phrase(app, days, expected):
    """English agrees in number too, and future events count down with their own label."""
    with app.test_request_context():
        g.lang = "en"
        assert day_count_phrase(days, "since the signing", "until the signing", "en") == expected


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (-1, "Остался 1 день до подписания"),
        (-3, "Осталось 3 дня до подписания"),
        (-5, "Осталось 5 дней до подписания"),
        (-1_001, "Остался 1\xa0001 день до подписания"),
    ],
)
def test_russian_countdown(app, days, expected):
    """A future event counts down with its own agreeing sentence and its own label."""
    with app.test_request_context():
        g.lang = "ru"
        assert day_count_phrase(days, "со дня подписания", "до подписания", "ru") == expected


@pytest.mark.parametrize(
    ("lang", "days", "expected"),
    [
        ("en", 3, "3 days have passed"),
        ("en", -1, "1 day to go"),
        ("ru", 3, "Прошло 3 дня"),
        ("ru", -5, "Осталось 5 дней"),
    ],
)
def test_day_phrase_without_the_label_for_that_side(app, lang, days, expected):
    """A counter whose event lacks the form the day needs says the count alone, never the
    other side's label ("5 days to go since …")."""
    label, ahead = ("since x", "") if days < 0 else ("", "until x")
    with app.test_request_context():
        g.lang = lang
        assert day_count_phrase(days, label, ahead, lang) == expected


@pytest.mark.parametrize(
    ("label", "lang", "since", "until"),
    [
        ("смерти поэта", "ru", "со смерти поэта", "до смерти поэта"),
        ("дня гибели", "ru", "со дня гибели", "до дня гибели"),
        ("Второго съезда", "ru", "со Второго съезда", "до Второго съезда"),
        ("вступления в силу", "ru", "со вступления в силу", "до вступления в силу"),
        ("подписания", "ru", "с подписания", "до подписания"),
        ("заключения мира", "ru", "с заключения мира", "до заключения мира"),
        ("the accord", "en", "since the accord", "until the accord"),
        ("", "ru", "", ""),
    ],
)
def test_old_labels_get_their_preposition(label, lang, since, until):
    """A label stored before labels carried their preposition gets the one the old sentence
    gave it, in the form Russian needs («со смерти», not «с смерти»)."""
    assert with_preposition(label, lang, ahead=False) == since
    assert with_preposition(label, lang, ahead=True) == until


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
