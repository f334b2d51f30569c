"""Statement photos: the image corpus, renditions without metadata, the form, the public pages."""

import io
import json
import re
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from pressroom.extensions import db
from pressroom.media import file_name
from pressroom.models import Statement, StatementImage

from .servers import http_get
from .staff_client import (
    edit_form,
    hidden,
    html,
    new_statement_form,
    statement_fields,
    statement_id_from,
)
from .test_deploy import app_server, needs_nginx, nginx  # noqa: F401 (fixtures used here)

CORPUS = Path(__file__).parent / "data" / "images"
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
    "too_many_pixels.png": "The photo is too large: 2,100 × 2,000 pixels; the limit is 4 "
                           "megapixels.",
    "too_many_bytes.png": "The file is too large (0.2 MB); the limit is 0.1 MB.",
    "animated.webp": "Animated images are not accepted",
    "animated.png": "Animated images are not accepted",
    "cmyk.jpg": "This photo is in CMYK colours",
    "sixteen_bit.png": "This image has 16 bits per channel",
    "polyglot_html.jpg": "This file carries something else besides the image",
    "polyglot_zip.jpg": "This file carries something else besides the image",
    "comment_html.jpg": "This file carries something else besides the image",
}


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


def published(editor, photo_app, name: str = "valid.jpg", **fields) -> int:
    """Publish a statement with a photo through the form; return its id."""
    response = post_new(editor, image=upload(name), **fields)
    assert response.status_code == 303, html(response)
    return statement_id_from(response)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_statement_page_shows_the_photo_in_a_figure(photo_app, editor, clock, lang):
    """<picture>: WebP srcset with the JPEG fallback, sizes, width and height, the alt text,
    caption and credit of the page's language in a <figure>."""
    statement_id = published(editor, photo_app)
    row = stored_image(photo_app, statement_id)
    page = html(editor.get(f"/{lang}/statements/{statement_id}/", follow_redirects=True))
    figure = re.search(r'<figure class="statement-photo">.*?</figure>', page, re.S).group(0)
    webp = [r for r in row["renditions"] if r["type"] == "image/webp"]
    jpeg = [r for r in row["renditions"] if r["type"] == "image/jpeg"]
    srcset = ", ".join(f"/media/{r['name']} {r['width']}w" for r in webp)
    assert f'<source type="image/webp" srcset="{srcset}" sizes="' in figure
    assert f'src="/media/{jpeg[-1]["name"]}"' in figure
    assert f'width="{jpeg[-1]["width"]}" height="{jpeg[-1]["height"]}"' in figure
    alt, caption, credit = {
        "en": ("Cranes over the harbour at dawn", "The north quay.", "Photo: Press office"),
        "ru": ("Краны над портом на рассвете", "Северный причал.", "Фото: Пресс-служба"),
    }[lang]
    assert f'alt="{alt}"' in figure and "<figcaption>" in figure
    assert caption in figure and credit in figure
    assert 'loading="lazy"' not in figure  # the photo is at the top of the page


def test_listings_and_the_front_page_show_the_photo(photo_app, editor, clock):
    """Listing rows: a small lazy thumbnail with an empty alt (the title beside it says what it
    is); the featured statement: the figure."""
    statement_id = published(editor, photo_app, featured="y")
    row = stored_image(photo_app, statement_id)
    smallest = next(r for r in row["renditions"] if r["type"] == "image/jpeg")
    listing = html(editor.get("/en/statements/"))
    assert f'<img src="/media/{smallest["name"]}"' in listing
    thumb = re.search(r'<picture class="row-thumb">.*?</picture>', listing, re.S).group(0)
    assert 'loading="lazy"' in thumb and 'alt=""' in thumb
    home = html(editor.get("/ru/"))
    assert 'class="featured"' in home
    assert 'alt="Краны над портом на рассвете"' in home


def test_the_latest_widget_shows_thumbnails_when_asked(photo_app, editor, clock):
    """`thumbs=on` adds each statement's thumbnail (absolute address, for partners' pages) and
    keeps itself in the refresh address; without it, none; a wrong value is a 400."""
    published(editor, photo_app)
    plain = html(photo_app.test_client().get("/widgets/latest?lang=en"))
    assert "/media/" not in plain
    with_thumbs = html(photo_app.test_client().get("/widgets/latest?lang=en&thumbs=on"))
    assert 'src="http://pressroom.test/media/' in with_thumbs
    assert "thumbs=on" in with_thumbs  # the refresh asks for the same
    assert photo_app.test_client().get("/widgets/latest?thumbs=yes").status_code == 400


