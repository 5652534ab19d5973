"""Translation status in the admin: a column in words and a missing/outdated filter."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom.models import PressRelease
from tests.factories import EMPTY_RELEASE_INLINES, make_office, make_release, make_section, make_tag

CHANGELIST_URL = "/admin/newsroom/pressrelease/"

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    client.cookies["django_language"] = "en"
    return client


def change_form(release, language, **changes):
    release = PressRelease.objects.get(pk=release.pk)
    release.set_current_language(language)
    local = release.publish_at.astimezone()
    data = {
        "title": release.title,
        "slug": release.slug,
        "lead": release.lead,
        "body": release.body,
        "status": release.status,
        "publish_at": local.strftime("%Y-%m-%d %H:%M:%S"),
        "section": release.section_id,
        "office": release.office_id,
        "tags": "",
        "sign_off": release.sign_off,
    }
    return data | EMPTY_RELEASE_INLINES | changes


def save_in_admin(client, release, language, **changes):
    response = client.post(
        f"{CHANGELIST_URL}{release.pk}/change/?language={language}",
        change_form(release, language, **changes),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors


def status_cell(client, release):
    """The words in the release's "translations" cell of the change list."""
    content = client.get(CHANGELIST_URL).content.decode()
    row = next(chunk for chunk in content.split("<tr>") if f'value="{release.pk}"' in chunk)
    items = re.findall(r'<li class="translation-status__item[^"]*">(.*?)</li>', row, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", item).split()) for item in items]


def test_column_names_each_language_and_its_status_in_words(staff_client):
    release = make_release(languages=("fa", "en"))

    assert status_cell(staff_client, release) == [
        "● Persian: original",
        "✓ English: translated",
        "✗ Simplified Chinese: missing",
    ]


def test_persian_edit_in_admin_marks_translations_outdated(staff_client):
    release = make_release()

    save_in_admin(staff_client, release, "fa", lead="لید بازنویسی‌شده")

    assert status_cell(staff_client, release) == [
        "● Persian: original",
        "! English: outdated",
        "! Simplified Chinese: outdated",
    ]


def test_english_edit_in_admin_refreshes_english_only(staff_client):
    release = make_release()
    save_in_admin(staff_client, release, "fa", lead="لید بازنویسی‌شده")

    save_in_admin(staff_client, release, "en", lead="A rewritten lead")

    assert status_cell(staff_client, release) == [
        "● Persian: original",
        "✓ English: translated",
        "! Simplified Chinese: outdated",
    ]


def listed_pks(client, query):
    response = client.get(f"{CHANGELIST_URL}?{query}")
    return sorted(obj.pk for obj in response.context["cl"].result_list)


def test_filter_missing_and_outdated_per_language(staff_client):
    complete = make_release()
    no_english = make_release(languages=("fa", "zh-hans"))
    no_chinese = make_release(languages=("fa", "en"))
    stale = make_release()
    save_in_admin(staff_client, stale, "fa", title="عنوان تازه", slug="عنوان-تازه")

    assert listed_pks(staff_client, "translation=missing-en") == [no_english.pk]
    assert listed_pks(staff_client, "translation=missing-zh-hans") == [no_chinese.pk]
    assert listed_pks(staff_client, "translation=outdated-en") == [stale.pk]
    assert listed_pks(staff_client, "translation=outdated-zh-hans") == [stale.pk]
    assert listed_pks(staff_client, "") == sorted(
        [complete.pk, no_english.pk, no_chinese.pk, stale.pk]
    )


def test_filter_choices_are_named_in_the_admin_language(staff_client):
    content = staff_client.get(CHANGELIST_URL).content.decode()

    for label in [
        "missing English",
        "missing Simplified Chinese",
        "outdated in English",
        "outdated in Simplified Chinese",
    ]:
        assert f">{label}</a>" in content


def test_filter_choices_in_persian(client, admin_user):
    client.force_login(admin_user)

    content = client.get(CHANGELIST_URL).content.decode()

    assert ">فاقد ترجمهٔ انگلیسی</a>" in content
    assert ">ترجمهٔ انگلیسی قدیمی شده</a>" in content


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("query", ["", "?translation=missing-en", "?translation=outdated-en"])
def test_release_changelist_queries_do_not_grow_with_releases(staff_client, query):
    section, office = make_section(), make_office()

    def add_releases(count):
        for _ in range(count):
            make_release(section=section, office=office, languages=("fa",))
            stale = make_release(section=section, office=office)
            stale.set_current_language("fa")
            stale.lead = "لید تازه"
            stale.save()

    add_releases(1)
    with_few = count_queries(staff_client, CHANGELIST_URL + query)
    add_releases(20)

    assert count_queries(staff_client, CHANGELIST_URL + query) == with_few


@pytest.mark.parametrize("model", ["tag", "section", "office"])
def test_vocabulary_changelists_show_status_in_constant_queries(staff_client, model):
    makers = {"tag": make_tag, "section": make_section, "office": make_office}
    makers[model]()
    url = f"/admin/newsroom/{model}/"
    with_one = count_queries(staff_client, url)
    for _ in range(20):
        makers[model]()

    content = staff_client.get(url).content.decode()
    assert count_queries(staff_client, url) == with_one
    assert "Persian: original" in content


def test_filter_counts_when_facets_are_shown(staff_client):
    make_release(languages=("fa",))
    make_release(languages=("fa", "en"))
    make_release()

    content = staff_client.get(f"{CHANGELIST_URL}?_facets=True").content.decode()

    assert ">missing English (1)</a>" in content
    assert ">missing Simplified Chinese (2)</a>" in content


def test_action_confirms_one_language_and_counts_in_persian_digits(client, admin_user):
    client.force_login(admin_user)
    stale = make_release()
    current = make_release()
    stale.set_current_language("fa")
    stale.lead = "لید تازه"
    stale.save()

    response = client.post(
        CHANGELIST_URL,
        {"action": "mark_up_to_date_en", "_selected_action": [stale.pk, current.pk]},
        follow=True,
    )

    assert [str(message) for message in response.context["messages"]] == ["۱ ترجمه به‌روز اعلام شد."]
    assert status_cell(client, stale)[1:] == ["✓ انگلیسی: ترجمه‌شده", "! چینی ساده‌شده: قدیمی شده"]
