"""Fingerprinted static URLs: `url_for('static', …)` adds `?v=` and a hash of the file.

The address changes whenever the file does, so a proxy or browser may keep a static file for a
year (see deploy/nginx/pressroom.conf) and still never serve an old stylesheet after a release.
"""

import hashlib
from pathlib import Path

#: Hash per (path, modification time, size): a changed file gets a new hash without a restart.
_hashes: dict[tuple[str, int, int], str] = {}


def fingerprint(path: Path) -> str | None:
    """Return a short hash of the file's content, or None when there is no such file."""
    try:
        stat = path.stat()
    except OSError:
        return None
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _hashes:
        _hashes[key] = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    return _hashes[key]


def init_app(app) -> None:
    """Add the fingerprint to every static URL the app builds."""
    static = Path(app.static_folder).resolve()
    # Where each name leads, and whether inside the static folder: resolving a path walks it
    # with a system call per part, a page names a dozen files, and none of that changes while
    # the app runs (the file's content may: `fingerprint` checks it on every call). The names
    # come from templates and code, never from a request, so the dict stays small.
    inside: dict[str, Path | None] = {}

    def static_file(filename: str) -> Path | None:
        """Return the resolved path of a static file's name, None when it leads outside."""
        if filename not in inside:
            path = (static / filename).resolve()
            inside[filename] = path if path.is_relative_to(static) else None
        return inside[filename]

    @app.url_defaults
    def add_fingerprint(endpoint, values):
        """Give static URLs a `v` parameter that changes with the file."""
        if endpoint == "static" and "filename" in values and "v" not in values:
            path = static_file(values["filename"])
            if path is not None and (digest := fingerprint(path)):
                values["v"] = digest
