"""Request bodies: MAX_CONTENT_LENGTH and MAX_FORM_MEMORY_SIZE hold for every body and form.

Werkzeug leaves two gaps this closes. A chunked body (no Content-Length) is read up to
MAX_CONTENT_LENGTH and then simply ends, so a larger one reached the views cut short and was
refused as an invalid form (422) instead of too large (413). And MAX_FORM_MEMORY_SIZE applies only
to multipart forms, not to urlencoded ones, which is how browsers send every form of this site.
"""

import re

from flask import Request, current_app
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.formparser import FormDataParser
from werkzeug.utils import cached_property
from werkzeug.wsgi import LimitedStream

URLENCODED = "application/x-www-form-urlencoded"
#: The forms that may carry a statement's photo: their bodies may be larger by
#: PRESSROOM_IMAGE_MAX_BYTES (pressroom/images.py; nginx allows the same in deploy/).
UPLOAD_PATHS = re.compile(r"/staff/statements/(?:new|[0-9]+/edit|preview)")


class BoundedStream(LimitedStream):
    """A body of unannounced length held to `maximum` bytes: one byte more is a 413.

    It reads up to one byte past the maximum, which tells a body that fits exactly from one
    that goes on.
    """

    def __init__(self, stream, maximum: int):
        super().__init__(stream, maximum + 1, is_max=True)
        self.maximum = maximum

    def readinto(self, buffer) -> int | None:
        """Read like LimitedStream; refuse the body as soon as it is longer than the maximum."""
        count = super().readinto(buffer)
        if self.tell() > self.maximum:
            raise RequestEntityTooLarge()
        return count


class FormParser(FormDataParser):
    """Werkzeug's form parser, holding urlencoded fields to MAX_FORM_MEMORY_SIZE too."""

    def parse(self, stream, mimetype, content_length, options=None):
        """Parse the form; refuse an urlencoded field larger than the limit, in UTF-8 bytes."""
        result = super().parse(stream, mimetype, content_length, options)
        limit = self.max_form_memory_size
        if mimetype == URLENCODED and limit is not None:
            for _name, value in result[1].items(multi=True):
                if len(value.encode("utf-8", "replace")) > limit:
                    raise RequestEntityTooLarge()
        return result


class BoundedRequest(Request):
    """Flask's request, whose body and form fields are held to the configured limits."""

    form_data_parser_class = FormParser

    @property
    def max_content_length(self) -> int | None:
        """MAX_CONTENT_LENGTH, plus the largest photo for a form that may carry one."""
        limit = super().max_content_length
        if limit is not None and self.method == "POST" and UPLOAD_PATHS.fullmatch(self.path):
            return limit + current_app.config["PRESSROOM_IMAGE_MAX_BYTES"]
        return limit

    @cached_property
    def stream(self):
        """The body, limited as Werkzeug limits it, except that a chunked body past
        MAX_CONTENT_LENGTH is refused rather than cut."""
        limit = self.max_content_length
        chunked = self.content_length is None and "wsgi.input_terminated" in self.environ
        if chunked and limit is not None and not self.shallow:
            return BoundedStream(self.environ["wsgi.input"], limit)
        return super().stream


def init_app(app) -> None:
    """Make every request of the app a BoundedRequest."""
    app.request_class = BoundedRequest
