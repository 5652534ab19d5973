"""At the width of a small phone (360 CSS pixels) nothing scrolls sideways."""

import subprocess

import pytest

from tests.factories import make_release, make_service

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 740}

LAYOUT = """() => {
  const tops = [...document.querySelectorAll('.site-nav li')]
    .filter((item) => item.offsetParent !== null)
    .map((item) => Math.round(item.getBoundingClientRect().top));
  const wide = [...document.querySelectorAll('body *')]
    .filter((element) => element.getBoundingClientRect().right > innerWidth + 0.5
      || element.getBoundingClientRect().left < -0.5)
    .map((element) => element.className || element.tagName);
  return {
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    navRows: new Set(tops).size,
    wide,
  };
}"""


@pytest.fixture
def phone_page(live_server, browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()

    def open_page(path):
        page.goto(live_server.url + path)
        return page.evaluate(LAYOUT)

    yield open_page
    context.close()


@pytest.mark.parametrize("language", ["fa", "en", "zh-hans"])
@pytest.mark.parametrize("path", ["/", "/search/?q=%D8%AE%D8%A8%D8%B1", "/news/"])
def test_phone_pages_do_not_scroll_sideways(phone_page, language, path):
    make_release()
    make_service(fa="پرداخت عوارض", en="Pay local taxes", **{"zh-hans": "缴纳地方税"})

    layout = phone_page(f"/{language}{path}")

    assert layout["wide"] == []
    assert layout["scrollWidth"] == layout["clientWidth"] == PHONE["width"]


def phone_fonts_installed():
    """Whether the fonts phones render Persian with (Noto) are here: a row's width depends
    on them, and desktop fallbacks (DejaVu) are far wider."""
    try:
        listed = subprocess.run(
            ["fc-list", ":lang=fa", "family"], capture_output=True, text=True, timeout=10
        ).stdout
    except OSError:
        return False
    return "Noto" in listed


@pytest.mark.skipif(
    not phone_fonts_installed(),
    reason="the phone fonts are missing (apt-get install fonts-noto-core)",
)
@pytest.mark.parametrize("language", ["fa", "en", "zh-hans"])
def test_phone_navigation_fits_on_one_row(phone_page, language):
    # With services the menu has all four entries: news, sister cities, services, search.
    make_service(fa="پرداخت عوارض", en="Pay local taxes", **{"zh-hans": "缴纳地方税"})

    assert phone_page(f"/{language}/")["navRows"] == 1
