import datetime
import re

import pytest
from django.utils import timezone

from newsroom.models import PressRelease
from sistercities.models import Agreement, Commitment
from tests.factories import make_release
from tests.sistercities.factories import (
    make_agreement,
    make_commitment,
    make_commitments,
    make_update,
)

pytestmark = pytest.mark.django_db

SUMMARY_16_3 = {
    "fa": "۳ از ۱۶ تعهد انجام شده",
    "en": "3 of 16 commitments completed",
    "zh-hans": "16项承诺中已完成3项",
}
YEAR_1397 = {"fa": "۱۳۹۷", "en": "2018", "zh-hans": "2018年"}


def progress_texts(content):
    return re.findall(r'<p class="progress-summary__text">\s*(.*?)\s*</p>', content)


def commitment_titles(content):
    return re.findall(r'<h4 class="commitment__title">(.*?)</h4>', content)


def signed_dates(content):
    return re.findall(r'<time datetime="(2018[-\d]*)">([^<]+)</time>', content)


@pytest.fixture
def tracked_agreement():
    """A public agreement signed in 1397 (year only) with 16 commitments, 3 completed."""
    agreement = make_agreement(
        slugs={"fa": "گرگان-گوانگژو", "en": "gorgan-guangzhou", "zh-hans": "戈尔甘-广州"}
    )
    commitments = make_commitments(agreement, 16)
    for commitment in commitments[:3]:
        make_update(commitment, Commitment.Status.COMPLETED)
    return agreement


@pytest.mark.parametrize("language", ["fa", "en", "zh-hans"])
def test_index_shows_agreement_with_progress_and_date_in_each_language(
    client, tracked_agreement, language
):
    content = client.get(f"/{language}/sister-cities/").content.decode()

    title = tracked_agreement.safe_translation_getter("title", language_code=language)
    assert f'<a href="{tracked_agreement.get_absolute_url(language)}">{title}</a>' in content
    assert progress_texts(content) == [SUMMARY_16_3[language]]
    assert signed_dates(content) == [("2018", YEAR_1397[language])]


@pytest.mark.parametrize("language", ["fa", "en", "zh-hans"])
def test_agreement_page_renders_in_each_language(client, tracked_agreement, language):
    response = client.get(tracked_agreement.get_absolute_url(language))
    content = response.content.decode()

    title = tracked_agreement.safe_translation_getter("title", language_code=language)
    assert response.status_code == 200
    assert f'<h1 class="agreement__title">{title}</h1>' in content
    assert progress_texts(content) == [SUMMARY_16_3[language]]
    assert signed_dates(content) == [("2018", YEAR_1397[language])]
    assert len(commitment_titles(content)) == 16


def test_agreement_page_timeline_uses_solar_hijri_dates_in_persian(client, tracked_agreement):
    content = client.get(tracked_agreement.get_absolute_url("fa")).content.decode()

    timeline = re.findall(r'<time datetime="2026-11-01">([^<]+)</time>', content)
    assert timeline == ["۱۰ آبان ۱۴۰۵"] * 3


@pytest.mark.parametrize("language", ["fa", "en", "zh-hans"])
def test_agreement_under_negotiation_is_hidden_from_the_public(client, language):
    hidden = make_agreement(status=Agreement.Status.UNDER_NEGOTIATION)
    make_commitment(hidden)
    shown = make_agreement()

    detail = client.get(hidden.get_absolute_url(language))
    document = client.get(hidden.get_document_url(language))
    index = client.get(f"/{language}/sister-cities/").content.decode()

    assert (detail.status_code, document.status_code) == (404, 404)
    listed = re.findall(r'<h3 class="agreement-card__title"><a href="([^"]+)">', index)
    assert listed == [shown.get_absolute_url(language)]


def test_internal_commitment_is_left_out_of_page_and_counts(client):
    agreement = make_agreement()
    shown = make_commitment(agreement)
    make_commitment(agreement, is_public=False)

    content = client.get(agreement.get_absolute_url("en")).content.decode()

    assert commitment_titles(content) == [
        shown.safe_translation_getter("title", language_code="en")
    ]
    assert progress_texts(content) == ["0 of 1 commitment completed"]


def test_adding_an_update_changes_status_and_progress_summary(client):
    agreement = make_agreement()
    first, _second = make_commitments(agreement, 2)
    url = agreement.get_absolute_url("fa")
    before = progress_texts(client.get(url).content.decode())

    make_update(first, Commitment.Status.COMPLETED, note="افتتاح شد")
    content = client.get(url).content.decode()

    assert before == ["۰ از ۲ تعهد انجام شده"]
    assert progress_texts(content) == ["۱ از ۲ تعهد انجام شده"]
    assert (
        '<span class="status-badge status-badge--completed">انجام‌شده</span>'
        in content.split(f'id="commitment-{first.pk}"')[1]
    )
    assert '<p class="timeline__note">افتتاح شد</p>' in content


def test_filters_narrow_the_commitments_but_not_the_summary(client):
    agreement = make_agreement()
    culture = make_commitment(agreement, sector=Commitment.Sector.CULTURE)
    sport = make_commitment(agreement, sector=Commitment.Sector.SPORT)
    make_update(sport, Commitment.Status.COMPLETED)
    url = agreement.get_absolute_url("en")

    by_sector = client.get(f"{url}?sector=culture_heritage").content.decode()
    by_status = client.get(f"{url}?status=completed").content.decode()
    both = client.get(f"{url}?sector=culture_heritage&status=completed").content.decode()

    assert commitment_titles(by_sector) == [
        culture.safe_translation_getter("title", language_code="en")
    ]
    assert commitment_titles(by_status) == [
        sport.safe_translation_getter("title", language_code="en")
    ]
    assert commitment_titles(both) == []
    assert "No commitment matches these filters." in both
    assert progress_texts(by_sector) == ["1 of 2 commitments completed"]


