"""Checking an uploaded photo and making its renditions, once, on upload.

Only real JPEG, PNG and WebP files (and AVIF where Pillow reads it) are accepted, judged by
their content: the first bytes must say so, Pillow must read the whole image, and nothing may
follow the image's end (a JPEG or PNG with HTML or a ZIP archive appended is a polyglot). SVG,
HTML, GIF, PDF, text, BMP and TIFF are refused, and so are truncated and empty files, images
over `PRESSROOM_IMAGE_MAX_BYTES` or `PRESSROOM_IMAGE_MAX_PIXELS` (Pillow's decompression-bomb
limit is set to the same number, and its warning is an error), animations, 16-bit images and
CMYK ones. CMYK is refused rather than converted: without the print profile the colours would
shift, and the person uploading can export the photo as sRGB, which every screen shows alike.

The EXIF orientation is applied first; then every rendition is encoded afresh from the pixels,
so no metadata (EXIF, GPS, XMP, comments) reaches it. A photo with an ICC profile is converted
to sRGB, and the profile dropped. Renditions are 480, 960 and 1600 px wide (never wider than
the photo), each as WebP and as a JPEG fallback.

Pillow is imported here only, and this module only where an upload is handled: the public
site's workers never load it.
"""

import contextlib
import hashlib
import io
import json
import warnings
from dataclasses import dataclass

from flask_babel import gettext as _

from .content import Rendition
from .i18n import current_language, number
from .media import file_name

#: Widths of the renditions, narrowest first.
WIDTHS = (480, 960, 1600)
#: Encodings of each rendition: (Pillow format, extension, Content-Type), the fallback last.
ENCODINGS = (("WEBP", "webp", "image/webp"), ("JPEG", "jpg", "image/jpeg"))
#: Pillow's names of the formats accepted, with the names people know them by.
ACCEPTED = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "AVIF": "AVIF"}
#: Markup that has no business inside a photo: a file carrying it is a polyglot.
MARKUP = (b"<script", b"<html", b"<svg", b"<?php", b"<!doctype", b"<iframe", b"<body")
#: The EXIF orientation tag, and its values that turn the photo a quarter (width and height swap).
ORIENTATION = 0x0112
TURNED = {5, 6, 7, 8}
#: Pillow modes of ordinary 8-bit photos and graphics.
PLAIN_MODES = {"1", "L", "LA", "P", "PA", "RGB", "RGBA", "RGBa", "La"}


class ImageRefused(Exception):
    """An upload that is not an acceptable photo; the message says why, in the page's language."""


@dataclass(frozen=True)
class Encoded(Rendition):
    """One rendition as encoded: its name, size and Content-Type, and its bytes."""

    data: bytes = b""


@dataclass(frozen=True)
class Processed:
    """An accepted photo: its digest, size after orientation, and renditions."""

    digest: str
    width: int
    height: int
    renditions: tuple[Encoded, ...]

    def renditions_json(self) -> str:
        """Return the renditions as `StatementImage.renditions` keeps them (without bytes)."""
        return json.dumps([
            {"name": r.name, "width": r.width, "height": r.height, "type": r.type}
            for r in self.renditions
        ])


def accepted_formats() -> list[str]:
    """Return the names of the formats accepted here (AVIF only where Pillow reads it)."""
    from PIL import features

    names = ["JPEG", "PNG", "WebP"]
    return [*names, "AVIF"] if features.check("avif") else names


def unreadable() -> str:
    """Return the refusal of a damaged or incomplete file, in the page's language."""
    return _("The photo cannot be read: the file is damaged or incomplete. Export it again and "
             "upload the new file.")


def _sniff(data: bytes) -> str | None:
    """Return the format the first bytes announce (JPEG, PNG, WEBP, AVIF), or None."""
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    if data[4:8] == b"ftyp" and data[8:12] in (b"avif", b"avis"):
        return "AVIF"
    return None


def _ends_cleanly(data: bytes, kind: str) -> bool:
    """Tell whether nothing follows the image's own end (a polyglot appends something)."""
    if kind == "JPEG":
        return data.endswith(b"\xff\xd9")
    if kind == "PNG":
        return data.endswith(b"IEND\xaeB`\x82")
    if kind == "WEBP":
        return int.from_bytes(data[4:8], "little") + 8 == len(data)
    return True  # AVIF: an ISO box file; Pillow reads its boxes


def _refuse_by_content(data: bytes, max_bytes: int) -> str:
    """Return the announced format, or raise ImageRefused for what is no photo at all."""
    lang = current_language()
    if not data:
        raise ImageRefused(_("The file is empty. Choose the photo again."))
    if len(data) > max_bytes:
        raise ImageRefused(_(
            "The file is too large (%(size)s MB); the limit is %(limit)s MB.",
            size=megabytes(len(data), lang), limit=megabytes(max_bytes, lang),
        ))
    kind = _sniff(data)
    formats = ", ".join(accepted_formats())
    if kind is None or (kind == "AVIF" and "AVIF" not in accepted_formats()):
        raise ImageRefused(_(
            "This file is not a photo in a format the site takes (%(formats)s). "
            "Export it as JPEG and upload it again.", formats=formats,
        ))
    if (kind == "JPEG" and b"\xff\xd9" not in data) or (kind == "PNG" and b"IEND" not in data):
        raise ImageRefused(unreadable())  # cut off before its end
    lowered = data.lower()
    if any(mark in lowered for mark in MARKUP) or not _ends_cleanly(data, kind):
        raise ImageRefused(_(
            "This file carries something else besides the image (text or another file "
            "after it or inside it). Export the photo again as JPEG and upload that."
        ))
    return kind


