"""A council's logo: one too wide or tall is refused naming its size, a decompression bomb (a few
bytes declaring billions of pixels) before any pixel is decoded, and an accepted one is encoded
anew so nothing but its pixels reaches the paper."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageFile, PngImagePlugin

from authorities.models import LocalAuthority
from reports.admin import PaperTemplateForm
from reports.models import PaperTemplate
from reports.paper import logo_bytes, logo_data_url
from tests.reports.conftest import GATESHEAD

pytestmark = [
    pytest.mark.django_db,
    # Pillow warns of more than 89 million pixels; these files are meant to set it off.
    pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning"),
]


def png_declaring(width, height):
    """A PNG of a few dozen bytes whose header declares width x height pixels, with one scrap of
    compressed data: what a decompression bomb looks like before it is decoded."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\0" * 1000)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def form_with(name, data, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    gateshead = LocalAuthority.objects.get(ons_code=GATESHEAD)
    fields = {
        "authority": gateshead.pk,
        "council_name": "Gateshead Council",
        "logo_alt_text": "Logo",
    }
    return PaperTemplateForm(fields, {"logo": SimpleUploadedFile(name, data)})


@pytest.fixture
def no_decoding(monkeypatch):
    """Any attempt to decode pixels fails the test."""

    def decode(*args, **kwargs):
        raise AssertionError("pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", decode)


@pytest.mark.parametrize(
    ("width", "height", "message"),
    [
        (
            13_000,
            13_000,
            "“logo.png” is 13,000 × 13,000 pixels; a logo may be at most 2,000 × 2,000 pixels.",
        ),
        (2_001, 40, "“logo.png” is 2,001 × 40 pixels; a logo may be at most 2,000 × 2,000 pixels."),
        (
            100_000,
            100_000,
            "“logo.png” is an image of more than 178,956,970 pixels; a logo may be at most "
            "2,000 × 2,000 pixels.",
        ),
    ],
)
def test_a_logo_too_large_is_refused_by_its_header_without_decoding_it(
    seeds, settings, tmp_path, no_decoding, width, height, message
):
    data = png_declaring(width, height)
    assert len(data) < 100
    form = form_with("logo.png", data, settings, tmp_path)
    assert not form.is_valid()
    assert form.errors["logo"] == [message]
    assert not PaperTemplate.objects.exists()


def test_an_accepted_logo_is_encoded_anew_from_its_pixels_alone(seeds, settings, tmp_path):
    image = Image.new("RGB", (300, 100), "navy")
    metadata = PngImagePlugin.PngInfo()
    metadata.add_text("Comment", "<script>alert(1)</script>")
    original = io.BytesIO()
    image.save(original, format="PNG", pnginfo=metadata, icc_profile=b"not a real profile")
    form = form_with("logo.png", original.getvalue(), settings, tmp_path)
    assert form.is_valid(), form.errors
    template = form.save()
    mime, stored = logo_bytes(logo_data_url(template.logo))
    assert mime == "image/png"
    assert b"<script>" not in stored
    assert b"not a real profile" not in stored
    reread = Image.open(io.BytesIO(stored))
    assert (reread.size, reread.getpixel((10, 10))[:3]) == ((300, 100), (0, 0, 128))
    assert "icc_profile" not in reread.info
    assert "Comment" not in reread.info


def test_a_jpg_logo_stays_a_jpg_without_its_exif(seeds, settings, tmp_path):
    exif = Image.Exif()
    exif[0x010E] = "Taken somewhere private"  # ImageDescription
    original = io.BytesIO()
    Image.new("RGB", (200, 100), "white").save(original, format="JPEG", exif=exif)
    form = form_with("logo.jpg", original.getvalue(), settings, tmp_path)
    assert form.is_valid(), form.errors
    template = form.save()
    mime, stored = logo_bytes(logo_data_url(template.logo))
    assert mime == "image/jpeg"
    assert b"Taken somewhere private" not in stored
    assert Image.open(io.BytesIO(stored)).size == (200, 100)


def test_a_logo_stored_before_the_limit_is_left_out_of_the_paper(seeds, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    template = PaperTemplate.objects.create(
        authority=LocalAuthority.objects.get(ons_code=GATESHEAD),
        council_name="Gateshead Council",
        logo=SimpleUploadedFile("big.png", png_declaring(13_000, 13_000)),
        logo_alt_text="Gateshead Council",
    )
    assert logo_data_url(template.logo) == ""
