"""The shape of the code: each blueprint is a room with one door, and a request's language is
decided in one place per blueprint, before any view or error page speaks."""

import ast
from pathlib import Path

import pytest

from pressroom import ROOT

PACKAGE = ROOT / "pressroom"
BLUEPRINTS = ("site", "widgets", "staff", "previews")
#: The functions allowed to decide `g.lang`: one hook per blueprint, and the error pages,
#: which may answer a request no blueprint matched.
LANGUAGE_DECIDERS = {
    ("site/views.py", "pull_language"),
    ("widgets/views.py", "choose_language"),
    ("staff/views.py", "choose_language"),
    ("previews/views.py", "pull_language"),
    ("errors.py", "settle_language"),
}
#: Blueprint decorators that reach the whole app: they belong to the factory's modules.
APP_WIDE = {"app_template_global", "app_template_filter", "app_context_processor",
            "after_app_request", "before_app_request", "teardown_app_request",
            "app_errorhandler", "app_url_value_preprocessor", "app_url_defaults"}


def modules(folder: Path = PACKAGE):
    """Yield (path relative to the package, parsed module) for every module of the package."""
    for path in sorted(folder.rglob("*.py")):
        yield path.relative_to(PACKAGE).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def enclosing_functions(tree: ast.Module):
    """Yield (function name, node) for every node inside a function of the module."""
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(function):
                yield function.name, node


def test_only_the_language_hooks_set_the_language():
    """`g.lang = …` appears only in the deciders: views never change the language midway."""
    found = set()
    for name, tree in modules():
        for function, node in enclosing_functions(tree):
            targets = node.targets if isinstance(node, ast.Assign) else []
            for target in targets:
                if (
                    isinstance(target, ast.Attribute) and target.attr == "lang"
                    and isinstance(target.value, ast.Name) and target.value.id == "g"
                ):
                    found.add((name, function))
    assert found <= LANGUAGE_DECIDERS, sorted(found - LANGUAGE_DECIDERS)


@pytest.mark.parametrize("blueprint", BLUEPRINTS)
def test_a_blueprint_imports_no_other_blueprint(blueprint):
    """Shared pieces live in neutral modules (faces, templating, security), not in a view."""
    others = {f"pressroom.{b}" for b in BLUEPRINTS if b != blueprint}
    for name, tree in modules(PACKAGE / blueprint):
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                base = "pressroom" if node.level == 2 else ""
                module = ".".join(part for part in (base, node.module or "") if part)
                # `from .. import widgets` names the blueprint among the imported names.
                targets = [module, *(f"{module}.{alias.name}" for alias in node.names)]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                continue
            for target in targets:
                assert not any(target == o or target.startswith(o + ".") for o in others), (
                    f"{blueprint}/{name} imports {target}"
                )


@pytest.mark.parametrize("blueprint", BLUEPRINTS)
def test_a_blueprint_registers_nothing_app_wide(blueprint):
    """App-wide hooks, globals and handlers are registered by the factory's modules."""
    for name, tree in modules(PACKAGE / blueprint):
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in APP_WIDE:
                pytest.fail(f"{blueprint}/{name} uses {node.attr}")


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize(
    "path",
    [
        "/widgets/clock?tz=Europe/Moscow&lang={lang}",
        "/widgets/latest?lang={lang}",
        "/widgets/clock?tz=Nowhere/Atlantis&lang={lang}",  # 400 in the widget's language
        "/widgets/counter/999999?lang={lang}",  # 404 in the widget's language
        "/widgets/?lang={lang}",
    ],
)
def test_widget_pages_and_their_errors_speak_the_requested_language(client, path, lang):
    """The whole page, its error pages included, is in the widget's language."""
    page = client.get(path.format(lang=lang)).get_data(as_text=True)
    assert f'<html lang="{lang}"' in page
    # The language switcher names Russian in Russian on every page.
    cyrillic = any("а" <= ch <= "я" for ch in page.lower().replace("русский", ""))
    assert cyrillic == (lang == "ru")


def test_oembed_speaks_the_language_of_the_described_address(client):
    """The oEmbed title of a Russian widget is Russian; of an English one, English."""
    ru = client.get("/oembed", query_string={"url": "http://pressroom.test/widgets/latest?lang=ru"})
    en = client.get("/oembed", query_string={"url": "http://pressroom.test/widgets/latest?lang=en"})
    assert ru.json["title"] == "Последние заявления"
    assert en.json["title"] == "Latest statements"
