"""Statement photos: the image corpus, renditions without metadata, the form, the public pages."""

import io
import json
import re
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from pressroom.extensions import db
from pressroom.models import Statement, StatementImage

from .staff_client import (
    edit_form,
    hidden,
    html,
    new_statement_form,
    statement_fields,
    statement_id_from,
)

CORPUS = Path(__file__).parent / "data" / "images"
#: The limits the corpus was made for (tests/data/images/make_corpus.py).
LIMITS = {"PRESSROOM_IMAGE_MAX_BYTES": 150_000, "PRESSROOM_IMAGE_MAX_PIXELS": 4_000_000}
#: Accepted files and their size once upright.
VALID = {
    "valid.jpg": (1700, 1000),
    "valid.png": (900, 600),
    "valid.webp": (1000, 700),
    "valid.avif": (800, 500),
    "valid_palette.png": (500, 300),
    "orientation6_gps.jpg": (400, 600),
}
#: Refused files and the start of the message each gets, in English.
REFUSED = {
    "script.svg": "This file is not a photo in a format the site takes",
    "svg_renamed.png": "This file is not a photo in a format the site takes",
    "html_renamed.jpg": "This file is not a photo in a format the site takes",
    "notes.txt": "This file is not a photo in a format the site takes",
    "document.pdf": "This file is not a photo in a format the site takes",
    "image.gif": "This file is not a photo in a format the site takes",
    "image.bmp": "This file is not a photo in a format the site takes",
    "image.tiff": "This file is not a photo in a format the site takes",
    "empty.jpg": "The file is empty.",
    "truncated.jpg": "The photo cannot be read: the file is damaged or incomplete.",
    "bomb.png": "The photo is too large; the limit is 4 megapixels.",
    "too_many_pixels.png": "The photo is too large: 2,100 × 2,000 pixels; the limit is 4 megapixels.",
    "too_many_bytes.png": "The file is too large (0.2 MB); the limit is 0.1 MB.",
    "animated.webp": "Animated images are not accepted",
    "animated.png": "Animated images are not accepted",
    "cmyk.jpg": "This photo is in CMYK colours",
    "sixteen_bit.png": "This image has 16 bits per channel",
    "polyglot_html.jpg": "This file carries something else besides the image",
    "polyglot_zip.jpg": "This file carries something else besides the image",
    "comment_html.jpg": "This file carries something else besides the image",
}


@pytest.fixture
def photo_app(make_app, tmp_path):
    """An app with the corpus's limits and a media directory of its own."""
    return make_app(**LIMITS, PRESSROOM_MEDIA_DIR=str(tmp_path / "media"))


@pytest.fixture
def editor(photo_app, staff_user):
    """A client of `photo_app` signed in as an editor."""
    from .staff_client import sign_in

    client = photo_app.test_client()
    assert sign_in(client).status_code == 303
    return client


def upload(name: str, data: bytes | None = None) -> tuple:
    """Return a file field's value for the test client: the corpus file's bytes and name."""
    return (io.BytesIO((CORPUS / name).read_bytes() if data is None else data), name)


def photo_fields(**overrides) -> dict:
    """Return a statement in both languages with the photo's texts; overrides as in
    statement_fields."""
    return statement_fields(**{
        "en_title": "Harbour reopens", "en_lead": "Ships return.", "en_body": "Text.",
        "ru_title": "Порт снова открыт", "ru_body": "Текст.",
        "en_image_alt": "Cranes over the harbour at dawn",
        "ru_image_alt": "Краны над портом на рассвете",
        "en_image_caption": "The north quay.", "ru_image_caption": "Северный причал.",
        "en_image_credit": "Press office", "ru_image_credit": "Пресс-служба",
        **overrides,
    })


def post_new(client, lang: str = "en", **fields):
    """Post the new-statement form (multipart when a file is given); return the response."""
    tokens = new_statement_form(client)
    return client.post(
        f"/staff/statements/new?lang={lang}", data={**tokens, **photo_fields(**fields)},
        content_type="multipart/form-data",
    )


