"""Start-up of a served process: what its first requests would load, loaded first, then frozen.

Every gunicorn worker (gunicorn.conf.py) calls `warm` once it has loaded the app: the locale
data, catalogues and public templates are loaded, and `gc.freeze()` takes everything there is
then out of the collector's passes, so a full pass no longer walks the start-up heap.

With gunicorn's `preload_app` (GUNICORN_PRELOAD=1) the master does this instead, before
forking: the workers share those pages with the master instead of each holding a copy. Nothing
here touches the database or the cache: the master opens no connection and holds no socket a
worker could inherit, so `after_fork` has only the pool to make sure of.
"""

import gc

from babel import Locale
from flask import Flask
from flask_babel import force_locale, get_translations

from .extensions import db
from .i18n import BABEL_LOCALES

#: Templates only the staff area renders: a worker that serves readers never compiles them.
STAFF_TEMPLATES = ("staff/", "previews/")


def warm(app: Flask) -> None:
    """Load the locale data, the catalogues and the public templates, then freeze the heap.

    Babel's data for a locale (its month names, formats and plural rules, loaded whole on first
    use) is most of what a worker's first page adds to it. Frozen objects are left out of the
    collector's passes, which would otherwise write to every object and so copy its page.
    """
    for name in BABEL_LOCALES.values():
        Locale.parse(name).date_formats  # noqa: B018  (loads the locale's data)
        with app.test_request_context(), force_locale(name):
            get_translations()
    for template in app.jinja_env.list_templates():
        if not template.startswith(STAFF_TEMPLATES):
            app.jinja_env.get_template(template)
    gc.collect()
    gc.freeze()


def after_fork(app: Flask) -> None:
    """In a new worker: drop any pooled database connection the master made, without closing
    it (the socket would be the master's too), so this process opens its own."""
    with app.app_context():
        db.engine.dispose(close=False)