def _too_many_pixels(max_pixels: int, size: tuple[int, int] | None = None) -> ImageRefused:
    """Return the refusal of a photo over the pixel limit, naming its size when known."""
    lang = current_language()
    limit = number(max_pixels // 1_000_000, lang)
    if size is None:
        return ImageRefused(_(
            "The photo is too large; the limit is %(limit)s megapixels. Make it smaller and "
            "upload it again.", limit=limit,
        ))
    return ImageRefused(_(
        "The photo is too large: %(width)s × %(height)s pixels; the limit is %(limit)s "
        "megapixels. Make it smaller and upload it again.",
        width=number(size[0], lang), height=number(size[1], lang), limit=limit,
    ))


def _open(data: bytes, kind: str, max_pixels: int):
    """Open and fully read the image with Pillow; return it and its size as stored in the file,
    or raise ImageRefused for whatever is wrong."""
    import struct

    from PIL import Image

    Image.MAX_IMAGE_PIXELS = max_pixels
    try:
        with warnings.catch_warnings(record=True):
            # Over the limit Pillow only warns (up to twice the limit; beyond, it raises): the
            # size is checked right after, and refused naming it.
            warnings.simplefilter("always", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=[kind])
        if image.width * image.height > max_pixels:
            raise _too_many_pixels(max_pixels, image.size)
        with warnings.catch_warnings():
            # Whatever still warns of a bomb while decoding is refused as one.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            if getattr(image, "is_animated", False) or getattr(image, "n_frames", 1) > 1:
                raise ImageRefused(_("Animated images are not accepted: upload a still photo."))
            if image.mode == "CMYK":
                raise ImageRefused(_(
                    "This photo is in CMYK colours (made for print), which screens do not show "
                    "faithfully. Export it in RGB (sRGB) and upload it again."
                ))
            if (kind == "PNG" and data[24] == 16) or image.mode not in PLAIN_MODES:
                raise ImageRefused(_(
                    "This image has 16 bits per channel (or another uncommon depth). Export it "
                    "with 8 bits per channel and upload it again."
                ))
            size = image.size
            if kind == "JPEG":
                # Decoded at the smallest scale (1/2, 1/4, 1/8) that still leaves the upright
                # photo as wide as the widest rendition: a 12-megapixel JPEG then takes a
                # quarter of the memory. The whole file is decoded all the same.
                turned = image.getexif().get(ORIENTATION) in TURNED
                image.draft("RGB", (1, max(WIDTHS)) if turned else (max(WIDTHS), 1))
            image.load()
    except ImageRefused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels(max_pixels) from None
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error):
        raise ImageRefused(unreadable()) from None
    return image, size


def _upright_srgb(image):
    """Return the image turned as its EXIF orientation says, in sRGB, without metadata."""
    from PIL import Image, ImageCms, ImageOps

    image = ImageOps.exif_transpose(image)
    profile = image.info.get("icc_profile")
    alpha = image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or (
        image.mode == "P" and "transparency" in image.info
    )
    image = image.convert("RGBA" if alpha else "RGB")
    if profile:
        # A broken profile: the pixels are taken as sRGB.
        with contextlib.suppress(ImageCms.PyCMSError, OSError, ValueError):
            image = ImageCms.profileToProfile(
                image, ImageCms.ImageCmsProfile(io.BytesIO(profile)),
                ImageCms.createProfile("sRGB"), outputMode=image.mode,
            )
    # A fresh image holds the pixels only: no EXIF, XMP, ICC or comment can follow it.
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    return clean


def _encode(image, pillow_format: str) -> bytes:
    """Encode one rendition; a JPEG has no alpha, so transparency becomes white."""
    from PIL import Image

    if pillow_format == "JPEG" and image.mode == "RGBA":
        flat = Image.new("RGB", image.size, "white")
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    out = io.BytesIO()
    if pillow_format == "JPEG":
        image.save(out, "JPEG", quality=82, optimize=True, progressive=True)
    else:
        image.save(out, "WEBP", quality=80, method=4)
    return out.getvalue()


def process(data: bytes, max_bytes: int, max_pixels: int) -> Processed:
    """Check an upload and make its renditions; raise ImageRefused with the reason."""
    from PIL import Image

    kind = _refuse_by_content(data, max_bytes)
    image, (width, height) = _open(data, kind, max_pixels)
    # The photo's own size, upright (a JPEG may have been decoded smaller: see `_open`).
    if image.getexif().get(ORIENTATION) in TURNED:
        width, height = height, width
    image = _upright_srgb(image)
    renditions = []
    for wanted in sorted({min(w, image.width) for w in WIDTHS}):
        size = (wanted, max(1, round(image.height * wanted / image.width)))
        resized = image if size == image.size else image.resize(size, Image.Resampling.LANCZOS)
        for pillow_format, extension, content_type in ENCODINGS:
            encoded = _encode(resized, pillow_format)
            renditions.append(Encoded(
                file_name(encoded, size[0], extension), size[0], size[1], content_type, encoded
            ))
    return Processed(hashlib.sha256(data).hexdigest(), width, height, tuple(renditions))


def megabytes(size: int, lang: str) -> str:
    """Return a size in bytes as megabytes (MiB) with at most one decimal: "10", "0,2"."""
    return number(round(size / (1024 * 1024), 1), lang)


def size_limits_text(max_bytes: int, max_pixels: int) -> str:
    """Return the hint saying which photos the form takes, in the page's language."""
    lang = current_language()
    # I18N: %(formats)s lists formats ("JPEG, PNG, WebP"); the others are numbers.
    return _(
        "%(formats)s; up to %(megabytes)s MB and %(megapixels)s megapixels.",
        formats=", ".join(accepted_formats()), megabytes=megabytes(max_bytes, lang),
        megapixels=number(max_pixels // 1_000_000, lang),
    )
