"""The README shows what the site looks like: front-page screenshots that exist and stay small."""

import re

import pytest
from PIL import Image

from pressroom import ROOT

SHOTS = ROOT / "docs" / "screenshots"
#: Each language at a laptop's and a phone's width (tools/screenshots.py takes them).
EXPECTED = {f"front-{lang}-{width}.png": width for lang in ("en", "ru") for width in (1280, 390)}


def readme_images() -> list[str]:
    """Return the paths of the images in the README's "What it looks like" section."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## What it looks like", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"!\[[^\]]+\]\(([^)]+)\)", section)


def test_readme_shows_the_front_page_in_both_languages_and_widths():
    """Every screenshot is in the README, with alt text, and nothing else is."""
    assert sorted(readme_images()) == sorted(f"docs/screenshots/{name}" for name in EXPECTED)


@pytest.mark.parametrize(("name", "width"), EXPECTED.items())
def test_screenshot_is_a_png_of_its_width(name, width):
    """Each file is a PNG as wide as its name says."""
    with Image.open(SHOTS / name) as image:
        assert image.format == "PNG"
        assert image.width == width


def test_screenshots_stay_small():
    """Together they weigh a few hundred KB at most (the repository is cloned with them)."""
    assert sum((SHOTS / name).stat().st_size for name in EXPECTED) < 400 * 1024
