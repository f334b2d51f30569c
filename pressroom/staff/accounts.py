"""Staff accounts: password hashing, creation, sign-in checks and the session loader."""

import hmac
import unicodedata
from functools import lru_cache

from sqlalchemy import select

from ..extensions import db
from ..models import ROLES, StaffUser

MIN_PASSWORD_LENGTH = 8
#: Long enough for any passphrase; the cap only keeps hashing from being used to burn CPU.
MAX_PASSWORD_LENGTH = 1024
MAX_EMAIL_LENGTH = 254
#: How many of the most common passwords are refused (as NIST SP 800-63B asks: new passwords
#: are checked against values known from breaches, with no composition rules).
COMMON_PASSWORDS = 10_000


def __getattr__(name: str):
    """Make `hasher` on first use: argon2 is loaded only by processes that hash a password
    (sign-in, account commands), never by a worker that only serves readers."""
    if name != "hasher":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from argon2 import PasswordHasher

    # argon2id with the RFC 9106 "low memory" parameters: 64 MiB, 3 passes, 4 lanes.
    globals()["hasher"] = PasswordHasher()
    return globals()["hasher"]


def _hasher():
    """Return the module's password hasher (tests may replace `hasher`)."""
    return globals().get("hasher") or __getattr__("hasher")


def _hash_errors() -> tuple[type[Exception], ...]:
    """Return argon2's exceptions for a password that does not match or a malformed hash."""
    from argon2.exceptions import InvalidHashError, VerificationError

    return VerificationError, InvalidHashError


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """Return a hash to verify when the email is unknown, so both failures take the same time.

    Made on first use, not at import: hashing takes 64 MiB for a moment, in every process.
    """
    return _hasher().hash("a password nobody has")


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """Return the 10,000 most common passwords, in lower case.

    The list ships with zxcvbn: the most frequent passwords of a corpus of ten million leaked
    ones, most common first. It is imported here, on first use, and only `staff create` and
    other password-setting code call this: web workers never load its 0.8 MB.
    """
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    ranked = FREQUENCY_LISTS["passwords"]
    if len(ranked) < COMMON_PASSWORDS:
        raise RuntimeError(f"zxcvbn's password list has {len(ranked)} entries, not 10,000")
    return frozenset(word.lower() for word in ranked[:COMMON_PASSWORDS])


class AccountError(ValueError):
    """An email, password or role that cannot be used for an account.

    `code` names the rule for forms that say it in the page's language (`forms.PASSWORD_RULES`);
    the text is the command line's.
    """

    def __init__(self, message: str, code: str = ""):
        super().__init__(message)
        self.code = code


def normalize_email(email: str) -> str:
    """Return the form an email is stored and compared in: trimmed, NFKC and case-folded.

    NFKC makes look-alike spellings one (full-width letters, ligatures, the Kelvin sign), so
    they cannot make a second account for the same address; folding can leave a string that
    NFKC changes again, hence the second pass (Unicode's NFKC_Casefold, near enough).
    """
    once = unicodedata.normalize("NFKC", email.strip())
    return unicodedata.normalize("NFKC", once.casefold())


def check_email(email: str) -> str:
    """Return the normalised email, or raise AccountError when it cannot be an address."""
    email = normalize_email(email)
    local, at, domain = email.rpartition("@")
    if not (at and local and "." in domain) or len(email) > MAX_EMAIL_LENGTH:
        raise AccountError("not an email address")
    if any(c.isspace() or unicodedata.category(c) in ("Cc", "Cf") for c in email):
        # Cf: zero-width and direction marks would make an address that looks like another.
        raise AccountError("an email address has no spaces, control or invisible characters")
    return email


def check_password(password: str) -> None:
    """Raise AccountError when a password is too short, too long or too common.

    No composition rules: length and the list of common passwords are what make a difference.
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"a password has at least {MIN_PASSWORD_LENGTH} characters", "short")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise AccountError(f"a password has at most {MAX_PASSWORD_LENGTH} characters", "long")
    if "\x00" in password:
        raise AccountError("a password cannot contain a NUL character", "nul")
    if password.lower() in common_passwords():
        raise AccountError(
            "this password is one of the 10,000 most common passwords, the first ones an "
            "attacker tries; choose another (a few unrelated words make a good one)",
            "common",
        )


def check_role(role: str) -> str:
    """Return `role` when it is one of ROLES, else raise AccountError."""
    if role not in ROLES:
        raise AccountError(f"a role is one of: {', '.join(ROLES)}")
    return role


def find(email: str) -> StaffUser | None:
    """Return the account with this email (compared case-folded), or None."""
    return db.session.scalar(select(StaffUser).where(StaffUser.email == normalize_email(email)))


def create(email: str, password: str, role: str = "editor") -> StaffUser:
    """Create an active account; raise AccountError for a bad or already used email/password.

    The role defaults to editor, as `staff create` always made accounts that could do
    everything.
    """
    email = check_email(email)
    check_password(password)
    check_role(role)
    if find(email) is not None:
        raise AccountError("an account with this email already exists")
    user = StaffUser(email=email, password_hash=_hasher().hash(password), role=role)
    db.session.add(user)
    db.session.commit()
    return user


def authenticate(email: str, password: str) -> StaffUser | None:
    """Return the active account these credentials belong to, or None.

    Unknown email, wrong password and deactivated account all return None after the same work.
    """
    user = find(email) if len(email) <= MAX_EMAIL_LENGTH else None
    if len(password) > MAX_PASSWORD_LENGTH:
        return None
    hasher = _hasher()
    try:
        hasher.verify(user.password_hash if user else _dummy_hash(), password)
    except _hash_errors():
        return None
    if user is None or not user.active:
        return None
    if hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hasher.hash(password)
    return user


def password_matches(user: StaffUser, password: str) -> bool:
    """Tell whether `password` is the account's current one."""
    if len(password) > MAX_PASSWORD_LENGTH:
        return False
    try:
        return _hasher().verify(user.password_hash, password)
    except _hash_errors():
        return False


def set_password(user: StaffUser, password: str) -> None:
    """Give the account a new password (checked) and end all its sessions; the caller commits
    and, to stay signed in, signs in again with the new session token."""
    check_password(password)
    user.password_hash = _hasher().hash(password)
    user.end_sessions()


def set_role(user: StaffUser, role: str) -> None:
    """Give the account `role` (the caller commits)."""
    user.role = check_role(role)


def deactivate(user: StaffUser) -> None:
    """Deactivate an account and end all its sessions."""
    user.active = False
    user.end_sessions()
    db.session.commit()


def load_user(session_id: str) -> StaffUser | None:
    """Flask-Login loader: the active account whose id and current session token match."""
    row_id, _, token = session_id.partition(":")
    if not (row_id.isascii() and row_id.isdigit()) or not token or len(row_id) > 10:
        return None
    user = db.session.get(StaffUser, int(row_id))
    if user is None or not user.active:
        return None
    # A constant-time comparison: the token is a credential.
    if not hmac.compare_digest(user.session_token.encode(), token.encode()):
        return None
    return user
