"""The public site: home page, statement listing and statement pages in each language."""

from flask import Blueprint

bp = Blueprint("site", __name__)

from . import search, views  # noqa: E402,F401  (views register themselves on bp)
