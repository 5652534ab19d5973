import csv
import datetime
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sistercities.models import Agreement, Commitment
from tests.factories import make_release
from tests.sistercities.factories import (
    make_agreement,
    make_commitment,
    make_commitments,
    make_partner_city,
    make_update,
)

pytestmark = pytest.mark.django_db

YESTERDAY = timezone.localdate() - datetime.timedelta(days=1)


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    client.cookies["django_language"] = "en"
    return client


def changelist_pks(response):
    return sorted(obj.pk for obj in response.context["cl"].result_list)


def read_csv(response):
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


def test_overdue_commitments_are_one_click_from_the_admin_index(staff_client):
    agreement = make_agreement()
    late = make_commitment(agreement, status=Commitment.Status.AGREED, target_date=YESTERDAY)
    make_commitment(agreement, status=Commitment.Status.COMPLETED, target_date=YESTERDAY)
    make_commitment(agreement, target_date=timezone.localdate())

    index = staff_client.get("/admin/").content.decode()
    listing = staff_client.get("/admin/sistercities/overduecommitment/")

    assert '<a href="/admin/sistercities/overduecommitment/">Overdue commitments</a>' in index
    assert changelist_pks(listing) == [late.pk]


def test_commitment_list_filters_by_overdue(staff_client):
    agreement = make_agreement()
    late = make_commitment(agreement, target_date=YESTERDAY)
    on_time = make_commitment(agreement)

    overdue = staff_client.get("/admin/sistercities/commitment/?overdue=yes")
    not_overdue = staff_client.get("/admin/sistercities/commitment/?overdue=no")

    assert changelist_pks(overdue) == [late.pk]
    assert changelist_pks(not_overdue) == [on_time.pk]


def test_agreement_page_links_to_its_overdue_commitments(staff_client):
    agreement = make_agreement()
    make_commitment(agreement, target_date=YESTERDAY)

    content = staff_client.get(
        f"/admin/sistercities/agreement/{agreement.pk}/change/"
    ).content.decode()

    url = f"/admin/sistercities/commitment/?overdue=yes&amp;agreement__id__exact={agreement.pk}"
    assert f'<a href="{url}">Show this agreement&#x27;s overdue commitments</a>' in content


def test_update_added_in_admin_moves_the_commitment(staff_client):
    commitment = make_commitment(make_agreement(), status=Commitment.Status.AGREED)
    url = f"/admin/sistercities/commitment/{commitment.pk}/change/?language=fa"

    response = staff_client.post(
        url,
        {
            "agreement": commitment.agreement_id,
            "title": "اتاق گوانگژو",
            "sector": commitment.sector,
            "target_date": "",
            "order": "0",
            "is_public": "on",
            "description": "",
            "responsible_body": "",
            "updates-TOTAL_FORMS": "1",
            "updates-INITIAL_FORMS": "0",
            "updates-0-date": "2026-11-25",
            "updates-0-status": "completed",
            "updates-0-note": "اتاق گوانگژو افتتاح شد.",
        },
    )

    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.status == Commitment.Status.COMPLETED
    update = commitment.updates.get()
    assert update.safe_translation_getter("note", language_code="fa") == "اتاق گوانگژو افتتاح شد."


