"""perpus.uploads: only real, complete, reasonably sized photos; renditions without metadata."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from PIL import Image

from perpus import uploads as images

from tests.villages.factories import image_bytes, jpeg_with_gps, upload


def _code(data, name="photo.jpg"):
    with pytest.raises(ValidationError) as excinfo:
        images.validate_photo(upload(data, name))
    return excinfo.value.code


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_accepts_jpeg_png_webp(fmt):
    images.validate_photo(upload(image_bytes(fmt)))


def test_refuses_text_file():
    assert _code(b"this is not an image at all", "notes.jpg") == "not_image"


def test_refuses_gif_format():
    assert _code(image_bytes("GIF", mode="P", color=1), "anim.gif") == "format"


def test_refuses_truncated_jpeg():
    data = image_bytes("JPEG", size=(400, 300))
    assert _code(data[: len(data) // 2]) == "truncated"


@override_settings(MAX_UPLOAD_BYTES=1000)
def test_refuses_too_large_file_with_limit_in_message():
    noisy = Image.frombytes("RGB", (300, 300), bytes(range(256)) * 1055)
    out = io.BytesIO()
    noisy.save(out, format="PNG")
    with pytest.raises(ValidationError) as excinfo:
        images.validate_photo(upload(out.getvalue(), "big.png"))
    assert excinfo.value.code == "too_large"
    assert "1000" in excinfo.value.messages[0]  # the limit, in bytes at this size


def _png_header_only(width, height) -> bytes:
    """A tiny PNG whose header claims `width` x `height` pixels: a decompression bomb."""

    def chunk(kind, payload):
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(
            ">I", zlib.crc32(kind + payload) & 0xFFFFFFFF
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def test_refuses_decompression_bomb_beyond_pillow_limit():
    assert _code(_png_header_only(100_000, 100_000), "bomb.png") == "too_many_pixels"


def test_refuses_picture_above_our_pixel_limit(monkeypatch):
    monkeypatch.setattr(images, "MAX_PIXELS", 100 * 100)
    assert _code(image_bytes("PNG", size=(101, 100)), "wide.png") == "too_many_pixels"


def test_process_photo_makes_two_sizes_without_exif_or_gps():
    small, large = images.process_photo(upload(jpeg_with_gps()))
    small_image, large_image = Image.open(io.BytesIO(small.read())), Image.open(io.BytesIO(large.read()))
    assert max(small_image.size) == images.SMALL_SIZE
    assert max(large_image.size) == images.LARGE_SIZE
    for rendition in (small_image, large_image):
        assert rendition.format == "JPEG"
        assert not rendition.getexif()
        assert "exif" not in rendition.info
    small.seek(0)
    assert b"TestCam" not in small.read()


def test_process_photo_applies_orientation():
    # Orientation 6 = rotate 90° clockwise to display: a wide picture becomes tall.
    small, _large = images.process_photo(upload(jpeg_with_gps(size=(800, 400), orientation=6)))
    width, height = Image.open(io.BytesIO(small.read())).size
    assert height > width


def test_process_photo_flattens_transparent_png():
    data = image_bytes("PNG", size=(50, 50), color=(0, 0, 0, 0), mode="RGBA")
    small, _large = images.process_photo(upload(data, "clear.png", "image/png"))
    image = Image.open(io.BytesIO(small.read()))
    assert image.mode == "RGB"
    assert image.getpixel((10, 10)) == (255, 255, 255)


def test_photo_field_shows_message_next_to_field():
    from django import forms

    class Form(forms.Form):
        photo = images.PhotoField()

    form = Form(files={"photo": upload(b"garbage", "x.jpg")})
    assert not form.is_valid()
    assert "photo" in form.errors
    assert 'accept="image/jpeg,image/png,image/webp"' in str(form["photo"])
