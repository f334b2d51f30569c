"""Response headers every page carries: content security policy, framing, sniffing, referrer."""

from flask import request

#: Everything comes from this site; nothing is loaded from another host.
BASE_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)


def set_security_headers(response):
    """Add the security headers; widget views set their own `frame-ancestors` first."""
    headers = response.headers
    if "Content-Security-Policy" not in headers:
        headers["Content-Security-Policy"] = f"{BASE_POLICY}; frame-ancestors 'self'"
        headers.setdefault("X-Frame-Options", "SAMEORIGIN")
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    if request.is_secure:
        headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    return response


def init_app(app) -> None:
    """Register the header hook."""
    app.after_request(set_security_headers)
