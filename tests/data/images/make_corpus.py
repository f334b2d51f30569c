"""Make the image corpus of tests/test_images.py: photos the site takes and files it refuses.

Run from the repository: `.venv/bin/python tests/data/images/make_corpus.py`. Everything is
drawn here (no photo from elsewhere); the output is the same on every run, so the committed
files change only when this script does. The tests expect the limits they set themselves:
150,000 bytes and 4 megapixels.
"""

import io
import random
import struct
import zipfile
import zlib
from pathlib import Path

from PIL import Image, ImageDraw, features

HERE = Path(__file__).resolve().parent


def picture(width: int, height: int, mode: str = "RGB") -> Image.Image:
    """Draw a smooth scene: a sky gradient, a hill and a sun (compresses well, looks like one)."""
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        shade = int(200 * y / height)
        draw.line([(0, y), (width, y)], fill=(40 + shade // 4, 90 + shade // 3, 200 - shade // 3))
    draw.ellipse([width * 0.7, height * 0.1, width * 0.85, height * 0.1 + width * 0.15],
                 fill=(250, 210, 80))
    draw.polygon([(0, height), (width * 0.4, height * 0.55), (width, height)], fill=(60, 130, 70))
    return image.convert(mode) if mode != "RGB" else image


def save(name: str, data: bytes) -> None:
    """Write one corpus file."""
    (HERE / name).write_bytes(data)


def encoded(image: Image.Image, fmt: str, **options) -> bytes:
    """Return an image encoded in `fmt`."""
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def png_chunk(kind: bytes, data: bytes) -> bytes:
    """Return one PNG chunk with its CRC."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(
        ">I", zlib.crc32(kind + data) & 0xFFFFFFFF
    )


def bomb() -> bytes:
    """A 2 KB PNG declaring 50,000 × 50,000 pixels (2.5 gigapixels once decoded)."""
    header = struct.pack(">IIBBBBB", 50_000, 50_000, 8, 0, 0, 0, 0)
    rows = zlib.compress(b"\x00" * 50_001 * 40, 9)  # the first rows only: enough to open it
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", rows)
            + png_chunk(b"IEND", b""))


def oriented_with_gps() -> bytes:
    """A landscape JPEG whose EXIF says "rotate 90° clockwise to show" (orientation 6), with
    GPS coordinates, a camera name and a comment, all of which must not reach a rendition.

    The top-left corner as stored is red: shown upright it is the top-right corner.
    """
    image = picture(600, 400)
    ImageDraw.Draw(image).rectangle([0, 0, 79, 79], fill=(255, 0, 0))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation
    exif[0x010F] = "Pressroom Test Camera"  # Make
    exif[0x8825] = {  # GPS: 55°45'N 37°37'E
        1: "N", 2: (55.0, 45.0, 0.0), 3: "E", 4: (37.0, 37.0, 0.0),
    }
    return encoded(image, "JPEG", quality=85, exif=exif, comment=b"secret location")


def sixteen_bit() -> bytes:
    """A 16-bit RGB PNG, written by hand (Pillow writes 16 bits for greyscale only)."""
    width, height = 64, 48
    header = struct.pack(">IIBBBBB", width, height, 16, 2, 0, 0, 0)
    raw = b"".join(
        b"\x00" + b"".join(struct.pack(">HHH", x * 1000, y * 1300, 30000) for x in range(width))
        for y in range(height)
    )
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header)
            + png_chunk(b"IDAT", zlib.compress(raw, 9)) + png_chunk(b"IEND", b""))


def animation(fmt: str) -> bytes:
    """Two frames, as an animated WebP or PNG."""
    frames = [picture(120, 80), picture(120, 80).transpose(Image.Transpose.FLIP_LEFT_RIGHT)]
    return encoded(frames[0], fmt, save_all=True, append_images=frames[1:], duration=200, loop=0)


def zip_archive() -> bytes:
    """A small ZIP archive holding one HTML page."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("index.html", "<html><script>alert(1)</script></html>")
    return out.getvalue()


def noise(width: int, height: int) -> Image.Image:
    """Random pixels (fixed seed): they do not compress, so the file is large."""
    generator = random.Random(13)
    return Image.frombytes("RGB", (width, height), generator.randbytes(width * height * 3))


def main() -> None:
    """Write every file of the corpus."""
    photo = picture(1700, 1000)
    jpeg = encoded(photo, "JPEG", quality=80)
    # Valid: each accepted format, and the photo that tests orientation and GPS.
    save("valid.jpg", jpeg)
    transparent = picture(900, 600, "RGBA")
    ImageDraw.Draw(transparent).rectangle([0, 0, 200, 200], fill=(0, 0, 0, 0))
    save("valid.png", encoded(transparent, "PNG", optimize=True))
    save("valid.webp", encoded(picture(1000, 700), "WEBP", quality=80))
    if features.check("avif"):
        save("valid.avif", encoded(picture(800, 500), "AVIF", quality=60))
    save("valid_palette.png", encoded(picture(500, 300).convert("P"), "PNG"))
    save("orientation6_gps.jpg", oriented_with_gps())

    # Refused: not images, or not the images a statement may carry.
    save("script.svg", b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
                       b"<script>alert(document.cookie)</script></svg>\n")
    save("svg_renamed.png", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">'
                            b'<rect width="5" height="5"/></svg>\n')
    save("html_renamed.jpg",
         b"<!doctype html><html><body><script>alert(1)</script></body></html>\n")
    save("notes.txt", "Just a note, not a photo.\nПросто заметка.\n".encode())
    save("empty.jpg", b"")
    save("truncated.jpg", jpeg[: len(jpeg) // 2])
    save("bomb.png", bomb())
    save("image.gif", encoded(picture(120, 80).convert("P"), "GIF"))
    save("animated.webp", animation("WEBP"))
    save("animated.png", animation("PNG"))
    save("document.pdf", encoded(picture(200, 150), "PDF"))
    save("cmyk.jpg", encoded(picture(300, 200, "CMYK"), "JPEG", quality=80))
    save("sixteen_bit.png", sixteen_bit())
    small = encoded(picture(300, 200), "JPEG", quality=80)
    save("polyglot_html.jpg", small + b"<html><script>alert(1)</script></html>")
    save("polyglot_zip.jpg", small + zip_archive())
    save("comment_html.jpg",
         encoded(picture(300, 200), "JPEG", comment=b"<script>alert(1)</script>"))
    save("too_many_pixels.png", encoded(Image.new("RGB", (2100, 2000), (20, 60, 120)), "PNG"))
    save("too_many_bytes.png", encoded(noise(240, 240), "PNG"))
    save("image.bmp", encoded(picture(120, 80), "BMP"))
    save("image.tiff", encoded(picture(120, 80), "TIFF"))


if __name__ == "__main__":
    main()
