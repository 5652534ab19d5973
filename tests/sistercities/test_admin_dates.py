"""Agreement and commitment dates in the admin, in the staff member's calendar."""

import datetime
import re

import pytest
from django.contrib.admin.models import LogEntry
from django.utils import translation

from sistercities.models import Agreement
from tests.admin_forms import admin_form_data
from tests.factories import make_release
from tests.sistercities.factories import make_agreement, make_commitment

pytestmark = pytest.mark.django_db
Precision = Agreement.DatePrecision


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    return client


def change_url(agreement):
    return f"/admin/sistercities/agreement/{agreement.pk}/change/?language=fa"


def signed_on_input(page):
    return re.search(r'<input[^>]*name="signed_on"[^>]*>', page.content.decode()).group(0)


def test_year_only_signing_date_is_shown_as_the_year(staff_client):
    agreement = make_agreement(signed_on=datetime.date(2018, 7, 1), signed_on_precision="year")

    field = signed_on_input(staff_client.get(change_url(agreement)))

    assert 'value="۱۳۹۷"' in field
    # A year is typed: the day picker is not offered for it.
    assert "data-jdp=" not in field
    assert 'data-precision-select="id_signed_on_precision"' in field


def test_month_only_signing_date_is_saved_from_the_solar_hijri_month(staff_client):
    agreement = make_agreement(signed_on=None, signed_on_precision=Precision.DAY)
    page = staff_client.get(change_url(agreement))

    response = staff_client.post(
        change_url(agreement),
        admin_form_data(page, signed_on="۱۳۹۷/۰۴", signed_on_precision=Precision.MONTH),
    )

    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.signed_on == datetime.date(2018, 7, 6)
    assert agreement.signed_on_display("fa") == "تیر ۱۳۹۷"


def test_partial_date_with_exact_day_precision_is_refused_and_nothing_changes(staff_client):
    agreement = make_agreement(signed_on=datetime.date(2019, 5, 5), signed_on_precision="day")
    page = staff_client.get(change_url(agreement))

    response = staff_client.post(
        change_url(agreement),
        admin_form_data(page, signed_on="۱۳۹۷", signed_on_precision=Precision.DAY),
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["signed_on"] == [
        "این تاریخ دقتِ «روز دقیق» را ندارد: آن را کامل کنید یا دقتی را که دارد انتخاب کنید."
    ]
    agreement.refresh_from_db()
    assert agreement.signed_on == datetime.date(2019, 5, 5)


def test_saving_an_unchanged_partial_date_keeps_the_stored_day(staff_client):
    # 1 March 2018 lies in the Solar Hijri year 1396; re-saving must not move it to 1397's day.
    agreement = make_agreement(signed_on=datetime.date(2018, 3, 1), signed_on_precision="year")
    page = staff_client.get(change_url(agreement))
    assert 'value="۱۳۹۶"' in signed_on_input(page)

    staff_client.post(change_url(agreement), admin_form_data(page))

    agreement.refresh_from_db()
    assert agreement.signed_on == datetime.date(2018, 3, 1)


def test_commitment_target_dates_are_solar_hijri_in_list_and_form(staff_client):
    commitment = make_commitment(make_agreement(), target_date=datetime.date(2027, 3, 20))

    listing = staff_client.get("/admin/sistercities/commitment/").content.decode()
    form = staff_client.get(
        f"/admin/sistercities/commitment/{commitment.pk}/change/?language=fa"
    ).content.decode()

    assert "۲۹ اسفند ۱۴۰۵" in listing
    assert re.search(r'name="target_date" value="۱۴۰۵/۱۲/۲۹"', form)


def test_commitment_target_date_is_saved_from_solar_hijri(staff_client):
    commitment = make_commitment(make_agreement(), target_date=None)
    url = f"/admin/sistercities/commitment/{commitment.pk}/change/?language=fa"
    page = staff_client.get(url)

    response = staff_client.post(url, admin_form_data(page, target_date="1405/12/29"))

    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.target_date == datetime.date(2027, 3, 20)


def test_linking_an_agreement_from_a_release_is_recorded_by_its_title(staff_client):
    release = make_release()
    agreement = make_agreement()
    url = f"/admin/newsroom/pressrelease/{release.pk}/change/?language=fa"
    page = staff_client.get(url)
    prefix = "Agreement_related_releases"

    staff_client.post(
        url,
        admin_form_data(page, tags="")
        | {
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-0-agreement": agreement.pk,
        },
    )

    entry = LogEntry.objects.get()
    with translation.override("fa"):
        assert entry.get_change_message() == f"توافق‌نامه «{agreement}» اضافه شد."
    with translation.override("en"):
        assert entry.get_change_message() == f"Added agreement “{agreement}”."


def test_english_admin_writes_a_partial_signing_date_as_text(staff_client):
    staff_client.cookies["django_language"] = "en"
    agreement = make_agreement(signed_on=datetime.date(2018, 7, 15), signed_on_precision="month")

    page = staff_client.get(change_url(agreement))
    field = signed_on_input(page)
    saved = staff_client.post(
        change_url(agreement),
        admin_form_data(page, signed_on="2019", signed_on_precision=Precision.YEAR),
    )

    assert 'type="text"' in field
    assert 'value="2018-07"' in field
    assert saved.status_code == 302
    agreement.refresh_from_db()
    assert (agreement.signed_on, agreement.signed_on_precision) == (
        datetime.date(2019, 7, 1),
        "year",
    )