def test_link_previews_use_the_photo(photo_app, editor, clock):
    """og:image, twitter:image and JSON-LD name the statement's photo (absolute, with its size
    and alt text) instead of the site's share image."""
    statement_id = published(editor, photo_app)
    row = stored_image(photo_app, statement_id)
    widest = [r for r in row["renditions"] if r["type"] == "image/jpeg"][-1]
    url = f"http://pressroom.test/media/{widest['name']}"
    page = html(photo_app.test_client().get(f"/en/statements/{statement_id}/",
                                            follow_redirects=True))
    assert f'<meta property="og:image" content="{url}">' in page
    assert '<meta property="og:image:type" content="image/jpeg">' in page
    assert f'<meta property="og:image:width" content="{widest["width"]}">' in page
    assert '<meta property="og:image:alt" content="Cranes over the harbour at dawn">' in page
    assert f'<meta name="twitter:image" content="{url}">' in page
    document = json.loads(re.search(
        r'<script type="application/ld\+json">(.*?)</script>', page, re.S
    ).group(1))
    assert document["image"] == [{"@type": "ImageObject", "url": url,
                                  "width": widest["width"], "height": widest["height"]}]


def test_a_photo_needs_its_alt_text_in_each_language(photo_app, editor):
    """Without the Russian alt text the form is refused (422), in the page's language, and the
    photo is kept for the next submit; nothing is published."""
    response = post_new(editor, lang="ru", image=upload("valid.jpg"), ru_image_alt="")
    assert response.status_code == 422
    page = html(response)
    assert "Опишите фотографию для тех, кто её не видит" in page
    token = hidden(page, "image_token")
    assert token and image_rows(photo_app) == 0


def test_a_refused_submit_keeps_the_photo_for_the_next_one(photo_app, editor):
    """The photo uploaded with a form refused for another reason is shown as chosen, and the
    next submit saves it without choosing the file again."""
    response = post_new(editor, image=upload("valid.webp"), en_title="")
    assert response.status_code == 422
    page = html(response)
    assert "Photo chosen: it is kept and saved with the statement." in page
    token = hidden(page, "image_token")
    tokens = {"csrf_token": hidden(page, "csrf_token"), "form_token": hidden(page, "form_token")}
    again = editor.post("/staff/statements/new", data={
        **tokens, **photo_fields(image_token=token),
    })
    assert again.status_code == 303
    row = stored_image(photo_app, statement_id_from(again))
    assert (row["width"], row["height"]) == (1000, 700)


def test_a_forged_pending_token_is_refused(photo_app, editor):
    """A token the site did not sign names no photo: the form says to choose the file again."""
    tokens = new_statement_form(editor)
    response = editor.post("/staff/statements/new", data={
        **tokens, **photo_fields(image_token="forged.token"),
    })
    assert response.status_code == 422
    assert "Choose the file again." in html(response)
    assert image_rows(photo_app) == 0


def test_replacing_removing_and_deleting_let_the_files_go(photo_app, editor):
    """A new photo replaces the old one's files; removing the photo removes its files (and its
    row); deleting a statement deletes its photo's files."""
    statement_id = published(editor, photo_app)
    first = set(media_files(photo_app))
    tokens = edit_form(editor, statement_id)
    replaced = editor.post(f"/staff/statements/{statement_id}/edit", data={
        **tokens, **photo_fields(image=upload("valid.png")),
    }, content_type="multipart/form-data")
    assert replaced.status_code == 303, html(replaced)
    second = set(media_files(photo_app))
    assert second and not second & first
    tokens = edit_form(editor, statement_id)
    removed = editor.post(f"/staff/statements/{statement_id}/edit", data={
        **tokens, **photo_fields(image_remove="y"),
    })
    assert removed.status_code == 303
    assert media_files(photo_app) == [] and image_rows(photo_app) == 0
    again = published(editor, photo_app)
    assert media_files(photo_app)
    page = html(editor.get(f"/staff/statements/{again}/delete"))
    deleted = editor.post(f"/staff/statements/{again}/delete",
                          data={"csrf_token": hidden(page, "csrf_token")})
    assert deleted.status_code == 303
    assert media_files(photo_app) == [] and image_rows(photo_app) == 0


def test_files_shared_by_two_statements_stay_while_one_uses_them(photo_app, editor):
    """The same photo on two statements is stored once; deleting one keeps the other's files."""
    first = published(editor, photo_app)
    second = published(editor, photo_app, en_title="Second", ru_title="Второе")
    files = media_files(photo_app)
    page = html(editor.get(f"/staff/statements/{first}/delete"))
    token = hidden(page, "csrf_token")
    deleted = editor.post(f"/staff/statements/{first}/delete", data={"csrf_token": token})
    assert deleted.status_code == 303
    assert media_files(photo_app) == files
    assert editor.get(f"/en/statements/{second}/", follow_redirects=True).status_code == 200