def media_files(app) -> list[str]:
    """Return the names of the files in the app's media storage."""
    folder = Path(app.config["PRESSROOM_MEDIA_DIR"])
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def image_rows(app) -> int:
    """Return how many statement images the database holds."""
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(StatementImage))


def stored_image(app, statement_id: int) -> dict:
    """Return a statement's image row as a dict, renditions parsed."""
    with app.app_context():
        row = db.session.get(StatementImage, statement_id)
        return {"width": row.width, "height": row.height,
                "renditions": json.loads(row.renditions)}


def test_the_corpus_has_every_case():
    """Every file of the corpus has an expected outcome here, and at least 15 are refused."""
    files = {p.name for p in CORPUS.iterdir() if p.suffix != ".py"}
    assert files == set(VALID) | set(REFUSED) or files == (set(VALID) - {"valid.avif"}) | set(
        REFUSED
    )
    assert len(REFUSED) >= 15


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_refused_file_gets_its_message_and_leaves_nothing(photo_app, editor, name):
    """A refused file: 422, the reason beside the field, everything typed kept, nothing stored
    on disk or in the database."""
    response = post_new(editor, image=upload(name))
    assert response.status_code == 422
    page = html(response)
    assert REFUSED[name] in page.replace("\xa0", " ")
    assert 'aria-invalid="true"' in page and 'id="image"' in page
    assert "Cranes over the harbour at dawn" in page  # the form is refilled
    assert media_files(photo_app) == []
    assert image_rows(photo_app) == 0
    with photo_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Statement)) == 0


@pytest.mark.parametrize("name", sorted(VALID))
def test_an_accepted_file_gets_renditions_without_metadata(photo_app, editor, name):
    """A valid file: renditions 480/960/1600 px wide at most (never wider than the photo), WebP
    and JPEG, upright, with no EXIF, GPS, XMP, ICC or comment."""
    if not (CORPUS / name).exists():
        pytest.skip("this Pillow cannot write AVIF")
    response = post_new(editor, image=upload(name))
    assert response.status_code == 303, html(response)
    row = stored_image(photo_app, statement_id_from(response))
    assert (row["width"], row["height"]) == VALID[name]
    widths = sorted({r["width"] for r in row["renditions"]})
    assert widths == sorted({min(w, VALID[name][0]) for w in (480, 960, 1600)})
    assert sorted(media_files(photo_app)) == sorted(r["name"] for r in row["renditions"])
    for rendition in row["renditions"]:
        data = (Path(photo_app.config["PRESSROOM_MEDIA_DIR"]) / rendition["name"]).read_bytes()
        assert re.fullmatch(r"[0-9a-f]{32}-\d+\.(webp|jpg)", rendition["name"])
        for marker in (b"Exif", b"GPS", b"Pressroom Test Camera", b"secret location",
                       b"http://ns.adobe.com/xap", b"ICC_PROFILE"):
            assert marker not in data, (rendition["name"], marker)
        with Image.open(io.BytesIO(data)) as image:
            assert image.format == {"image/webp": "WEBP", "image/jpeg": "JPEG"}[rendition["type"]]
            assert image.size == (rendition["width"], rendition["height"])
            assert not image.getexif()
            assert "icc_profile" not in image.info and "exif" not in image.info


def test_orientation_is_applied_before_the_renditions(photo_app, editor):
    """The photo stored landscape with "rotate 90° clockwise" is portrait in every rendition,
    the red corner (top left as stored) now top right."""
    response = post_new(editor, image=upload("orientation6_gps.jpg"))
    row = stored_image(photo_app, statement_id_from(response))
    for rendition in row["renditions"]:
        path = Path(photo_app.config["PRESSROOM_MEDIA_DIR"]) / rendition["name"]
        with Image.open(path) as image:
            rgb = image.convert("RGB")
            width, height = rgb.size
            assert height > width
            red, green, blue = rgb.getpixel((width - 10, 10))
            assert red > 200 and green < 80 and blue < 80
            red, green, blue = rgb.getpixel((10, 10))
            assert not (red > 200 and green < 80)
