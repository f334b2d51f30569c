"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py wsgi:app`.

Every value can be changed from the environment (see the configuration table in README.md).
"""

import os
import sys

# The app reads PRESSROOM_ENV when a worker imports it: under gunicorn it is production, which
# refuses to start without a SECRET_KEY of 32 bytes or more, or with FLASK_DEBUG on.
os.environ.setdefault("PRESSROOM_ENV", "production")

bind = os.environ.get("PRESSROOM_BIND", "127.0.0.1:8000")
# Sync workers: each request holds one worker, so the count bounds concurrency. Pages are
# cached, so 2 × cores + 1 is a good start; WEB_CONCURRENCY overrides it.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1) + 1))
worker_class = "sync"
# A worker stuck longer than this is killed and replaced; no page should take a second.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
# nginx keeps connections to the app open briefly between requests.
keepalive = 5
# Recycling workers costs a fresh import (a latency spike of half a second) and no leak calls for
# it; set GUNICORN_MAX_REQUESTS to recycle anyway.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 0))
max_requests_jitter = max_requests // 10
# GUNICORN_PRELOAD=1 loads the app once in the master and forks the workers from it, after
# loading there what each worker would load first (pressroom/preforking.py): the workers share
# those pages, so the summed PSS falls (126 MiB against 137 for master + 2 workers in
# bench/notes.md), but each process's RSS counts the shared pages again (215 against 173). Off by
# default: with it, a HUP (`systemctl reload`) starts workers with the code the master loaded, so
# a new release needs a restart instead.
preload_app = os.environ.get("GUNICORN_PRELOAD", "") == "1"

# Header limits. The app itself refuses a request line over LIMIT_REQUEST_LINE (414) and more than
# LIMIT_REQUEST_FIELDS header fields or one over LIMIT_REQUEST_FIELD_SIZE (431), with its localised
# page and the route's headers (pressroom/headerlimits.py). gunicorn's own limits, whose refusals
# are a bare English page without security headers, stay above them as a backstop: the longest
# request line gunicorn takes (8190), and twice the app's field limits.
limit_request_line = 8190
limit_request_fields = 2 * int(os.environ.get("LIMIT_REQUEST_FIELDS") or 50)
limit_request_field_size = 2 * int(os.environ.get("LIMIT_REQUEST_FIELD_SIZE") or 8190)

# Access and error logs on stdout/stderr, where systemd's journal picks them up.
accesslog = "-"
errorlog = "-"
# The control socket (gunicorn 24+) sits at one path per user, which two instances on one host
# would share; systemd's signals do all this deployment needs.
control_socket_disable = True


def when_ready(server):
    """With preload_app: load in the master what every worker loads first, then freeze it (the
    workers forked from it inherit both)."""
    if server.cfg.preload_app:
        from pressroom.preforking import warm

        warm(server.app.wsgi())


def post_fork(server, worker):
    """With preload_app: give the new worker its own database connections."""
    if server.cfg.preload_app:
        from pressroom.preforking import after_fork

        after_fork(server.app.wsgi())


def post_worker_init(worker):
    """Without preload_app: once the worker has loaded the app, load what its first requests
    would and freeze the heap, so the collector's full passes skip the start-up objects (about
    110,000: each such pass took 60–80 ms, one request in a few hundred paying for it)."""
    # gunicorn.conf.py serves other apps too (the benchmark's floor): Pressroom's only, and
    # without importing it into a process that serves another.
    pressroom = sys.modules.get("pressroom")
    if not worker.cfg.preload_app and pressroom and isinstance(worker.wsgi, pressroom.Pressroom):
        from pressroom.preforking import warm

        warm(worker.wsgi)
