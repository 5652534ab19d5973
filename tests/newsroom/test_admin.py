import datetime
import json
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gorgan.kit.roles import TRANSLATOR
from newsroom.admin import TagFilter
from newsroom.models import PressRelease
from tests.factories import make_office, make_release, make_section, make_staff, make_tag

ADD_URL = "/admin/newsroom/pressrelease/add/"
CHANGELIST_URL = "/admin/newsroom/pressrelease/"


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    return client


def release_form(**overrides):
    data = {
        "title": "خبر تازه",
        "slug": "خبر-تازه",
        "lead": "خلاصه خبر",
        "body": "<p>متن خبر</p>",
        "status": PressRelease.Status.DRAFT,
        "publish_at": "",
        "section": make_section().pk,
        "office": make_office().pk,
        "tags": "گوانگژو, خواهرخواندگی",
        "sign_off": "الف",
        # The inline of pinned similar releases, left empty.
        "similar_pins-TOTAL_FORMS": "0",
        "similar_pins-INITIAL_FORMS": "0",
        # The gallery inline's (empty) formset.
        "gallery_items-TOTAL_FORMS": "0",
        "gallery_items-INITIAL_FORMS": "0",
        "press_contacts-TOTAL_FORMS": "0",
        "press_contacts-INITIAL_FORMS": "0",
    }
    return data | overrides


@pytest.mark.django_db
def test_admin_creates_release_with_tags_author_and_short_code(staff_client, admin_user):
    response = staff_client.post(f"{ADD_URL}?language=fa", release_form())

    assert response.status_code == 302
    release = PressRelease.objects.get()
    assert release.author == admin_user
    assert len(release.short_code) == 8
    assert sorted(release.tags.names()) == ["خواهرخواندگی", "گوانگژو"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "typed",
    ["شهرداری گرگان، گوانگژو", "شهرداری گرگان，گوانگژو", "شهرداری گرگان、 گوانگژو"],
)
def test_persian_and_chinese_commas_separate_tags(staff_client, typed):
    response = staff_client.post(f"{ADD_URL}?language=fa", release_form(tags=typed))

    assert response.status_code == 302
    assert sorted(PressRelease.objects.get().tags.names()) == ["شهرداری گرگان", "گوانگژو"]


@pytest.mark.django_db
def test_duplicate_slug_in_same_language_is_a_form_error(staff_client):
    make_release(languages=("fa",), title={"fa": "خبر تازه"})
    staff_client.cookies["django_language"] = "en"

    response = staff_client.post(f"{ADD_URL}?language=fa", release_form())

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "slug": ["Another release already uses this slug in this language."]
    }
    assert PressRelease.objects.count() == 1


@pytest.mark.django_db
def test_same_slug_in_another_language_is_allowed(staff_client):
    make_release(languages=("fa",), title={"fa": "Gorgan news"})

    response = staff_client.post(
        f"{ADD_URL}?language=en",
        release_form(title="Gorgan news", slug="gorgan-news"),
    )

    assert response.status_code == 302
    assert PressRelease.objects.count() == 2


@pytest.mark.django_db
def test_body_script_is_stripped_when_saved_through_admin(staff_client):
    staff_client.post(
        f"{ADD_URL}?language=fa",
        release_form(body='<p>متن</p><script>alert(1)</script><p onclick="x()">دوم</p>'),
    )

    release = PressRelease.objects.get()
    assert release.safe_translation_getter("body", language_code="fa") == "<p>متن</p><p>دوم</p>"


def changelist_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(CHANGELIST_URL)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_changelist_query_count_is_the_same_for_1_and_50_releases(staff_client):
    section, office = make_section(), make_office()
    make_release(section=section, office=office)
    with_one = changelist_queries(staff_client)
    for _ in range(49):
        make_release(section=section, office=office)

    assert changelist_queries(staff_client) == with_one


@pytest.mark.django_db
def test_admin_speaks_persian_by_default_and_english_on_request(staff_client):
    persian = staff_client.get(CHANGELIST_URL, HTTP_ACCEPT_LANGUAGE="en")
    staff_client.cookies["django_language"] = "en"
    english = staff_client.get(CHANGELIST_URL)

    assert '<html lang="fa" dir="rtl"' in persian.content.decode()
    assert '<html lang="en" dir="ltr"' in english.content.decode()


@pytest.mark.django_db
def test_change_list_search_finds_titles_in_any_language_and_short_codes(staff_client):
    ring_road = make_release(
        title={
            "fa": "بازگشایی کمربندی (Ring Road)",
            "en": "Ring road reopens",
            "zh-hans": "环路重新开放",
        }
    )
    park = make_release(title={"fa": "پارک جدید", "en": "A new park", "zh-hans": "新公园"})

    def found(term):
        response = staff_client.get(CHANGELIST_URL, {"q": term})
        return list(response.context["cl"].result_list)

    # Each release once, though its title matches in two languages.
    assert found("RING") == [ring_road]
    assert found("环路") == [ring_road]
    assert found("کمربندی") == [ring_road]
    assert found(park.short_code) == [park]
    # Every word must match, as in any admin search; quotes keep words together.
    assert found("new park") == [park]
    assert found("new ring") == []
    assert found('"road reopens"') == [ring_road]
    assert found('"reopens road"') == []


