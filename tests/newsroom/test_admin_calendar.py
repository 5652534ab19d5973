"""The release admin in the staff member's calendar and language (issue: a Persian-first admin)."""

import datetime
import re
from html import unescape

import jdatetime
import pytest
from django.contrib.admin.models import LogEntry
from django.utils import timezone, translation

from gorgan.kit.admin_dates import format_moment
from gorgan.kit.roles import TRANSLATOR, WRITER
from newsroom.models import PressRelease
from tests.admin_forms import admin_form_data
from tests.factories import make_comment, make_release, make_staff
from tests.sistercities.factories import make_agreement

pytestmark = pytest.mark.django_db

CHANGELIST_URL = "/admin/newsroom/pressrelease/"
# «۱۰ دی ۱۴۰۵ ساعت ۹» in Tehran.
SCHEDULED = datetime.datetime(2026, 12, 31, 5, 30, tzinfo=datetime.UTC)


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    return client


def in_english(client):
    client.cookies["django_language"] = "en"
    return client


def change_url(release, language="fa"):
    return f"/admin/newsroom/pressrelease/{release.pk}/change/?language={language}"


def text_of(html):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_scheduling_in_the_persian_admin_stores_the_moment_in_utc(staff_client):
    release = make_release(status=PressRelease.Status.DRAFT)
    page = staff_client.get(change_url(release))

    response = staff_client.post(
        change_url(release), admin_form_data(page, publish_at="۱۴۰۵/۱۰/۱۰ ۰۹:۰۰")
    )

    assert response.status_code == 302
    release.refresh_from_db()
    assert release.publish_at == SCHEDULED


def test_change_form_shows_the_moment_in_solar_hijri_with_persian_digits(staff_client):
    release = make_release(publish_at=SCHEDULED)

    page = staff_client.get(change_url(release)).content.decode()

    assert 'name="publish_at" value="۱۴۰۵/۱۰/۱۰ ۰۹:۰۰"' in page
    assert "vendor/jalalidatepicker/jalalidatepicker.min.js" in page


def test_saving_an_unchanged_form_keeps_the_moment_and_records_no_date_change(staff_client):
    release = make_release(publish_at=SCHEDULED)
    page = staff_client.get(change_url(release))

    staff_client.post(change_url(release), admin_form_data(page))

    release.refresh_from_db()
    assert release.publish_at == SCHEDULED
    assert not LogEntry.objects.filter(change_message__contains="publish").exists()


def test_english_admin_schedules_in_gregorian(staff_client):
    release = make_release(status=PressRelease.Status.DRAFT)
    client = in_english(staff_client)
    page = client.get(change_url(release))

    client.post(change_url(release), admin_form_data(page, publish_at="2026-12-31T09:00"))

    release.refresh_from_db()
    assert release.publish_at == SCHEDULED


def test_release_list_shows_publication_in_the_readers_calendar(staff_client):
    make_release(publish_at=SCHEDULED)

    persian = text_of(staff_client.get(CHANGELIST_URL).content.decode())
    english = text_of(in_english(staff_client).get(CHANGELIST_URL).content.decode())

    assert "۱۰ دی ۱۴۰۵، ساعت ۹:۰۰" in persian
    assert "دسامبر" not in persian
    assert "December 31, 2026, 9:00" in english


def test_this_month_filter_is_the_solar_hijri_month(staff_client):
    make_release(publish_at=SCHEDULED)
    today = jdatetime.date.fromgregorian(date=timezone.localdate())
    month_start = jdatetime.date(today.year, today.month, 1).togregorian()
    english_month_start = timezone.localdate().replace(day=1)

    persian = staff_client.get(CHANGELIST_URL).content.decode()
    english = in_english(staff_client).get(CHANGELIST_URL).content.decode()

    assert f"publish_at__gte={month_start.isoformat()}" in persian
    assert f"publish_at__gte={english_month_start.isoformat()}" in english


