"""Make the share image link previews show: 1200×630 PNG with the site's name.

    .venv/bin/python tools/share_image.py [--title "Name"]... [--output static/img/share.png]

Without `--title` the image carries the site's default name in both languages. A site with a
name of its own makes its image with one `--title` per line (each language, say) and commits it
in place of `static/img/share.png`; static URLs carry a hash of the file, so link previews fetch
the new image. Needs Pillow (in the `test` extra) and, for Cyrillic, a DejaVu font
(Debian's fonts-dejavu-core); without that font the text is drawn in Pillow's own font.
"""

import argparse
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pressroom.site.metadata import SHARE_IMAGE, SHARE_IMAGE_SIZE  # noqa: E402

#: The site's default name in each language (the catalogue's "Press statements").
DEFAULT_TITLES = ("Press statements", "Заявления для прессы")
#: Colours of the site (static/css/site.css): accent background, white ink.
BACKGROUND = (11, 79, 138)
INK = (255, 255, 255)
RULE = (240, 165, 0)
FONTS = {
    True: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    False: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
}
MARGIN = 80


def font(size: int, bold: bool) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Return DejaVu Sans (bold or not) at `size`, or Pillow's own font without DejaVu."""
    if Path(FONTS[bold]).exists():
        return ImageFont.truetype(FONTS[bold], size)
    return ImageFont.load_default(size)


def fitted(draw: ImageDraw.ImageDraw, text: str, width: int, largest: int, bold: bool):
    """Return the largest font, down from `largest`, in which `text` fits in `width` pixels."""
    size = largest
    while size > 24 and draw.textlength(text, font=font(size, bold)) > width:
        size -= 2
    return font(size, bold)


def make(titles: list[str], output: Path) -> Path:
    """Draw the image with one line per title and save it as PNG at `output`."""
    width, height = SHARE_IMAGE_SIZE
    image = Image.new("RGB", (width, height), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((MARGIN, MARGIN, MARGIN + 120, MARGIN + 12), fill=RULE)
    # The first line large and bold, the others (the name in other languages) smaller.
    fonts = [
        fitted(draw, title, width - 2 * MARGIN, 84 if i == 0 else 60, bold=i == 0)
        for i, title in enumerate(titles)
    ]
    heights = [f.getbbox("Ag")[3] for f in fonts]
    gap = 28
    y = height - MARGIN - sum(heights) - gap * (len(titles) - 1)
    for title, f, h in zip(titles, fonts, heights, strict=True):
        draw.text((MARGIN, y), title, font=f, fill=INK)
        y += h + gap
    output.parent.mkdir(parents=True, exist_ok=True)
    image.save(output, "PNG", optimize=True)
    return output


def main(argv: list[str] | None = None) -> None:
    """Parse the command line and make the image."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--title", action="append", help="a line of the site's name (repeat)")
    parser.add_argument("--output", type=Path, default=ROOT / "static" / SHARE_IMAGE)
    args = parser.parse_args(argv)
    print(make(args.title or list(DEFAULT_TITLES), args.output))


if __name__ == "__main__":
    main()
