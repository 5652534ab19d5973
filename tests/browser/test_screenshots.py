"""The README's screenshots: the main pages at phone and desktop width, in every language.

Not part of the normal run; ``SAVE_SCREENSHOTS=1 pytest tests/browser/test_screenshots.py``
writes them to docs/screenshots/ (first screen of each page, colours reduced to keep the
files small). Persian needs a font with Arabic letters (fonts-noto-core), Chinese a CJK font
(fonts-noto-cjk).
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image

from newsroom.models import PressRelease
from sistercities.models import Agreement

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not os.environ.get("SAVE_SCREENSHOTS"), reason="set SAVE_SCREENSHOTS=1 to remake them"
    ),
]

OUTPUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
SIZES = {"phone": {"width": 360, "height": 780}, "desktop": {"width": 1280, "height": 900}}


def save_small(path):
    """An adaptive 256-colour palette: a few tens of KB per page instead of hundreds."""
    picture = Image.open(path).convert("RGB")
    picture.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


@pytest.mark.parametrize("size", SIZES)
def test_save_screenshots_of_the_main_pages(browser, live_server, size):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    seed = PressRelease.objects.prefetch_related("translations").get(short_code="24bc40e3")
    agreement = Agreement.objects.prefetch_related("translations").get()
    OUTPUT.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport=SIZES[size])
    page = context.new_page()

    saved = []
    for language in ("fa", "en", "zh-hans"):
        pages = {
            "home": f"/{language}/",
            "article": seed.get_absolute_url(language),
            "news": f"/{language}/news/",
            "agreement": agreement.get_absolute_url(language),
        }
        for name, path in pages.items():
            page.goto(live_server.url + path)
            page.wait_for_load_state("networkidle")
            target = OUTPUT / f"{name}-{language}-{size}.png"
            page.screenshot(path=target)
            save_small(target)
            saved.append(target)
    context.close()

    assert all(path.stat().st_size < 300_000 for path in saved)
