import re

import pytest
from django.core.management import call_command

from newsroom.models import PressRelease
from tests.factories import make_release, make_tag

SEED_CODE = "24bc40e3"
SEED_EXPECTATIONS = {
    "fa": (
        "rtl",
        "توسعه همکاری های متقابل؛ اتاق گوانگژو در شهرداری گرگان راه اندازی می شود",
        "۱ آذر ۱۴۰۵",
    ),
    "en": ("ltr", None, "November 22, 2026"),
    "zh-hans": ("ltr", None, "2026年11月22日"),
}


@pytest.fixture
def seed_release(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return PressRelease.objects.prefetch_related("translations").get(short_code=SEED_CODE)


def html_root(content):
    return re.search(r"<html lang=\"([^\"]+)\" dir=\"([^\"]+)\">", content).groups()


@pytest.mark.parametrize("language", ["fa", "en", "zh-hans"])
def test_seed_release_renders_in_each_language(client, seed_release, language):
    direction, expected_title, expected_date = SEED_EXPECTATIONS[language]
    title = expected_title or seed_release.safe_translation_getter("title", language_code=language)

    response = client.get(seed_release.get_absolute_url(language))
    content = response.content.decode()

    assert response.status_code == 200
    assert html_root(content) == (language, direction)
    assert f'<h1 class="release__title">{title}</h1>' in content
    assert expected_date in content


def test_seed_release_shows_dateline_subheading_and_sign_off_in_persian(client, seed_release):
    content = client.get(seed_release.get_absolute_url("fa")).content.decode()

    assert "به گزارش مرکز اطلاع رسانی روابط عمومی و امور بین الملل شهرداری گرگان،" in content
    assert "<h2>تاکید استاندار بر توسعه همکاری گرگان - گوانگژو</h2>" in content
    assert "انتهای پیام/ الف" in content
    assert "@24bc40e3" in content


@pytest.mark.parametrize("language", ["fa", "en", "zh-hans"])
def test_language_switcher_points_at_the_same_release(client, seed_release, language):
    content = client.get(seed_release.get_absolute_url(language)).content.decode()

    for other in ["fa", "en", "zh-hans"]:
        if other != language:
            link = f'<a href="{seed_release.get_absolute_url(other)}" lang="{other}"'
            assert link in content


def test_switcher_goes_to_home_where_the_release_is_not_translated(client, db):
    release = make_release(languages=("fa",))

    content = client.get(release.get_absolute_url("fa")).content.decode()

    assert '<a href="/en/" lang="en"' in content
    assert '<a href="/zh-hans/" lang="zh-hans"' in content


def test_untranslated_release_shows_persian_original_with_notice(client, db):
    release = make_release(languages=("fa",))

    response = client.get(f"/en/news/{release.slug}/")
    content = response.content.decode()

    assert response.status_code == 200
    assert "This item is available in Persian only." in content
    assert '<article class="release" lang="fa" dir="rtl">' in content
    assert '<meta name="robots" content="noindex">' in content


def test_persian_slug_under_translated_language_redirects_to_its_address(client, db):
    release = make_release()
    persian_slug = release.safe_translation_getter("slug", language_code="fa")

    response = client.get(f"/en/news/{persian_slug}/")

    assert response.status_code == 301
    assert response["Location"] == release.get_absolute_url("en")


def test_root_redirects_by_accept_language(client, db):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")["Location"] == "/zh-hans/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.8")["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE")["Location"] == "/fa/"


def test_tag_page_lists_its_releases_with_translated_tag_name(client, db):
    tag = make_tag(name="گوانگژو", en="Guangzhou")
    tagged = make_release(tags=[tag])
    untagged = make_release()

    content = client.get(f"/en/news/tags/{tag.slug}/").content.decode()

    assert "Tag: Guangzhou" in content
    assert tagged.safe_translation_getter("title", language_code="en") in content
    assert untagged.safe_translation_getter("title", language_code="en") not in content


def test_tag_without_translation_shows_persian_name(client, db):
    tag = make_tag(name="خواهرخواندگی")
    make_release(tags=[tag])

    content = client.get(f"/zh-hans/news/tags/{tag.slug}/").content.decode()

    assert "خواهرخواندگی" in content


def test_list_leaves_out_releases_not_translated_into_the_page_language(client, db):
    persian_only = make_release(languages=("fa",))

    english = client.get("/en/news/").content.decode()
    persian = client.get("/fa/news/").content.decode()

    assert persian_only.safe_translation_getter("title", language_code="fa") not in english
    assert persian_only.safe_translation_getter("title", language_code="fa") in persian


@pytest.mark.parametrize(
    "path",
    [
        "/fa/news/no-such-release/",
        "/fa/news/tags/no-such-tag/",
        "/fa/news/section/nothing/",
        "/fa/news/?before=not-a-cursor",
        "/fa/news/?after=99999999999999999999-1",
        "/n/ZZZZZZZZ",
        "/n/00000000",
        "/de/news/",
    ],
)
def test_malformed_or_unknown_addresses_are_404(client, db, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("language", ["fa", "en", "zh-hans"])
@pytest.mark.parametrize("direction", ["before", "after"])
@pytest.mark.parametrize(
    "cursor", ["253402300799999999-1", "253402290000000000-1", "99999999999999999999-1"]
)
def test_cursor_past_the_calendar_end_is_404_on_every_list(client, db, language, direction, cursor):
    release = make_release(tags=[make_tag(slug="guangzhou")])
    paths = [
        "news/",
        f"news/section/{release.section.slug}/",
        "news/tags/guangzhou/",
        f"news/archive/{release.publish_at.year}/{release.publish_at.month}/",
    ]

    statuses = [
        client.get(f"/{language}/{path}", {direction: cursor}).status_code for path in paths
    ]

    assert statuses == [404, 404, 404, 404]


def test_news_list_pages_older_and_newer_without_gaps(client, db):
    from datetime import timedelta

    from django.utils import timezone

    start = timezone.now() - timedelta(days=1)
    releases = [make_release(publish_at=start - timedelta(minutes=i)) for i in range(45)]
    titles = [r.safe_translation_getter("title", language_code="en") for r in releases]

    seen = []
    url = "/en/news/"
    while url:
        response = client.get(url)
        page = response.context["page"]
        seen += [r.safe_translation_getter("title", language_code="en") for r in page.items]
        url = f"/en/news/?before={page.older_cursor}" if page.older_cursor else None

    assert seen == titles
    back = client.get(f"/en/news/?after={page.newer_cursor}").context["page"]
    assert [r.pk for r in back.items] == [r.pk for r in releases[20:40]]


@pytest.mark.parametrize("language", ["fa", "en"])
def test_short_link_redirects_to_visitor_language(client, db, language):
    release = make_release()

    response = client.get(f"/n/{release.short_code}", HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 301
    assert response["Location"] == release.get_absolute_url(language)


def test_short_link_goes_to_persian_when_not_translated(client, db):
    release = make_release(languages=("fa",))

    response = client.get(f"/n/{release.short_code}", HTTP_ACCEPT_LANGUAGE="en")

    assert response["Location"] == release.get_absolute_url("fa")


def signoff(content):
    return re.search(r'<p class="release__signoff">(.*?)</p>', content).group(1)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fa", "انتهای پیام/ الف"),
        ("en", 'End of release/ <span lang="fa" dir="rtl">الف</span>'),
        ("zh-hans", '新闻稿完/ <span lang="fa" dir="rtl">الف</span>'),
    ],
)
def test_sign_off_is_marked_persian_on_other_languages_pages(client, db, language, expected):
    release = make_release()

    assert signoff(client.get(release.get_absolute_url(language)).content.decode()) == expected


def test_persian_original_shown_elsewhere_needs_no_extra_marking_of_its_sign_off(client, db):
    release = make_release(languages=("fa",))

    content = client.get(f"/en/news/{release.slug}/").content.decode()

    assert signoff(content) == "انتهای پیام/ الف"


@pytest.mark.parametrize(
    ("language", "expected"), [("fa", "انتهای پیام"), ("en", "End of release")]
)
def test_empty_sign_off_leaves_no_dangling_slash(client, db, language, expected):
    release = make_release()
    PressRelease.objects.update(sign_off="")

    assert signoff(client.get(release.get_absolute_url(language)).content.decode()) == expected


@pytest.mark.parametrize(
    ("language", "dateline"),
    [
        ("fa", "به گزارش روابط عمومی، "),
        ("en", "According to Public Relations, "),
        ("zh-hans", "据公共关系处报道，"),
    ],
)
def test_dateline_runs_into_the_lead_with_the_language_s_spacing(client, db, language, dateline):
    from tests.factories import make_office

    office = make_office(fa="روابط عمومی", en="Public Relations", **{"zh-hans": "公共关系处"})
    release = make_release(office=office)
    lead = release.safe_translation_getter("lead", language_code=language)

    content = client.get(release.get_absolute_url(language)).content.decode()
    paragraph = re.search(r'<p class="release__lead">\s*(.*?)\s*</p>', content, re.S).group(1)

    assert paragraph == f"{dateline}{lead}"


def test_chinese_footer_labels_have_no_space_after_their_colon(client, db):
    from tests.factories import make_site_identity

    make_site_identity()  # with a phone number and an email address

    content = client.get("/zh-hans/news/").content.decode()

    assert "<p>电话：<a" in content
    assert "<p>电子邮箱：<a" in content
    assert "： <a" not in content