def test_renditions_are_served_immutable_with_their_type(photo_app, editor):
    """A rendition: its Content-Type, a year of immutable caching, nosniff; other names 404."""
    statement_id = published(editor, photo_app)
    client = photo_app.test_client()
    for rendition in stored_image(photo_app, statement_id)["renditions"]:
        response = client.get(f"/media/{rendition['name']}")
        assert response.status_code == 200
        assert response.headers["Content-Type"] == rendition["type"]
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    for bad in ("../config.py", "%2e%2e%2fpressroom.sqlite3", "0" * 32 + "-480.svg",
                "0" * 32 + "-480.jpg", "secret_key"):
        assert client.get(f"/media/{bad}").status_code == 404, bad


def test_the_htmx_preview_shows_the_chosen_photo_and_keeps_it(photo_app, editor):
    """Choosing a file asks for the preview: the photo is checked and shown, and the form's
    hidden field is updated out of band to keep it."""
    tokens = new_statement_form(editor)
    response = editor.post("/staff/statements/preview", data={
        **tokens, **photo_fields(image=upload("valid.jpg")),
    }, headers={"HX-Request": "true"}, content_type="multipart/form-data")
    assert response.status_code == 200
    fragment = html(response)
    assert '<figure class="preview-photo">' in fragment and 'src="/media/' in fragment
    assert re.search(r'<input hx-swap-oob="true" id="image_token" name="image_token" '
                     r'type="hidden" value="[^"]+">', fragment)
    refused = editor.post("/staff/statements/preview?lang=ru", data={
        **tokens, **photo_fields(image=upload("script.svg")),
    }, headers={"HX-Request": "true"}, content_type="multipart/form-data")
    assert "Этот файл — не фотография" in html(refused)


def test_only_the_statement_form_takes_a_body_the_size_of_a_photo(make_app, tmp_path, editor):
    """The statement form's body may exceed MAX_CONTENT_LENGTH by the photo's limit: a 1.2 MB
    file reaches the photo check (and is refused there, in words); past both limits, and on
    any other form, such a body is a 413. Nothing is stored."""
    app = make_app(PRESSROOM_IMAGE_MAX_BYTES=3 * 1024 * 1024,
                   PRESSROOM_MEDIA_DIR=str(tmp_path / "big"))
    from .staff_client import sign_in

    client = app.test_client()
    assert sign_in(client).status_code == 303

    def post(url: str, size: int):
        """Post the statement form to `url` with a file of `size` bytes, as one body."""
        tokens = new_statement_form(client)
        data = b"\xff\xd8\xff" + b"0" * size
        boundary, body = encode_multipart({**tokens, **photo_fields(), "image": FileStorage(
            io.BytesIO(data), "big.jpg", content_type="image/jpeg")})
        return client.post(url, data=body,
                           content_type=f"multipart/form-data; boundary={boundary}")

    fits = post("/staff/statements/new", 1_200_000)
    assert fits.status_code == 422
    assert "The photo cannot be read" in html(fits)
    assert post("/staff/statements/new", 4_300_000).status_code == 413
    assert post("/staff/settings", 1_200_000).status_code == 413
    assert media_files(app) == []


@needs_nginx
def test_nginx_serves_renditions_from_the_media_directory(nginx, tmp_path):  # noqa: F811
    """nginx serves /media/ from the media directory itself: the type by extension, a year of
    immutable caching, nosniff; never through the app."""
    data = (CORPUS / "valid.jpg").read_bytes()
    name = file_name(data, 1700, "jpg")
    folder = tmp_path / "media"  # where bench/nginx.py points the shipped alias
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(data)
    response = http_get(nginx, f"/media/{name}")
    assert response.status == 200
    assert response.headers["Content-Type"] == "image/jpeg"
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "X-Cache-Status" not in response.headers  # not proxied
    assert http_get(nginx, "/media/" + "0" * 32 + "-480.webp").status == 404


def test_a_large_jpeg_is_decoded_smaller_but_keeps_its_size(app):
    """A JPEG far wider than the widest rendition is decoded at a reduced scale (less memory),
    yet the photo's recorded size is its own and the widest rendition is still 1600 px."""
    from pressroom import images

    photo = Image.new("RGB", (3400, 2000), (30, 90, 160))
    exif = Image.Exif()
    exif[0x0112] = 6  # turned: upright it is 2000 × 3400
    out = io.BytesIO()
    photo.save(out, "JPEG", quality=80, exif=exif)
    with app.test_request_context("/en/"):
        processed = images.process(out.getvalue(), 10_000_000, 40_000_000)
    assert (processed.width, processed.height) == (2000, 3400)
    widest = max(processed.renditions, key=lambda r: r.width)
    assert (widest.width, widest.height) == (1600, 2720)


