"""The sister cities in the read API, and each agreement's tracker as open data."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sistercities.export import OPEN_DATA_FIELDS
from sistercities.models import Agreement, Commitment
from sistercities.serializers import TrackerRecordSerializer
from tests.factories import make_release
from tests.sistercities.factories import (
    make_agreement,
    make_commitment,
    make_commitments,
    make_partner_city,
    make_update,
)


def results(response):
    assert response.status_code == 200, response.content[:300]
    return response.json()["results"]


@pytest.fixture
def agreement(db):
    return make_agreement(slugs={"en": "gorgan-guangzhou"})


@pytest.fixture
def secret(db):
    """An agreement under negotiation, with a commitment and a related release."""
    hidden = make_agreement(status=Agreement.Status.UNDER_NEGOTIATION)
    make_commitment(hidden)
    hidden.related_releases.add(make_release())
    return hidden


@pytest.mark.django_db
def test_agreements_under_negotiation_never_appear(client, agreement, secret):
    make_commitment(agreement)
    title = secret.safe_translation_getter("title", language_code="en")

    bodies = "".join(
        client.get(url).content.decode()
        for url in (
            "/api/v1/agreements/?lang=en",
            "/api/v1/commitments/?lang=en",
            "/api/v1/partner-cities/?lang=en",
        )
    )

    assert title not in bodies
    assert [a["id"] for a in results(client.get("/api/v1/agreements/"))] == [agreement.pk]
    for path in ("", "tracker.csv", "tracker.json"):
        assert client.get(f"/api/v1/agreements/{secret.pk}/{path}").status_code == 404
    assert client.get(f"/api/v1/commitments/?agreement={secret.pk}").status_code == 400
    assert client.get(f"/api/v1/releases/?agreement={secret.pk}").status_code == 400
    secret_city = secret.partner_city.slug
    assert client.get(f"/api/v1/partner-cities/{secret_city}/").status_code == 404


@pytest.mark.django_db
def test_internal_commitments_never_appear(client, agreement):
    shown = make_commitment(agreement)
    internal = make_commitment(agreement, is_public=False)

    listed = [c["id"] for c in results(client.get("/api/v1/commitments/"))]
    tracker = client.get(f"/api/v1/agreements/{agreement.pk}/tracker.json").json()

    assert listed == [shown.pk]
    assert [c["commitment_id"] for c in tracker["commitments"]] == [shown.pk]
    assert client.get(f"/api/v1/commitments/{internal.pk}/").status_code == 404
    assert client.get(f"/api/v1/agreements/{agreement.pk}/").json()["progress"]["total"] == 1


@pytest.mark.django_db
def test_agreement_fields_with_codes_labels_and_both_calendars(client, agreement):
    make_commitments(agreement, 2, status=Commitment.Status.COMPLETED)
    make_commitment(agreement)

    item = client.get(f"/api/v1/agreements/{agreement.pk}/?lang=en").json()

    assert item["kind"] == {"code": "sister_city", "label": "Sister city"}
    assert item["status"] == {"code": "active", "label": "Active"}
    assert (item["signed_on"], item["signed_on_solar_hijri"]) == ("2018", "1397")
    assert item["progress"] == {"total": 3, "completed": 2, "percent": 67}
    assert item["url"] == "http://testserver/en/sister-cities/gorgan-guangzhou/"
    assert item["releases_url"].endswith(f"/api/v1/releases/?lang=en&agreement={agreement.pk}")
    assert item["is_fallback"] is False


@pytest.mark.django_db
def test_untranslated_agreement_is_a_marked_persian_fallback(client):
    persian = make_agreement(languages=("fa",))

    item = client.get(f"/api/v1/agreements/{persian.pk}/?lang=zh-hans").json()

    assert (item["language"], item["is_fallback"]) == ("fa", True)
    assert item["status"]["label"] == "有效"


@pytest.mark.django_db
def test_commitment_carries_its_updates_newest_first(client, agreement):
    commitment = make_commitment(agreement, target_date=datetime.date(2027, 3, 20))
    make_update(commitment, "agreed", date=datetime.date(2026, 10, 1))
    make_update(commitment, "in_progress", date=datetime.date(2026, 11, 1))

    item = client.get(f"/api/v1/commitments/{commitment.pk}/?lang=en").json()

    assert item["status"] == {"code": "in_progress", "label": "In progress"}
    assert (item["target_date"], item["target_date_solar_hijri"]) == ("2027-03-20", "1405-12-29")
    assert [(u["date"], u["status"]["code"], u["note"]) for u in item["updates"]] == [
        ("2026-11-01", "in_progress", "Progress note"),
        ("2026-10-01", "agreed", "Progress note"),
    ]
    assert item["updates"][0]["date_solar_hijri"] == "1405-08-10"


@pytest.mark.django_db
def test_commitments_filter_by_agreement(client, agreement):
    mine = make_commitment(agreement)
    make_commitment(make_agreement())

    listed = results(client.get(f"/api/v1/commitments/?agreement={agreement.pk}"))

    assert [c["id"] for c in listed] == [mine.pk]


@pytest.mark.django_db
def test_releases_filter_by_agreement(client, agreement):
    related = make_release()
    make_release()
    agreement.related_releases.add(related)

    listed = results(client.get(f"/api/v1/releases/?agreement={agreement.pk}"))

    assert [r["short_code"] for r in listed] == [related.short_code]


@pytest.mark.django_db
def test_partner_cities_with_their_public_agreements(client, agreement, secret):
    make_partner_city()  # no agreement at all

    cities = results(client.get("/api/v1/partner-cities/?lang=en"))

    assert [(c["slug"], [a["id"] for a in c["agreements"]]) for c in cities] == [
        (agreement.partner_city.slug, [agreement.pk])
    ]
    assert cities[0]["country"] == {"code": "CN", "name": "China"}


def csv_cell(value):
    """A JSON value as the CSV writes it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def tracker_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


