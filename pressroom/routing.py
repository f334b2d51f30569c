"""URL converters shared by the blueprints."""

from werkzeug.routing import BaseConverter, ValidationError

from .config import LANGUAGES
from .content import MAX_ID


class LanguageConverter(BaseConverter):
    """Matches only the site's languages, so `/de/` is a plain 404."""

    regex = "|".join(LANGUAGES)


class IdConverter(BaseConverter):
    """A positive database id no larger than `MAX_ID`; larger numbers never reach a query.

    Ids are 32-bit integer columns: PostgreSQL answers a query for 2**31 with an error, so such
    a URL matches no route and is a 404 on every blueprint, staff routes included.
    """

    regex = r"[1-9][0-9]{0,9}"

    def to_python(self, value: str) -> int:
        """Convert the matched digits to an int; refuse the match above MAX_ID."""
        number = int(value)
        if number > MAX_ID:
            raise ValidationError()
        return number

    def to_url(self, value) -> str:
        """Write an id into a URL."""
        return str(int(value))


def init_app(app) -> None:
    """Register the converters."""
    app.url_map.converters["lang"] = LanguageConverter
    app.url_map.converters["id"] = IdConverter
