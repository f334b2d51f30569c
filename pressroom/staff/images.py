"""The statement form's photo: upload, keep across a refused submit, replace or remove.

An uploaded file is checked and its renditions made at once (pressroom/images.py); a refused
file leaves nothing anywhere. An accepted one is stored in the media storage straight away,
under its fingerprinted names, and the form carries a signed token naming it (`image_token`):
when the rest of the form is refused (422, 409), the page shows the photo as chosen and the next
submit keeps it without choosing the file again. A token is good for PENDING_HOURS.

Renditions nobody references any more (the photo was replaced or removed, the statement
deleted) are deleted after the commit that let them go, unless another statement uses the same
files. A photo uploaded with a form that is then abandoned stays in the storage, unreferenced,
until `flask media prune` (pressroom/media.py).
"""

from dataclasses import dataclass

from flask import current_app
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import or_, select
from werkzeug.datastructures import FileStorage

from ..config import LANGUAGES
from ..content import Picture, picture
from ..extensions import db
from ..media import NAME, rendition_names, storage
from ..models import Statement, StatementImage

#: How long a photo chosen with a refused submit is kept for the next one.
PENDING_HOURS = 48
SALT = "pressroom-pending-image"


@dataclass(frozen=True)
class Upload:
    """An accepted photo as the statement will keep it: the columns of StatementImage."""

    digest: str
    width: int
    height: int
    renditions: str  # JSON, as StatementImage.renditions


@dataclass
class PhotoChoice:
    """What the submit asks for the photo: "keep" it as stored, "set" `upload`, or "remove"."""

    action: str = "keep"
    upload: Upload | None = None

    def keeps_a_photo(self, statement: Statement | None) -> bool:
        """Tell whether the statement will have a photo once saved."""
        if self.action == "set":
            return True
        return self.action == "keep" and statement is not None and statement.image is not None


def _serializer() -> URLSafeTimedSerializer:
    """Return the signer of pending-photo tokens (the app's secret key)."""
    return URLSafeTimedSerializer(current_app.secret_key, salt=SALT)


def _token_of(upload: Upload) -> str:
    """Return the signed token naming an accepted upload."""
    return _serializer().dumps([upload.digest, upload.width, upload.height, upload.renditions])


def _upload_of(token: str) -> Upload | None:
    """Return the upload a token names, or None when it is forged, expired or its files gone."""
    try:
        digest, width, height, renditions = _serializer().loads(
            token, max_age=PENDING_HOURS * 3600
        )
        upload = Upload(digest, width, height, renditions)
        names = rendition_names(renditions)
    except (BadSignature, ValueError, TypeError, KeyError):
        return None
    if not all(NAME.fullmatch(n) and storage().exists(n) for n in names):
        return None
    return upload


def chosen_file(form) -> FileStorage | None:
    """Return the file sent in the form's photo field, or None when none was chosen."""
    data = form.image.data
    return data if isinstance(data, FileStorage) and data.filename else None


def receive(form, statement: Statement | None) -> PhotoChoice | None:
    """Read the photo part of a posted statement form: check and store a new file, or take the
    pending one, or the removal. Returns None (with the message on the form) when refused."""
    from .. import images

    sent = chosen_file(form)
    if sent is not None:
        limit = current_app.config["PRESSROOM_IMAGE_MAX_BYTES"]
        pixels = current_app.config["PRESSROOM_IMAGE_MAX_PIXELS"]
        # The whole file: the request's body is already held to MAX_CONTENT_LENGTH plus the
        # photo's limit (bodies.py), and the message names the file's size.
        data = sent.stream.read()
        try:
            processed = images.process(data, limit, pixels)
        except images.ImageRefused as refusal:
            form.image.errors = [*form.image.errors, str(refusal)]
            return None
        for rendition in processed.renditions:
            storage().save(rendition.name, rendition.data)
        upload = Upload(
            processed.digest, processed.width, processed.height, processed.renditions_json()
        )
        form.image_token.data = _token_of(upload)
        return PhotoChoice("set", upload)
    if form.image_token.data:
        upload = _upload_of(form.image_token.data)
        if upload is None:
            form.image_token.data = ""
            form.image.errors = [*form.image.errors, _(
                "The photo chosen earlier is no longer kept (after %(hours)s hours). "
                "Choose the file again.", hours=PENDING_HOURS,
            )]
            return None
        return PhotoChoice("set", upload)
    if form.image_remove.data:
        return PhotoChoice("remove")
    return PhotoChoice("keep")


def matches_stored(statement: Statement, choice: PhotoChoice) -> bool:
    """Tell whether the stored statement already has the photo the submit asks for (a double
    submit of the same form is no conflict; a different photo is)."""
    if choice.action == "keep":
        return True
    if choice.action == "remove":
        return statement.image is None
    return statement.image is not None and (
        statement.image.renditions == choice.upload.renditions
    )


def require_alt_text(form, choice: PhotoChoice | None, statement: Statement | None) -> bool:
    """Require the photo's text alternative in every language written; tell if all are there."""
    if choice is None or not choice.keeps_a_photo(statement):
        return True
    complete = True
    for lang in LANGUAGES:
        sub = form[lang].form
        if sub.filled and not sub.image_alt.data:
            sub.image_alt.errors = [*sub.image_alt.errors, _(
                "Describe the photo for people who cannot see it, in each language of the "
                "statement."
            )]
            complete = False
    return complete


def apply(statement: Statement, choice: PhotoChoice) -> list[str]:
    """Put the chosen photo on `statement` (new or stored); return the names of the renditions
    it let go, to `discard` after the commit."""
    before = names_of(statement.image)
    if choice.action == "set":
        upload = choice.upload
        if statement.image is None:
            statement.image = StatementImage()
        statement.image.digest = upload.digest
        statement.image.width = upload.width
        statement.image.height = upload.height
        statement.image.renditions = upload.renditions
    elif choice.action == "remove":
        statement.image = None
    return [name for name in before if name not in names_of(statement.image)]


def names_of(image: StatementImage | None) -> list[str]:
    """Return the rendition names of a stored image (none without one)."""
    return [] if image is None else sorted(rendition_names(image.renditions))


def discard(names: list[str]) -> None:
    """Delete renditions that no statement references any more (call after the commit): one
    query for the images still naming any of them."""
    if not names:
        return
    used = set()
    for renditions in db.session.scalars(
        select(StatementImage.renditions).where(
            or_(*(StatementImage.renditions.contains(f'"{name}"') for name in names))
        )
    ):
        used.update(rendition_names(renditions))
    for name in set(names) - used:
        storage().delete(name)


def shown(form, statement: Statement | None) -> dict[str, Picture | None]:
    """Return the photos the form page shows: the stored one and the one chosen, not saved;
    the file field's hint names the formats and limits."""
    from .. import images

    form.image.description = images.size_limits_text(
        current_app.config["PRESSROOM_IMAGE_MAX_BYTES"],
        current_app.config["PRESSROOM_IMAGE_MAX_PIXELS"],
    )
    stored = None
    if statement is not None and statement.image is not None:
        image = statement.image
        stored = picture(image.width, image.height, image.renditions)
    pending = None
    if form.image_token.data:
        upload = _upload_of(form.image_token.data)
        if upload is not None:
            pending = picture(upload.width, upload.height, upload.renditions)
    return {"stored": stored, "pending": pending}
