"""What a browser really draws: arrows and paging that flip in RTL, the Chinese font stack."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import make_release

pytestmark = pytest.mark.django_db(transaction=True)

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
def browse(live_server, page):
    """Open a page of the live site; create data before the first call."""

    def open_page(path):
        page.goto(live_server.url + path)
        return page

    return open_page


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


def test_image_credit_sits_on_its_own_line_under_the_caption(
    live_server, browser, settings, tmp_path
):
    from tests.newsroom.factories import make_image

    settings.MEDIA_ROOT = tmp_path / "media"
    image = make_image(
        alt={"fa": "پارک", "en": "The park"},
        caption={"fa": "پارک جنگلی ناهارخوران", "en": "Naharkhoran forest park"},
        credit={"fa": "روابط عمومی", "en": "Public Relations"},
    )
    release = make_release(featured_image=image)
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()

    for language in ("fa", "en"):
        page.goto(live_server.url + release.get_absolute_url(language))
        caption, credit = (
            page.locator(selector).bounding_box()
            for selector in (".figure__caption", ".figure__credit")
        )
        assert credit["y"] >= caption["y"] + caption["height"]
