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


class YearConverter(BaseConverter):
    """A year of the archive: four ASCII digits, no leading zero (1000–9999)."""

    regex = r"[1-9][0-9]{3}"

    def to_python(self, value: str) -> int:
        """Convert the matched digits to an int."""
        return int(value)

    def to_url(self, value) -> str:
        """Write a year into a URL."""
        return f"{int(value):04d}"


class MonthConverter(BaseConverter):
    """A month of the archive: always two digits, 01–12."""

    regex = r"0[1-9]|1[0-2]"

    def to_python(self, value: str) -> int:
        """Convert the matched digits to an int."""
        return int(value)

    def to_url(self, value) -> str:
        """Write a month into a URL with its leading zero."""
        return f"{int(value):02d}"


def init_app(app) -> None:
    """Register the converters."""
    app.url_map.converters["lang"] = LanguageConverter
    app.url_map.converters["id"] = IdConverter
    app.url_map.converters["year"] = YearConverter
    app.url_map.converters["month"] = MonthConverter
