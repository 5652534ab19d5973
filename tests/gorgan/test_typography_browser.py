"""What a browser really draws: arrows and paging that flip in RTL, the Chinese font stack.

Needs Chromium at /usr/bin/chromium (CI installs it); skipped with a reason otherwise.
"""

import datetime
import shutil

import pytest
from django.utils import timezone

from tests.factories import make_release

CHROMIUM = "/usr/bin/chromium"
playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
pytestmark = [
    pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason=f"{CHROMIUM} is not installed"),
    pytest.mark.django_db(transaction=True),
]
LAUNCH_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

PAGING = """() => {
  const newer = document.querySelector('.pagination__newer');
  const older = document.querySelector('.pagination__older');
  return {
    newerArrow: getComputedStyle(newer, '::before').content,
    olderArrow: getComputedStyle(older, '::after').content,
    newerLeft: newer.getBoundingClientRect().left,
    olderLeft: older.getBoundingClientRect().left,
  };
}"""


@pytest.fixture
def browse(live_server):
    """Open pages of the live site in Chromium.

    The browser starts at the first page opened: Playwright runs an event loop in this
    thread, after which Django refuses database calls here, so tests create data first.
    """
    state = {}

    def open_page(path):
        if not state:
            state["playwright"] = playwright_api.sync_playwright().start()
            browser = state["playwright"].chromium.launch(
                executable_path=CHROMIUM, args=LAUNCH_ARGS
            )
            state["browser"], state["page"] = browser, browser.new_page()
        state["page"].goto(live_server.url + path)
        return state["page"]

    yield open_page
    if state:
        state["browser"].close()
        state["playwright"].stop()


def paging_on_second_page(browse, language):
    """Arrows and link positions on a page with both a newer and an older link."""
    for hours in range(45):
        make_release(publish_at=timezone.now() - datetime.timedelta(hours=hours + 1))
    page = browse(f"/{language}/news/")
    page.click(".pagination__older")
    page.wait_for_selector(".pagination__newer")
    return page.evaluate(PAGING)


def test_paging_arrows_point_outwards_in_left_to_right_english(browse):
    paging = paging_on_second_page(browse, "en")

    assert "←" in paging["newerArrow"]
    assert "→" in paging["olderArrow"]
    assert paging["newerLeft"] < paging["olderLeft"]


def test_paging_arrows_and_links_flip_in_right_to_left_persian(browse):
    paging = paging_on_second_page(browse, "fa")

    assert "→" in paging["newerArrow"]
    assert "←" in paging["olderArrow"]
    assert paging["olderLeft"] < paging["newerLeft"]


def test_chinese_pages_use_the_cjk_font_stack(browse):
    make_release()
    page = browse("/zh-hans/news/")

    family = page.evaluate(
        "() => getComputedStyle(document.querySelector('.release-card__title')).fontFamily"
    )

    assert family.startswith('"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC"')
