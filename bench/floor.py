"""The floor: bare Flask answering fixed bytes (Pressroom's English home page) for every path,
and, for `/<name>`, the bytes of FLOOR_DIR/<name> when that file exists (a feed's or a
sitemap's, so each is compared with a floor that sends as much)."""

import os
from pathlib import Path

from flask import Flask, Response

BODY = Path(os.environ["FLOOR_FILE"]).read_bytes()
#: Other fixed bodies by path, read once at start like BODY.
BODIES = (
    {p.name: p.read_bytes() for p in Path(os.environ["FLOOR_DIR"]).iterdir()}
    if os.environ.get("FLOOR_DIR")
    else {}
)
app = Flask(__name__)


@app.get("/", defaults={"path": ""})
@app.get("/<path:path>")
def fixed(path: str) -> Response:
    """Return the fixed page, or the fixed body named by the path."""
    return Response(BODIES.get(path, BODY), mimetype="text/html")
