"""WSGI entry point: `flask --app wsgi …`, `gunicorn wsgi:app`."""

from pressroom import create_app

app = create_app()