def test_filter_links_keep_the_other_filter(client):
    agreement = make_agreement()
    make_commitment(agreement, sector=Commitment.Sector.CULTURE)
    url = agreement.get_absolute_url("en")

    content = client.get(f"{url}?status=proposed").content.decode()

    assert f'<a href="{url}?status=proposed&amp;sector=culture_heritage">' in content
    assert f'<a href="{url}">All statuses</a>' in content


@pytest.mark.parametrize("query", ["sector=nonsense", "status=finished", "sector=Culture"])
def test_unknown_filter_value_is_not_found(client, query):
    agreement = make_agreement()
    make_commitment(agreement)

    response = client.get(f"{agreement.get_absolute_url('en')}?{query}")

    assert response.status_code == 404


def test_overdue_commitment_is_marked(client):
    agreement = make_agreement()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    late = make_commitment(agreement, status=Commitment.Status.AGREED, target_date=yesterday)
    make_commitment(agreement, status=Commitment.Status.AGREED, target_date=timezone.localdate())

    content = client.get(agreement.get_absolute_url("en")).content.decode()

    marked = re.findall(
        r'id="commitment-(\d+)">(?:(?!</li>).)*status-badge--overdue', content, re.S
    )
    assert marked == [str(late.pk)]


@pytest.mark.parametrize("language", ["fa", "en", "zh-hans"])
def test_language_switcher_points_at_the_same_agreement(client, tracked_agreement, language):
    content = client.get(tracked_agreement.get_absolute_url(language)).content.decode()

    links = dict(re.findall(r'<a href="([^"]+)" lang="([^"]+)" hreflang', content))
    expected = {
        tracked_agreement.get_absolute_url(code): code
        for code in ["fa", "en", "zh-hans"]
        if code != language
    }
    assert links == expected


def test_persian_slug_under_english_prefix_redirects_to_english_address(client, tracked_agreement):
    response = client.get("/en/sister-cities/گرگان-گوانگژو/?status=proposed")

    assert response.status_code == 301
    assert response["Location"] == "/en/sister-cities/gorgan-guangzhou/?status=proposed"


def test_untranslated_agreement_is_shown_in_persian_with_notice(client):
    agreement = make_agreement(languages=("fa",), slugs={"fa": "تفاهم-تازه"})

    content = client.get("/en/sister-cities/تفاهم-تازه/").content.decode()

    assert "This item is available in Persian only." in content
    assert f'<h1 class="agreement__title" lang="fa" dir="rtl">{agreement.title}</h1>' in content
    assert '<a href="/zh-hans/sister-cities/" lang="zh-hans"' in content


def test_agreement_page_lists_only_published_related_releases(client):
    agreement = make_agreement()
    published = make_release()
    draft = make_release(status=PressRelease.Status.DRAFT)
    scheduled = make_release(publish_at=timezone.now() + datetime.timedelta(days=1))
    untranslated = make_release(languages=("fa",))
    agreement.related_releases.set([published, draft, scheduled, untranslated])

    content = client.get(agreement.get_absolute_url("en")).content.decode()

    section = content.split('id="releases-title"')[1].split("</section>")[0]
    assert re.findall(r'<a href="(/en/news/[^"]+)">', section) == [published.get_absolute_url("en")]


def test_release_page_links_to_its_public_agreements_only(client):
    release = make_release()
    public = make_agreement()
    negotiating = make_agreement(status=Agreement.Status.UNDER_NEGOTIATION)
    release.agreements.set([public, negotiating])

    content = client.get(release.get_absolute_url("zh-hans")).content.decode()

    box = re.search(r'<aside class="related-agreements".*?</aside>', content, re.S).group()
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', box) == [
        (
            public.get_absolute_url("zh-hans"),
            public.safe_translation_getter("title", language_code="zh-hans"),
        )
    ]


def test_release_without_agreements_has_no_box(client):
    release = make_release()

    content = client.get(release.get_absolute_url("fa")).content.decode()

    assert "related-agreements" not in content


def test_main_navigation_links_to_sister_cities(client):
    content = client.get("/zh-hans/").content.decode()

    assert '<a href="/zh-hans/sister-cities/">友好城市</a>' in content


def test_chinese_tracker_labels_have_no_space_after_their_colon(client, db):
    agreement = make_agreement()
    make_commitment(agreement, target_date=datetime.date(2027, 3, 1))

    tracker = client.get(agreement.get_absolute_url("zh-hans")).content.decode()
    index = client.get("/zh-hans/sister-cities/").content.decode()

    assert "目标日期：<time" in tracker
    assert "责任单位：" in tracker and "责任单位： " not in tracker
    assert "签署：<time" in index
    assert "： <time" not in tracker + index


def test_english_tracker_labels_keep_their_space(client, db):
    agreement = make_agreement()
    make_commitment(agreement, target_date=datetime.date(2027, 3, 1))

    assert "Target date: <time" in client.get(agreement.get_absolute_url("en")).content.decode()
