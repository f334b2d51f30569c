"""Take the README's screenshots of the front page: English and Russian, desktop and phone.

    .venv/bin/python tools/screenshots.py [--output docs/screenshots]

Builds the demo content in a throwaway SQLite database at a fixed instant (so dates, counters and
clocks come out the same on every run), serves it on a free local port, and photographs the first
screen of `/en/` and `/ru/` in Debian's Chromium through Playwright (both in the `test` extra and
the browser tests' setup) at 1280×900 and at 390×844, a phone. The PNGs are reduced to a
256-colour palette with Pillow, which keeps text sharp at a fraction of the size.
"""

import argparse
import io
import logging
import shutil
import sys
import tempfile
import threading
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pressroom import create_app, timekeeping  # noqa: E402
from pressroom.config import cache_settings  # noqa: E402
from pressroom.demo import load_demo  # noqa: E402
from pressroom.extensions import db  # noqa: E402

#: The instant the pictures show: a weekday morning in Moscow.
INSTANT = datetime(2026, 11, 27, 7, 42, 10, tzinfo=UTC)
#: Viewport sizes in CSS pixels, at one device pixel per CSS pixel.
SIZES = {"desktop": (1280, 900), "phone": (390, 844)}
LANGUAGES = ("en", "ru")


def demo_app(workdir: Path):
    """Return the app on a new SQLite database in `workdir`, with the demo content loaded."""
    timekeeping.utcnow = lambda: INSTANT
    app = create_app({
        "SECRET_KEY": "screenshots",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{workdir / 'demo.sqlite3'}",
        "PRESSROOM_STATE_FILE": str(workdir / "content-state.json"),
        "PRESSROOM_TIMEZONE": "Europe/Moscow",
        "PRESSROOM_DEFAULT_LANGUAGE": "en",
        # The process's own cache, whatever CACHE_REDIS_URL the environment holds.
        **cache_settings(None),
    })
    with app.app_context():
        db.create_all()
        load_demo(app.config["PRESSROOM_TIMEZONE"])
    return app


def optimise(png: bytes) -> bytes:
    """Return the PNG reduced to a 256-colour palette and compressed as far as Pillow goes."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    palette = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    palette.save(out, format="PNG", optimize=True)
    return out.getvalue()


def take(url: str, output: Path) -> list[Path]:
    """Photograph the front page in each language and size; return the files written."""
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=["--headless", "--no-sandbox"]
        )
        for width, height in SIZES.values():
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            # The ticking clocks read the browser's time: the same instant as the server's.
            page.clock.set_fixed_time(INSTANT)
            for lang in LANGUAGES:
                page.goto(f"{url}/{lang}/", wait_until="networkidle")
                page.evaluate("document.fonts.ready")
                path = output / f"front-{lang}-{width}.png"
                path.write_bytes(optimise(page.screenshot()))
                written.append(path)
            context.close()
        browser.close()
    return written


def main() -> int:
    """Serve the demo site, take the screenshots, print what was written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    if shutil.which("chromium") is None:
        print("Debian's chromium is needed (apt-get install chromium)", file=sys.stderr)
        return 1
    args.output.mkdir(parents=True, exist_ok=True)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request
    with tempfile.TemporaryDirectory() as workdir:
        server = make_server("127.0.0.1", 0, demo_app(Path(workdir)), threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            written = take(f"http://127.0.0.1:{server.server_port}", args.output)
        finally:
            server.shutdown()
    for path in written:
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}"
              f"  {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