@pytest.mark.django_db
def test_tracker_csv_has_the_documented_columns(client, agreement):
    commitment = make_commitment(
        agreement, target_date=datetime.date(2020, 1, 1), status=Commitment.Status.AGREED
    )
    make_update(commitment, "stalled", date=datetime.date(2026, 11, 1))

    response = client.get(f"/api/v1/agreements/{agreement.pk}/tracker.csv?lang=en")
    header, row = tracker_rows(response)
    record = dict(zip(header, row, strict=True))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="gorgan-agreement-{agreement.pk}-commitments-en.csv"'
    )
    assert tuple(header) == OPEN_DATA_FIELDS
    assert record | {"title": "", "description": ""} == {
        "agreement_id": str(agreement.pk),
        "agreement_title": agreement.safe_translation_getter("title", language_code="en"),
        "partner_city": agreement.partner_city.safe_translation_getter("name", language_code="en"),
        "commitment_id": str(commitment.pk),
        "order": "0",
        "sector": "culture_heritage",
        "sector_label": "Culture and heritage",
        "title": "",
        "description": "",
        "responsible_body": "Gorgan Municipality",
        "status": "stalled",
        "status_label": "Stalled",
        "target_date": "2020-01-01",
        "target_date_solar_hijri": "1398-10-11",
        "overdue": "true",
        "last_update_date": "2026-11-01",
        "last_update_date_solar_hijri": "1405-08-10",
        "last_update_status": "stalled",
        "last_update_status_label": "Stalled",
        "last_update_note": "Progress note",
        "text_language": "en",
    }


@pytest.mark.django_db
def test_tracker_json_holds_the_same_records_as_the_csv(client, agreement):
    make_commitments(agreement, 3)

    csv_rows = tracker_rows(client.get(f"/api/v1/agreements/{agreement.pk}/tracker.csv"))
    document = client.get(f"/api/v1/agreements/{agreement.pk}/tracker.json").json()

    assert document["schema_version"] == 1
    assert document["agreement"]["id"] == agreement.pk
    assert [
        [csv_cell(record[name]) for name in OPEN_DATA_FIELDS] for record in document["commitments"]
    ] == csv_rows[1:]
    assert tuple(TrackerRecordSerializer().fields) == OPEN_DATA_FIELDS


@pytest.mark.django_db
def test_tracker_cells_never_start_a_spreadsheet_formula(client, agreement):
    commitment = make_commitment(agreement)
    commitment.set_current_language("fa")
    commitment.title = "=HYPERLINK(1)"
    commitment.save()

    _header, row = tracker_rows(client.get(f"/api/v1/agreements/{agreement.pk}/tracker.csv"))

    assert row[OPEN_DATA_FIELDS.index("title")] == "'=HYPERLINK(1)"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fa", "en", "zh-hans"])
def test_tracker_page_links_its_open_data(client, agreement, language):
    make_commitment(agreement)

    page = client.get(agreement.get_absolute_url(language)).content.decode()

    assert f'href="/api/v1/agreements/{agreement.pk}/tracker.csv?lang={language}"' in page
    assert f'href="/api/v1/agreements/{agreement.pk}/tracker.json?lang={language}"' in page
    assert f'href="/{language}/api/"' in page


def list_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/agreements/?lang=en",
        "/api/v1/commitments/?lang=en",
        "/api/v1/partner-cities/?lang=en",
    ],
)
def test_list_query_count_is_the_same_for_one_item_and_many(client, url):
    first = make_agreement()
    make_update(make_commitment(first), "agreed")
    with_one = list_queries(client, url)
    for _ in range(4):
        agreement = make_agreement()
        for commitment in make_commitments(agreement, 3):
            make_update(commitment, "in_progress")

    assert list_queries(client, url) == with_one


@pytest.mark.django_db
def test_tracker_download_query_count_does_not_grow(client, agreement):
    make_update(make_commitment(agreement), "agreed")
    small = list_queries(client, f"/api/v1/agreements/{agreement.pk}/tracker.json")
    for commitment in make_commitments(agreement, 10):
        make_update(commitment, "agreed")

    assert list_queries(client, f"/api/v1/agreements/{agreement.pk}/tracker.json") == small