def test_the_statement_card_shows_the_photo_and_oembed_makes_room(photo_app, editor, clock):
    """The statement card widget shows the photo as wide as the card (absolute addresses, alt
    text), and the height oEmbed gives for it grows by the photo's height."""
    with_photo = published(editor, photo_app)
    without = statement_id_from(post_new(editor, en_title="Plain", ru_title="Просто"))
    client = photo_app.test_client()
    card = html(client.get(f"/widgets/statement/{with_photo}?lang=en"))
    assert '<div class="pr-card-photo">' in card
    assert 'srcset="http://pressroom.test/media/' in card
    assert 'alt="Cranes over the harbour at dawn"' in card
    assert "pr-card-photo" not in html(client.get(f"/widgets/statement/{without}?lang=en"))

    def height(statement_id: int) -> int:
        """Return the height oEmbed gives the statement's card at 400 px."""
        page = f"http://pressroom.test/en/statements/{statement_id}/"
        return client.get("/oembed", query_string={"url": page, "maxwidth": "400"}).json["height"]

    # The same texts but for the titles: the photo (1700 × 1000) adds about 0.59 of the width.
    assert height(with_photo) - height(without) > 150


def test_export_stops_when_a_photo_file_is_missing(photo_app, editor):
    """Exporting a site whose media storage lost a photo's file fails with the file named,
    instead of writing a document that cannot be imported."""
    statement_id = published(editor, photo_app)
    lost = stored_image(photo_app, statement_id)["renditions"][0]["name"]
    (Path(photo_app.config["PRESSROOM_MEDIA_DIR"]) / lost).unlink()
    result = photo_app.test_cli_runner().invoke(args=["export", "-"])
    assert result.exit_code == 1
    assert f"the photo file {lost} is missing from the media storage" in result.output


def test_a_double_submit_with_a_photo_is_no_conflict_but_another_photo_is(photo_app, editor):
    """The same edit sent twice with its photo finds its own first save (303); an edit from the
    same old version asking for another photo is a conflict (409) that keeps the photo chosen."""
    statement_id = published(editor, photo_app)
    tokens = edit_form(editor, statement_id)
    data = photo_fields(image=upload("valid.webp"))

    def send(fields):
        """Post the edit form, from the version first opened, with `fields`."""
        return editor.post(f"/staff/statements/{statement_id}/edit", data={**tokens, **fields},
                           content_type="multipart/form-data")

    assert send(data).status_code == 303
    assert send(photo_fields(image=upload("valid.webp"))).status_code == 303
    conflict = send(photo_fields(image=upload("valid.png")))
    assert conflict.status_code == 409
    assert "Photo chosen: it is kept and saved with the statement." in html(conflict)
    assert stored_image(photo_app, statement_id)["width"] == 1000  # still the WebP's


def test_prune_deletes_only_photos_no_statement_uses(photo_app, editor):
    """`flask media prune` deletes the files of a photo chosen with a form never saved (once
    older than --hours) and keeps every file a statement uses."""
    kept = published(editor, photo_app)
    used = {r["name"] for r in stored_image(photo_app, kept)["renditions"]}
    refused = post_new(editor, image=upload("valid.png"), en_image_alt="")
    assert refused.status_code == 422
    assert set(media_files(photo_app)) > used  # the chosen photo waits for the next submit
    runner = photo_app.test_cli_runner()
    assert "Deleted 0 unreferenced files" in runner.invoke(args=["media", "prune"]).output
    result = runner.invoke(args=["media", "prune", "--hours", "0"])
    assert result.exit_code == 0 and "Deleted 4 unreferenced files" in result.output
    assert set(media_files(photo_app)) == used


def test_oembed_makes_room_for_the_latest_widgets_thumbnails(photo_app, editor, clock):
    """The latest widget's oEmbed height with `thumbs=on` is at least as tall as without, and
    keeps the parameter in the iframe's address."""
    for n in range(3):
        published(editor, photo_app, en_title=f"Short {n}", ru_title=f"Коротко {n}")
    client = photo_app.test_client()

    def answer(query: str) -> dict:
        """Return oEmbed's answer for the latest widget with `query`, at 400 px."""
        url = f"http://pressroom.test/widgets/latest?lang=en&limit=3{query}"
        return client.get("/oembed", query_string={"url": url, "maxwidth": "400"}).json

    plain, with_thumbs = answer(""), answer("&thumbs=on")
    assert with_thumbs["height"] > plain["height"]
    assert "thumbs=on" in with_thumbs["html"]
