"""Preview links: a statement's saved text for someone not signed in (pressroom/drafts.py)."""

from flask import Blueprint

from ..drafts import PREVIEW_PREFIX

bp = Blueprint("previews", __name__, url_prefix=PREVIEW_PREFIX)

from . import views  # noqa: E402,F401  (views register themselves on bp)