@pytest.mark.django_db
def test_change_list_tag_filter_names_tags_in_the_admin_s_language(staff_client, settings):
    guangzhou = make_tag("گوانگژو", slug="guangzhou", en="Guangzhou")
    parks = make_tag("پارک", slug="parks")
    tagged = make_release(tags=[guangzhou])
    make_release(tags=[parks])

    def tag_choices(language):
        staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        response = staff_client.get(CHANGELIST_URL)
        tag_filter = next(
            f for f in response.context["cl"].filter_specs if isinstance(f, TagFilter)
        )
        return sorted(tag_filter.lookup_choices)

    # English where the tag has an English label, else its Persian one.
    assert tag_choices("en") == [("guangzhou", "Guangzhou"), ("parks", "پارک")]
    assert tag_choices("fa") == [("guangzhou", "گوانگژو"), ("parks", "پارک")]
    filtered = staff_client.get(CHANGELIST_URL, {"tag": "guangzhou"})
    assert list(filtered.context["cl"].result_list) == [tagged]


DEY_10_1425_9AM = datetime.datetime(2046, 12, 31, 9, 0, tzinfo=ZoneInfo("Asia/Tehran"))


@pytest.mark.django_db
def test_change_list_says_when_a_scheduled_release_goes_public(staff_client, settings):
    make_release(publish_at=DEY_10_1425_9AM)
    make_release()

    persian = staff_client.get(CHANGELIST_URL).content.decode()
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = staff_client.get(CHANGELIST_URL).content.decode()

    assert "زمان‌بندی‌شده برای ۱۰ دی ۱۴۲۵، ساعت ۹:۰۰" in persian
    assert "Scheduled for December 31, 2046, 9:00" in english
    # The release already public is not announced as scheduled.
    assert english.count("Scheduled for") == 1


@pytest.mark.django_db
def test_change_list_filters_scheduled_and_public_releases(staff_client):
    scheduled = make_release(publish_at=DEY_10_1425_9AM)
    public = make_release()
    make_release(status=PressRelease.Status.DRAFT, publish_at=DEY_10_1425_9AM)

    def found(value):
        response = staff_client.get(CHANGELIST_URL, {"publication": value})
        return list(response.context["cl"].result_list)

    assert found("scheduled") == [scheduled]
    assert found("public") == [public]


TYPOGRAPHY_URL = f"{CHANGELIST_URL}typography/"


def typography(client, fields, accept=None):
    body = json.dumps({"fields": fields, "accept": accept or {}})
    return client.post(TYPOGRAPHY_URL, body, content_type="application/json")


@pytest.mark.django_db
def test_typography_check_proposes_and_applies_only_what_is_accepted(staff_client):
    fields = {"title": "اتاق گوانگژو راه اندازی می شود", "lead": "", "body": "<p>خبر</p>"}

    checked = typography(staff_client, fields).json()["fields"]
    proposals = checked["title"]["proposals"]
    prefix = next(p for p in proposals if p["original"] == "می شود")
    applied = typography(staff_client, fields, {"title": [prefix]}).json()["fields"]

    assert [(p["original"], p["replacement"]) for p in proposals] == [
        ("راه اندازی", "راه\u200cاندازی"),
        ("می شود", "می\u200cشود"),
    ]
    assert (checked["title"]["text"], checked["body"]["proposals"]) == (fields["title"], [])
    assert applied["title"]["text"] == "اتاق گوانگژو راه اندازی می\u200cشود"
    assert applied["title"]["applied"] == 1
    assert [p["original"] for p in applied["title"]["proposals"]] == ["راه اندازی"]


@pytest.mark.django_db
def test_typography_check_refuses_bad_requests_and_translators(client, staff_client):
    assert typography(staff_client, "not a mapping").status_code == 400
    assert staff_client.get(TYPOGRAPHY_URL).status_code == 405
    client.force_login(make_staff(TRANSLATOR))
    assert typography(client, {"title": "می شود"}).status_code == 403
    client.logout()
    assert typography(client, {"title": "می شود"}).status_code == 302  # to the login page


@pytest.mark.django_db
def test_typography_check_is_offered_in_the_persian_form_only(staff_client):
    release = make_release()

    persian = staff_client.get(f"{CHANGELIST_URL}{release.pk}/change/?language=fa")
    english = staff_client.get(f"{CHANGELIST_URL}{release.pk}/change/?language=en")

    assert f'data-typography-url="{TYPOGRAPHY_URL}"' in persian.content.decode()
    assert "js/typography-check" in persian.content.decode()
    assert "data-typography-url" not in english.content.decode()


@pytest.mark.django_db
def test_saving_warns_about_remaining_suggestions_without_changing_the_text(staff_client, settings):
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = staff_client.post(
        f"{ADD_URL}?language=fa",
        release_form(title="اتاق گوانگژو راه اندازی می شود", slug="اتاق"),
        follow=True,
    )

    shown = [str(message) for message in response.context["messages"]]
    release = PressRelease.objects.get()
    assert release.safe_translation_getter("title", language_code="fa") == (
        "اتاق گوانگژو راه اندازی می شود"
    )
    assert any(message.startswith("Typography: 2 suggestions remain") for message in shown)