def test_change_message_names_fields_in_the_admins_language(staff_client):
    release = make_release()
    page = staff_client.get(change_url(release))

    staff_client.post(
        change_url(release),
        admin_form_data(page, title="عنوان تازه", lead="لید", body="<p>متن</p>", tags=""),
    )

    entry = LogEntry.objects.get()
    with translation.override("fa"):
        assert entry.get_change_message() == "عنوان، لید و متن تغییر یافتند."
    with translation.override("en"):
        assert entry.get_change_message() == "Changed title, lead and body."


def test_history_shows_times_in_solar_hijri(staff_client):
    release = make_release()
    page = staff_client.get(change_url(release))
    staff_client.post(change_url(release), admin_form_data(page, lead="لید تازه"))

    history = staff_client.get(f"/admin/newsroom/pressrelease/{release.pk}/history/")

    saved = history.context["versions"][0].revision.date_created
    shown = format_moment(saved, "fa")
    assert shown in history.content.decode()
    assert re.search(r"[0-9]", shown) is None


def test_form_error_note_is_persian(staff_client):
    release = make_release()
    page = staff_client.get(change_url(release))

    response = staff_client.post(change_url(release), admin_form_data(page, title=""))

    assert "لطفاً خطای زیر را برطرف کنید." in text_of(response.content.decode())
    assert "Please correct" not in response.content.decode()


def test_related_agreement_rows_have_no_raw_titles(staff_client):
    release = make_release()
    make_agreement().related_releases.add(release)

    page = staff_client.get(change_url(release)).content.decode()

    assert "object (" not in page
    assert re.search(r'<th class="column-agreement[^"]*">\s*توافق\u200cنامه', page)


def test_english_tab_of_the_persian_admin_writes_left_to_right(staff_client):
    release = make_release()

    english = staff_client.get(change_url(release, "en")).content.decode()
    persian = in_english(staff_client).get(change_url(release, "fa")).content.decode()

    for name in ["title", "lead", "body"]:
        assert re.search(
            rf'<(input|textarea)[^>]*name="{name}"[^>]*dir="ltr"[^>]*lang="en"', english
        )
        assert re.search(
            rf'<(input|textarea)[^>]*name="{name}"[^>]*dir="rtl"[^>]*lang="fa"', persian
        )


def test_editor_toolbar_texts_are_in_the_admins_language(staff_client):
    release = make_release()

    page = staff_client.get(change_url(release)).content.decode()

    texts = re.search(r'id="prose-editor-texts"[^>]*>(.*?)</script>', page).group(1)
    assert '"bold": "\\u067e\\u0631\\u0631\\u0646\\u06af"' in texts  # «پررنگ»
    assert "js/admin-editor.js" in page


def test_comment_list_and_record_show_solar_hijri_times(staff_client):
    comment = make_comment(make_release(), created_at=SCHEDULED)

    listing = text_of(staff_client.get("/admin/newsroom/comment/").content.decode())
    record = text_of(
        staff_client.get(f"/admin/newsroom/comment/{comment.pk}/change/").content.decode()
    )

    assert "۱۰ دی ۱۴۰۵، ساعت ۹:۰۰" in listing
    assert "۱۰ دی ۱۴۰۵، ساعت ۹:۰۰" in record


def test_writer_sees_the_scheduled_moment_read_only_in_solar_hijri(client):
    client.force_login(make_staff(WRITER))
    release = make_release(status=PressRelease.Status.DRAFT, publish_at=SCHEDULED)

    response = client.get(change_url(release))

    assert "publish_at" not in response.context["adminform"].form.fields
    assert "۱۰ دی ۱۴۰۵، ساعت ۹:۰۰" in text_of(response.content.decode())


def test_translator_sees_the_dates_read_only_in_solar_hijri(client):
    client.force_login(make_staff(TRANSLATOR))
    release = make_release(publish_at=SCHEDULED)

    response = client.get(change_url(release, "en"))

    assert "publish_at" not in response.context["adminform"].form.fields
    assert "۱۰ دی ۱۴۰۵، ساعت ۹:۰۰" in text_of(response.content.decode())
    assert "دسامبر" not in response.content.decode()
