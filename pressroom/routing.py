"""URL converters shared by the blueprints."""

from werkzeug.routing import BaseConverter

from .config import LANGUAGES


class LanguageConverter(BaseConverter):
    """Matches only the site's languages, so `/de/` is a plain 404."""

    regex = "|".join(LANGUAGES)


class IdConverter(BaseConverter):
    """A positive database id of at most ten digits; longer numbers never reach a query."""

    regex = r"[1-9][0-9]{0,9}"

    def to_python(self, value: str) -> int:
        """Convert the matched digits to an int."""
        return int(value)

    def to_url(self, value) -> str:
        """Write an id into a URL."""
        return str(int(value))


def init_app(app) -> None:
    """Register the converters."""
    app.url_map.converters["lang"] = LanguageConverter
    app.url_map.converters["id"] = IdConverter
