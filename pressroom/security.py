"""Response headers every page carries: content security policy, framing, sniffing, referrer,
and a session that costs nothing on requests that carry no session cookie."""

from flask import request
from flask.sessions import SecureCookieSessionInterface

#: Everything comes from this site; nothing is loaded from another host.
BASE_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)
#: Headers of every page that does not set its own policy (widgets do, to allow framing).
PAGE_HEADERS = (
    ("Content-Security-Policy", f"{BASE_POLICY}; frame-ancestors 'self'"),
    ("X-Frame-Options", "SAMEORIGIN"),
)
COMMON_HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
)


def set_security_headers(response):
    """Add the security headers; widget and staff views set their own policy first."""
    headers = response.headers
    if "Content-Security-Policy" not in headers:
        headers.extend(PAGE_HEADERS)
    if "X-Content-Type-Options" not in headers:
        headers.extend(COMMON_HEADERS)
    if request.scheme == "https":
        headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    return response


class LazySessionInterface(SecureCookieSessionInterface):
    """Cookie sessions that skip key derivation when the request brings no session cookie.

    Public pages and widgets are read by visitors who never sign in; they get an empty session
    for free, and a cookie is only ever written if something is stored in it.
    """

    def open_session(self, app, request):
        """Open the session from its cookie, or start an empty one without touching the key."""
        if self.get_cookie_name(app) not in request.cookies:
            return self.session_class()
        return super().open_session(app, request)


def init_app(app) -> None:
    """Register the header hook and the session interface."""
    app.session_interface = LazySessionInterface()
    app.after_request(set_security_headers)
