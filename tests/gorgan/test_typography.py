"""Persian and Chinese typography on real pages: digits, page numbers, dates, ZWNJ."""

import datetime
import html
import re
from zoneinfo import ZoneInfo

import pytest

from tests.factories import make_release

pytestmark = pytest.mark.django_db

TEHRAN = ZoneInfo("Asia/Tehran")
NOVEMBER_26 = datetime.datetime(2026, 11, 26, 10, 0, tzinfo=TEHRAN)
ZWNJ = "\u200c"


def page_number(content):
    match = re.search(
        r'<span class="pagination__current" aria-current="page">(.*?)</span>', content
    )
    return match[1] if match else None


def link(content, kind):
    return html.unescape(
        re.search(rf'<a class="pagination__{kind}" rel="\w+" href="([^"]+)"', content)[1]
    )


@pytest.fixture
def many_releases():
    start = NOVEMBER_26 - datetime.timedelta(days=1)
    return [make_release(publish_at=start - datetime.timedelta(hours=i)) for i in range(45)]


@pytest.mark.parametrize(
    ("language", "first", "second", "third"),
    [
        ("fa", "صفحهٔ ۱", "صفحهٔ ۲", "صفحهٔ ۳"),
        ("en", "Page 1", "Page 2", "Page 3"),
        ("zh-hans", "第1页", "第2页", "第3页"),
    ],
)
def test_page_numbers_follow_the_older_and_newer_links_in_local_digits(
    client, many_releases, language, first, second, third
):
    page_one = client.get(f"/{language}/news/").content.decode()
    page_two = client.get(f"/{language}/news/{link(page_one, 'older')}").content.decode()
    page_three = client.get(f"/{language}/news/{link(page_two, 'older')}").content.decode()
    back_to_two = client.get(f"/{language}/news/{link(page_three, 'newer')}").content.decode()

    assert [page_number(page) for page in (page_one, page_two, page_three, back_to_two)] == [
        first,
        second,
        third,
        second,
    ]


def test_malformed_page_number_shows_no_number(client, many_releases):
    page_one = client.get("/fa/news/").content.decode()
    older = link(page_one, "older").replace("page=2", "page=²")

    content = client.get(f"/fa/news/{older}").content.decode()

    assert page_number(content) is None
    assert 'class="pagination__newer"' in content


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fa", "۵ آذر ۱۴۰۵"), ("en", "November 26, 2026"), ("zh-hans", "2026年11月26日")],
)
def test_dates_on_list_and_article_pages_use_each_language_calendar(client, language, expected):
    release = make_release(publish_at=NOVEMBER_26)
    time_element = f'<time datetime="{NOVEMBER_26.isoformat()}">{expected}</time>'

    listing = client.get(f"/{language}/news/").content.decode()
    article = client.get(release.get_absolute_url(language)).content.decode()

    assert time_element in listing
    assert time_element in article


def test_zwnj_survives_from_admin_text_to_the_page(client):
    release = make_release(
        languages=("fa",),
        title={"fa": f"کتاب{ZWNJ}خانهٔ شهر بازگشایی می{ZWNJ}شود"},
    )
    release.set_current_language("fa")
    release.body = f"<p>شهروندان می{ZWNJ}توانند از کتاب{ZWNJ}ها استفاده کنند.</p>"
    release.save()

    content = client.get(release.get_absolute_url("fa")).content.decode()

    assert f'<h1 class="release__title">کتاب{ZWNJ}خانهٔ شهر بازگشایی می{ZWNJ}شود</h1>' in content
    assert f"<p>شهروندان می{ZWNJ}توانند از کتاب{ZWNJ}ها استفاده کنند.</p>" in content


def test_persian_dateline_uses_the_persian_comma(client):
    release = make_release(languages=("fa", "zh-hans"))

    persian = client.get(release.get_absolute_url("fa")).content.decode()
    chinese = client.get(release.get_absolute_url("zh-hans")).content.decode()

    assert "به گزارش روابط عمومی شهرداری گرگان،" in persian
    assert "据روابط عمومی شهرداری گرگان报道，" in chinese
