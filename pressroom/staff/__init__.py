"""The staff area: sign-in and the forms that edit statements, counters, clocks and settings."""

from flask import Blueprint

from ..security import STAFF_PREFIX

bp = Blueprint("staff", __name__, url_prefix=STAFF_PREFIX)

from . import (  # noqa: E402,F401  (views register themselves on bp)
    account_views,
    history,
    preview_views,
    views,
    withdrawal,
)
