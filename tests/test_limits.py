"""Request limits and trusted host names answer with localised errors, never a 500."""

import pytest
from flask import request

from pressroom.extensions import csrf

LANGS = ["en", "ru"]
TOO_LARGE = {"en": "Request too large", "ru": "Слишком большой запрос"}
BAD_REQUEST = {"en": "Bad request", "ru": "Неверный запрос"}


@pytest.fixture
def form_echo(app):
    """A view that reads a form, as every staff form does; returns the app's client."""

    @app.post("/<lang:lang>/form-echo")
    @csrf.exempt  # the limits are under test here, not the CSRF token
    def form_echo(lang):
        """Answer how many fields the form had."""
        return str(len(request.form))

    app.config.update(MAX_CONTENT_LENGTH=1000, MAX_FORM_PARTS=5)
    return app.test_client()


@pytest.mark.parametrize("lang", LANGS)
def test_a_body_over_the_limit_is_a_localised_413(form_echo, lang):
    """A form larger than MAX_CONTENT_LENGTH gets the 413 page in the URL's language."""
    response = form_echo.post(f"/{lang}/form-echo", data={"text": "x" * 2000})
    assert response.status_code == 413
    assert TOO_LARGE[lang] in response.get_data(as_text=True)


def test_a_body_within_the_limit_is_read(form_echo):
    """Forms under the limits are read as usual."""
    response = form_echo.post("/en/form-echo", data={"a": "1", "b": "2"})
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "2"


def test_too_many_form_parts_is_a_413(form_echo):
    """More fields than MAX_FORM_PARTS in a multipart form is refused, not parsed."""
    fields = {f"f{n}": "1" for n in range(20)}
    response = form_echo.post("/ru/form-echo", data=fields, content_type="multipart/form-data")
    assert response.status_code == 413
    assert TOO_LARGE["ru"] in response.get_data(as_text=True)


@pytest.fixture
def trusted(app):
    """The app answering only to press.example and its www host."""
    app.config.update(SERVER_NAME=None, TRUSTED_HOSTS=["press.example", "www.press.example"])
    return app.test_client()


@pytest.mark.parametrize("lang", LANGS)
def test_an_untrusted_host_is_a_localised_400(trusted, lang):
    """A Host header outside TRUSTED_HOSTS gets a 400 page in the URL's language, not a 500."""
    response = trusted.get(f"/{lang}/statements/", headers={"Host": "attacker.example"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert BAD_REQUEST[lang] in page
    assert f'<html lang="{lang}">' in page
    assert "attacker.example" not in page


@pytest.mark.parametrize("host", ["press.example", "www.press.example"])
def test_trusted_hosts_are_served(trusted, host):
    """The configured host names get the pages."""
    assert trusted.get("/en/", headers={"Host": host}).status_code == 200
