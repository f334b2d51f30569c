"""Embeddable widgets: city clocks, day counters and the latest statements."""

from flask import Blueprint

bp = Blueprint("widgets", __name__, url_prefix="/widgets")
