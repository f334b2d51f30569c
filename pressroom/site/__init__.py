"""The public site: home page, statement listing and statement pages in each language."""

from flask import Blueprint

bp = Blueprint("site", __name__)

# Each module registers its views on bp.
from . import (  # noqa: E402,F401
    archive,
    crawlers,
    feeds,
    search,
    views,
)
