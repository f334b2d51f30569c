"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py wsgi:app`.

Every value can be changed from the environment (see the configuration table in README.md).
"""

import os

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

# Header limits: the request line (method, path and query), the number of header fields and the
# size of each. A longer line gets 414, too many or too large fields 400 (431 from gunicorn 24),
# before the app runs.
limit_request_line = int(os.environ.get("LIMIT_REQUEST_LINE", 4094))
limit_request_fields = int(os.environ.get("LIMIT_REQUEST_FIELDS", 50))
limit_request_field_size = int(os.environ.get("LIMIT_REQUEST_FIELD_SIZE", 8190))

# Access and error logs on stdout/stderr, where systemd's journal picks them up.
accesslog = "-"
errorlog = "-"
# The control socket (gunicorn 24+) sits at one path per user, which two instances on one host
# would share; systemd's signals do all this deployment needs.
control_socket_disable = True


def when_ready(server):
    """With preload_app: load in the master what every worker loads first, then freeze it."""
    if server.cfg.preload_app:
        from pressroom.preforking import warm

        warm(server.app.wsgi())


def post_fork(server, worker):
    """With preload_app: give the new worker its own database connections."""
    if server.cfg.preload_app:
        from pressroom.preforking import after_fork

        after_fork(server.app.wsgi())
