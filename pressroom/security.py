"""Response headers every page carries: content security policy, framing, sniffing, referrer,
and a session that costs nothing on requests that carry no session cookie."""

from flask import has_request_context, request
from flask.sessions import SecureCookieSessionInterface
from flask_wtf.csrf import CSRFError

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
#: Where the staff area lives; everything under it gets `STAFF_HEADERS`, error pages included.
STAFF_PREFIX = "/staff"
#: Staff pages are never stored by caches, never shown in a frame and never indexed.
STAFF_HEADERS = (
    ("Cache-Control", "no-store"),
    ("Content-Security-Policy", f"{BASE_POLICY}; frame-ancestors 'none'"),
    ("X-Frame-Options", "DENY"),
    ("X-Robots-Tag", "noindex"),
)
COMMON_HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
)


def add_security_headers(headers, https: bool) -> None:
    """Add the security headers unless a view set its own policy (widgets and staff do)."""
    if "Content-Security-Policy" not in headers:
        headers.extend(PAGE_HEADERS)
    if "X-Content-Type-Options" not in headers:
        headers.extend(COMMON_HEADERS)
    if https:
        headers.setdefault("Strict-Transport-Security", "max-age=31536000")


def is_staff_path(path: str) -> bool:
    """Tell whether a path belongs to the staff area (whether or not a route matched it)."""
    return path == STAFF_PREFIX or path.startswith(STAFF_PREFIX + "/")


def set_security_headers(response):
    """After each request: the staff area's policy under its prefix, then the common headers.

    Kept here rather than in the staff blueprint: a 404 or 405 under /staff/ matches no staff
    route, so the blueprint's own hooks would never see it.
    """
    if is_staff_path(request.path):
        for name, value in STAFF_HEADERS:
            response.headers[name] = value
        response.vary.add("Cookie")
    add_security_headers(response.headers, request.scheme == "https")
    return response


#: Methods that change something: they must come from this site's own pages.
UNSAFE_METHODS = frozenset(("POST", "PUT", "PATCH", "DELETE"))
#: What a browser's `Sec-Fetch-Site` says of a request this site's own page made (or the user).
OWN_SITE = frozenset(("same-origin", "none"))


def refuse_cross_site_writes() -> None:
    """Before each request that changes something: refuse it when the browser says it came
    from another site, whatever the scheme.

    The CSRF token stops forged forms; this also stops a page on another site that got hold of
    a token (the Referer check Flask-WTF makes applies to HTTPS only). Browsers send
    `Sec-Fetch-Site`, and `Origin` on every POST; clients that send neither rely on the token.
    """
    if request.method not in UNSAFE_METHODS:
        return
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site not in OWN_SITE:
        raise CSRFError("cross-site request")
    origin = request.headers.get("Origin")
    if origin is not None and origin != request.host_url.rstrip("/"):
        raise CSRFError("request from another origin")


def _https() -> bool:
    """Tell whether the current request came over HTTPS."""
    return has_request_context() and request.is_secure


class SessionInterface(SecureCookieSessionInterface):
    """The signed-cookie session, made `Secure` and `__Host-`-prefixed on HTTPS requests.

    The prefix tells browsers to accept the cookie only when it is Secure, has Path=/ and no
    Domain, so a neighbouring subdomain or a plain-HTTP page cannot plant a session.
    """

    def open_session(self, app, request):
        """Open the session from its cookie, or start an empty one without deriving the key.

        Public pages and widgets are read by visitors who never sign in: they get an empty
        session for free, and a cookie is only written if something is stored in it.
        """
        if self.get_cookie_name(app) not in request.cookies:
            return self.session_class()
        return super().open_session(app, request)

    def save_session(self, app, session, response) -> None:
        """Write nothing for an untouched empty session (every public page), without working
        out the cookie's name, path and flags first."""
        if not session and not session.modified:
            return
        super().save_session(app, session, response)

    def get_cookie_name(self, app) -> str:
        """Return `__Host-session` over HTTPS, the configured name otherwise."""
        if _https():
            return "__Host-session"
        return super().get_cookie_name(app)

    def get_cookie_secure(self, app) -> bool:
        """Mark the cookie Secure over HTTPS."""
        return _https() or super().get_cookie_secure(app)

    def get_cookie_path(self, app) -> str:
        """Use Path=/ over HTTPS, as the prefix requires."""
        if _https():
            return "/"
        return super().get_cookie_path(app)

    def get_cookie_domain(self, app) -> str | None:
        """Set no Domain over HTTPS, as the prefix requires."""
        if _https():
            return None
        return super().get_cookie_domain(app)


def init_app(app) -> None:
    """Register the header hook and the session cookie policy."""
    app.before_request(refuse_cross_site_writes)
    app.after_request(set_security_headers)
    app.session_interface = SessionInterface()
