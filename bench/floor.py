"""The floor: bare Flask answering fixed bytes (Pressroom's English home page) for every path."""

import os
from pathlib import Path

from flask import Flask, Response

BODY = Path(os.environ["FLOOR_FILE"]).read_bytes()
app = Flask(__name__)


@app.get("/", defaults={"path": ""})
@app.get("/<path:path>")
def fixed(path: str) -> Response:
    """Return the fixed page."""
    return Response(BODY, mimetype="text/html")
