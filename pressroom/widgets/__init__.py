"""Embeddable widgets: city clocks, day counters and the latest statements, plus oEmbed."""

from flask import Blueprint

# Routes carry their full paths: the widgets live under /widgets/, oEmbed at /oembed.
bp = Blueprint("widgets", __name__)

from . import (
    embedding,  # noqa: E402,F401
    views,  # noqa: E402,F401  (views register themselves on bp)
)
