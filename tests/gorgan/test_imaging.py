"""The kit's image path: limits read from the header, decoding with no more pixels than needed."""

from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from gorgan.kit import imaging


def encoded(size, image_format, colour=(30, 90, 160)):
    buffer = BytesIO()
    Image.new("RGB", size, colour).save(buffer, format=image_format)
    return buffer.getvalue()


def test_pixel_cap_is_read_from_the_header_before_decoding():
    data = encoded((3000, 2000), "PNG")  # 6 megapixels in a few kilobytes

    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            imaging.clean_upload(SimpleUploadedFile("plan.png", data), max_pixels=5_000_000)

        assert error.value.code == "too_many_pixels"
        assert error.value.messages == [
            "The image has more than 5 megapixels; please upload a smaller image."
        ]


def test_jpeg_is_decoded_at_a_reduced_scale_by_the_decoder():
    opened = Image.open(BytesIO(encoded((4000, 3000), "JPEG")))

    # 1/4 scale is the smallest of 1/1, 1/2, 1/4, 1/8 that still gives 600 × 450.
    assert imaging.reduced(opened, (600, 450)).size == (1000, 750)


def test_png_is_reduced_by_a_whole_factor_after_decoding():
    opened = Image.open(BytesIO(encoded((4000, 3000), "PNG")))

    assert imaging.reduced(opened, (600, 450)).size == (667, 500)


def test_reduced_never_enlarges():
    opened = Image.open(BytesIO(encoded((300, 200), "JPEG")))

    assert imaging.reduced(opened, (600, 450)).size == (300, 200)


def test_icon_sized_clean_scales_down_within_the_square():
    upload = SimpleUploadedFile("wide.jpg", encoded((2400, 1200), "JPEG"))

    cleaned = imaging.clean_upload(upload, max_side=128)

    assert (cleaned.width, cleaned.height, cleaned.image_format) == (128, 64, "JPEG")
    assert Image.open(cleaned).size == (128, 64)
