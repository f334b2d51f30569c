"""Staff sessions' time limits: an idle limit and an absolute one, kept in the signed session.

Sign-in stores when it happened; every staff request stores when it was made. Both live in the
session cookie, which the server signs, so neither can be moved by the browser, and a copied
cookie expires like the original. The times come from `timekeeping.utcnow`, which tests freeze.
"""

from datetime import timedelta

from flask_babel import gettext as _
from flask_babel import ngettext

from .. import timekeeping

#: Session keys: when the account signed in, when it last made a staff request (epoch seconds).
SIGNED_IN_AT, SEEN_AT = "signed_in_at", "seen_at"
#: Why a session ended: too long without a request, or too long since sign-in.
IDLE, TOO_OLD = "idle", "too-old"


def _now() -> int:
    """Return the current instant in whole seconds since the epoch."""
    return int(timekeeping.utcnow().timestamp())


def start(session) -> None:
    """Record a sign-in, at the current instant."""
    session[SIGNED_IN_AT] = session[SEEN_AT] = _now()


def touch(session) -> None:
    """Record a staff request, at the current instant."""
    session[SEEN_AT] = _now()


def ended(session, config) -> str | None:
    """Return why the signed-in session in `session` has ended (IDLE, TOO_OLD), or None.

    A session without the times (signed in before they were kept) counts as too old.
    """
    signed_in_at, seen_at = session.get(SIGNED_IN_AT), session.get(SEEN_AT)
    if not isinstance(signed_in_at, int) or not isinstance(seen_at, int):
        return TOO_OLD
    now = _now()
    if now - signed_in_at > timedelta(hours=config["PRESSROOM_SESSION_MAX_HOURS"]).total_seconds():
        return TOO_OLD
    idle = timedelta(minutes=config["PRESSROOM_SESSION_IDLE_MINUTES"]).total_seconds()
    if now - seen_at > idle:
        return IDLE
    return None


def end(session) -> None:
    """Forget the session's times (the caller signs the account out)."""
    session.pop(SIGNED_IN_AT, None)
    session.pop(SEEN_AT, None)


def message(reason: str, config) -> str:
    """Return what the sign-in page says about a session that ended for `reason`."""
    if reason == IDLE:
        minutes = config["PRESSROOM_SESSION_IDLE_MINUTES"]
        # I18N: the staff area's sign-in page, after a session ended for inactivity.
        # %(num)s is a number of minutes (Russian: genitive after «после»).
        return ngettext(
            "Your session has ended after %(num)s minute without activity. Please sign in again.",
            "Your session has ended after %(num)s minutes without activity. Please sign in again.",
            minutes,
        )
    hours = config["PRESSROOM_SESSION_MAX_HOURS"]
    # I18N: the sign-in page, after a session reached its longest allowed life.
    # %(num)s is a number of hours (Russian: genitive after «дольше»).
    return ngettext(
        "Your session has ended: a session lasts at most %(num)s hour. Please sign in again.",
        "Your session has ended: a session lasts at most %(num)s hours. Please sign in again.",
        hours,
    )


def unsaved_message() -> str:
    """Return what the sign-in page says when the request that found the session ended was a
    form being sent."""
    return _("Nothing you sent was saved. What you typed is below: copy it, sign in, and send it "
             "again.")