def test_export_action_writes_commitments_in_the_chosen_language(staff_client):
    agreement = make_agreement()
    commitment = make_commitment(
        agreement,
        sector=Commitment.Sector.SPORT,
        target_date=datetime.date(2027, 3, 20),
    )
    make_update(commitment, Commitment.Status.IN_PROGRESS, date=datetime.date(2026, 11, 22))

    response = staff_client.post(
        "/admin/sistercities/agreement/",
        {
            "action": "export_commitments_csv",
            "_selected_action": [agreement.pk],
            "language": "fa",
        },
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="commitments-fa-')
    header, row = read_csv(response)
    assert header == [
        "توافق‌نامه",
        "شهر همکار",
        "حوزه",
        "تعهد",
        "شرح",
        "دستگاه مسئول",
        "وضعیت",
        "تاریخ هدف",
        "تاریخ هدف (ISO ۸۶۰۱)",
        "عقب‌افتاده",
        "آخرین به‌روزرسانی",
        "آخرین به‌روزرسانی (ISO ۸۶۰۱)",
        "شرح آخرین به‌روزرسانی",
    ]
    assert row == [
        agreement.safe_translation_getter("title", language_code="fa"),
        agreement.partner_city.safe_translation_getter("name", language_code="fa"),
        "ورزش",
        commitment.safe_translation_getter("title", language_code="fa"),
        "",
        "شهرداری گرگان",
        "در حال اجرا",
        "۲۹ اسفند ۱۴۰۵",
        "2027-03-20",
        "خیر",
        "۱ آذر ۱۴۰۵",
        "2026-11-22",
        "گزارش پیشرفت",
    ]


def test_export_link_on_agreement_page_gives_chinese_csv(staff_client):
    agreement = make_agreement()
    make_commitments(agreement, 3)

    response = staff_client.get(
        f"/admin/sistercities/agreement/{agreement.pk}/export-commitments/zh-hans/"
    )

    rows = read_csv(response)
    assert rows[0][:4] == ["协议", "合作城市", "领域", "承诺事项"]
    assert [row[0] for row in rows[1:]] == [
        agreement.safe_translation_getter("title", language_code="zh-hans")
    ] * 3


def test_export_neutralises_spreadsheet_formulas(staff_client):
    agreement = make_agreement()
    commitment = make_commitment(agreement)
    commitment.set_current_language("en")
    commitment.title = "=HYPERLINK(1)"
    commitment.save()

    response = staff_client.get(
        f"/admin/sistercities/agreement/{agreement.pk}/export-commitments/en/"
    )

    assert read_csv(response)[1][3] == "'=HYPERLINK(1)"


def test_duplicate_agreement_slug_in_same_language_is_a_form_error(staff_client):
    make_agreement(slugs={"en": "gorgan-guangzhou"})
    city = make_partner_city()

    response = staff_client.post(
        "/admin/sistercities/agreement/add/?language=en",
        {
            "title": "Another",
            "slug": "gorgan-guangzhou",
            "partner_city": city.pk,
            "kind": Agreement.Kind.PROTOCOL,
            "status": Agreement.Status.SIGNED,
            "signed_on_precision": "day",
            "commitments-TOTAL_FORMS": "0",
            "commitments-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "slug": ["Another agreement already uses this slug in this language."]
    }


def test_release_admin_edits_the_release_agreements(staff_client):
    release = make_release()
    agreement = make_agreement()
    url = f"/admin/newsroom/pressrelease/{release.pk}/change/?language=fa"
    page = staff_client.get(url).content.decode()
    prefixes = re.findall(r'name="([^"]+)-TOTAL_FORMS"', page)
    prefix = next(name for name in prefixes if "agreement" in name.lower())

    form = {
        "title": release.title,
        "slug": release.slug,
        "lead": release.lead,
        "body": release.body,
        "status": release.status,
        "publish_at": "2026-11-20 10:00:00",
        "section": release.section_id,
        "office": release.office_id,
        "tags": "",
        "sign_off": "الف",
        "similar_pins-TOTAL_FORMS": "0",
        "similar_pins-INITIAL_FORMS": "0",
        "gallery_items-TOTAL_FORMS": "0",
        "gallery_items-INITIAL_FORMS": "0",
        "press_contacts-TOTAL_FORMS": "0",
        "press_contacts-INITIAL_FORMS": "0",
    }
    linked = staff_client.post(
        url,
        form
        | {
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-0-agreement": agreement.pk,
        },
    )
    without_inline = staff_client.post(url, form)

    assert (linked.status_code, without_inline.status_code) == (302, 302)
    assert list(release.agreements.all()) == [agreement]


def admin_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [
        "/admin/sistercities/agreement/",
        "/admin/sistercities/commitment/",
        "/admin/sistercities/overduecommitment/",
    ],
)
def test_changelist_queries_do_not_grow_with_rows(staff_client, url):
    city = make_partner_city()
    make_commitment(make_agreement(partner_city=city), target_date=YESTERDAY)
    with_one = admin_queries(staff_client, url)
    for _ in range(10):
        agreement = make_agreement(partner_city=city)
        make_commitments(agreement, 3, target_date=YESTERDAY)

    assert admin_queries(staff_client, url) == with_one
