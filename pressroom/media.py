"""The media storage: where image renditions are kept and how their addresses are made.

A small interface (`save`, `open`, `delete`, `exists`, `url`) so a deployment with several app
hosts can put the files on shared storage: `DirectoryStorage` keeps them in a directory
(`PRESSROOM_MEDIA_DIR`, `instance/media` by default), and the `media` blueprint serves them at
`/media/<name>`; nginx serves the same directory directly (deploy/nginx/pressroom.conf).

File names are fingerprints: the SHA-256 of the file's bytes (first 32 hex digits), its width
and its extension, e.g. `3f…9a-960.webp`. A name never changes meaning, so every answer may be
kept for a year (`immutable`), and the same rendition uploaded twice is stored once.
"""

import hashlib
import os
import re
import tempfile
import time
from pathlib import Path

import click
from flask import Blueprint, Flask, abort, current_app, make_response, url_for
from flask.cli import AppGroup

#: A rendition's file name: fingerprint, width, extension. Anything else is not ours.
NAME = re.compile(r"[0-9a-f]{32}-[0-9]{1,5}\.(webp|jpg|avif)")
#: The Content-Type of each extension.
TYPES = {"webp": "image/webp", "jpg": "image/jpeg", "avif": "image/avif"}
#: Cache-Control of a rendition: its name changes with its bytes.
IMMUTABLE = "public, max-age=31536000, immutable"

bp = Blueprint("media", __name__)


def file_name(data: bytes, width: int, extension: str) -> str:
    """Return the fingerprinted name of a rendition's bytes."""
    return f"{hashlib.sha256(data).hexdigest()[:32]}-{width}.{extension}"


def matches_content(name: str, data: bytes) -> bool:
    """Tell whether `name` is a rendition name and fingerprints exactly these bytes."""
    return bool(NAME.fullmatch(name)) and name.split("-", 1)[0] == (
        hashlib.sha256(data).hexdigest()[:32]
    )


class DirectoryStorage:
    """Renditions as files in one directory; writes are atomic (a temporary file renamed)."""

    def __init__(self, root: str | os.PathLike):
        """Keep the directory; it is made on the first save."""
        self.root = Path(root)

    def _path(self, name: str) -> Path:
        """Return the file of a rendition name; refuse (ValueError) any other name."""
        if not NAME.fullmatch(name):
            raise ValueError("not a rendition name")
        return self.root / name

    def save(self, name: str, data: bytes) -> None:
        """Store `data` under `name` (a name already stored holds the same bytes: kept)."""
        path = self._path(name)
        if path.exists():
            return
        self.root.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.root, prefix=".upload-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.chmod(temporary, 0o644)  # nginx reads them
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def open(self, name: str) -> bytes | None:
        """Return a rendition's bytes, or None when it is not stored."""
        try:
            return self._path(name).read_bytes()
        except (ValueError, FileNotFoundError, IsADirectoryError):
            return None

    def exists(self, name: str) -> bool:
        """Tell whether a rendition is stored."""
        try:
            return self._path(name).is_file()
        except ValueError:
            return False

    def delete(self, name: str) -> None:
        """Remove a rendition; a name not stored is no error."""
        self._path(name).unlink(missing_ok=True)

    def age(self, name: str) -> float:
        """Return how many seconds ago a rendition was stored."""
        return time.time() - self._path(name).stat().st_mtime

    def names(self) -> list[str]:
        """Return the names of every stored rendition."""
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if NAME.fullmatch(p.name))

    def url(self, name: str, external: bool = False) -> str:
        """Return the address the public fetches a rendition from."""
        return url_for("media.image", name=name, _external=external)


def storage() -> DirectoryStorage:
    """Return the app's media storage."""
    return current_app.extensions["pressroom.media"]


@bp.get("/media/<name>")
def image(name: str):
    """One rendition, for a year: its name changes with its bytes (nginx serves these itself)."""
    if not NAME.fullmatch(name):
        abort(404)
    data = storage().open(name)
    if data is None:
        abort(404)
    response = make_response(data)
    response.headers["Content-Type"] = TYPES[name.rsplit(".", 1)[1]]
    response.headers["Cache-Control"] = IMMUTABLE
    # nosniff comes with the common headers every answer gets (security.py).
    return response


media_cli = AppGroup("media", help="The media storage of statement photos.")


@media_cli.command("prune")
@click.option("--hours", default=48, show_default=True,
              help="Keep unreferenced files younger than this: photos chosen with a form that "
                   "may still be sent (a pending photo is kept 48 hours).")
def prune_command(hours: int):
    """Delete the renditions no statement uses (photos chosen with forms never saved)."""
    from sqlalchemy import select

    from .extensions import db
    from .models import StatementImage

    used = set()
    for renditions in db.session.scalars(select(StatementImage.renditions)):
        used.update(rendition_names(renditions))
    store = storage()
    gone = [n for n in store.names() if n not in used and store.age(n) > hours * 3600]
    for name in gone:
        store.delete(name)
    click.echo(f"Deleted {len(gone)} unreferenced files; {len(store.names())} remain.")


def rendition_names(renditions: str) -> set[str]:
    """Return the file names a StatementImage.renditions document lists."""
    import json

    return {r["name"] for r in json.loads(renditions)}


def init_app(app: Flask) -> None:
    """Make the storage of `PRESSROOM_MEDIA_DIR` and register the blueprint that serves it."""
    app.extensions["pressroom.media"] = DirectoryStorage(app.config["PRESSROOM_MEDIA_DIR"])
    app.register_blueprint(bp)
    app.cli.add_command(media_cli)
    app.jinja_env.globals["media_url"] = lambda name, external=False: storage().url(
        name, external
    )
