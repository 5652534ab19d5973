"""Public agreements and commitments in the site search (run on SQLite and PostgreSQL)."""

import re

import pytest

from gorgan.kit import search
from sistercities.models import Agreement
from tests.sistercities.factories import make_agreement, make_commitment, set_text

pytestmark = pytest.mark.django_db


def found(client, query, language="fa"):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    outcome = response.context["outcome"]
    return [result.url for result in outcome.results] if outcome else []


def commitment_url(commitment, language="fa"):
    return f"{commitment.agreement.get_absolute_url(language)}#commitment-{commitment.pk}"


SPELLINGS = [
    ("تبادل كتاب و موسيقي", "کتاب موسیقی"),  # Arabic kaf and yeh in the text
    ("تبادل کتاب و موسیقی", "كتاب موسيقي"),  # ... or in the query
    ("همکاری‌های فرهنگی", "همکاری های"),  # ZWNJ in the text, a space in the query
    ("همکاری های فرهنگی", "همکاری‌های"),
    ("همکاری‌های فرهنگی", "همکاریهای"),
    ("همکاریهای فرهنگی", "همکاری‌های"),
    ("نمایشگاه برگزار می‌شود", "میشود"),
    ("نمایشگاه برگزار می شود", "می‌شود"),
]


@pytest.mark.parametrize(("indexed", "query"), SPELLINGS)
def test_spelling_variants_find_the_agreement(client, indexed, query):
    agreement = set_text(make_agreement(), "fa", title=indexed)
    make_agreement()

    assert found(client, query) == [agreement.get_absolute_url("fa")]


@pytest.mark.parametrize(("indexed", "query"), SPELLINGS)
def test_spelling_variants_find_the_commitment(client, indexed, query):
    agreement = make_agreement()
    commitment = set_text(make_commitment(agreement), "fa", description=indexed)
    make_commitment(agreement)

    assert found(client, query) == [commitment_url(commitment)]


def test_agreement_is_found_by_its_summary_signatories_bodies_and_partner_city(client):
    agreement = make_agreement(languages=("fa", "en"))
    set_text(
        agreement,
        "en",
        summary="Cooperation on ports.",
        signatories="The mayor of Gorgan",
        counterpart_bodies="Guangzhou Foreign Affairs Office",
    )
    set_text(agreement.partner_city, "en", name="Bandar Anzali")
    url = agreement.get_absolute_url("en")

    assert found(client, "ports", "en") == [url]
    assert found(client, "mayor", "en") == [url]
    assert found(client, "foreign affairs", "en") == [url]
    assert found(client, "anzali", "en") == [url]


def test_commitment_is_found_by_its_responsible_body_and_sector_label(client):
    commitment = make_commitment(make_agreement(), sector="tourism")
    set_text(commitment, "en", responsible_body="Golestan Cultural Heritage Office")

    assert found(client, "heritage office", "en") == [commitment_url(commitment, "en")]
    assert found(client, "گردشگری") == [commitment_url(commitment)]  # «Tourism» in Persian
    assert found(client, "旅游", "zh-hans") == [commitment_url(commitment, "zh-hans")]


def test_agreement_under_negotiation_and_its_commitments_never_appear(client):
    secret = make_agreement(status=Agreement.Status.UNDER_NEGOTIATION)
    set_text(secret, "fa", title="تفاهم‌نامه محرمانه بندر")
    set_text(make_commitment(secret), "fa", title="تعهد محرمانه بندر")

    for language in ("fa", "en", "zh-hans"):
        assert found(client, "محرمانه", language) == []
    assert found(client, secret.safe_translation_getter("title", language_code="en"), "en") == []


def test_agreement_leaving_negotiation_appears_with_its_commitments(client):
    agreement = make_agreement(status=Agreement.Status.UNDER_NEGOTIATION)
    set_text(agreement, "fa", title="تفاهم‌نامه بندر")
    commitment = set_text(make_commitment(agreement), "fa", title="تعهد بندر")
    assert found(client, "بندر") == []

    agreement.status = Agreement.Status.SIGNED
    agreement.save()

    assert sorted(found(client, "بندر")) == sorted(
        [agreement.get_absolute_url("fa"), commitment_url(commitment)]
    )


def test_commitment_not_public_never_appears(client):
    agreement = make_agreement()
    shown = set_text(make_commitment(agreement), "fa", title="تعهد اول بندر")
    set_text(make_commitment(agreement, is_public=False), "fa", title="تعهد داخلی بندر")

    assert found(client, "بندر") == [commitment_url(shown)]
    assert found(client, "داخلی") == []


def test_results_are_only_in_the_page_language(client):
    persian_only = make_agreement(languages=("fa",))
    set_text(persian_only, "fa", title="تفاهم‌نامه Rasht ports")
    english = make_agreement(languages=("fa", "en"))
    set_text(english, "en", title="Agreement on ports")
    commitment = set_text(make_commitment(english), "en", title="Ports exchange")

    assert found(client, "ports", "fa") == [persian_only.get_absolute_url("fa")]
    assert sorted(found(client, "ports", "en")) == sorted(
        [english.get_absolute_url("en"), commitment_url(commitment, "en")]
    )
    assert found(client, "ports", "zh-hans") == []


def test_commitment_of_an_untranslated_agreement_is_not_shown(client):
    # The link would lead to a page in another language.
    agreement = make_agreement(languages=("fa",))
    set_text(make_commitment(agreement), "en", title="Ports exchange")

    assert found(client, "ports", "en") == []


def test_commitment_result_links_to_its_entry_on_the_agreement_page(client):
    agreement = make_agreement()
    commitment = set_text(make_commitment(agreement), "fa", title="ایجاد اتاق بازرگانی")

    url = found(client, "بازرگانی")[0]
    page = client.get(url.split("#")[0]).content.decode()

    assert url == f"{agreement.get_absolute_url('fa')}#commitment-{commitment.pk}"
    assert f'id="commitment-{commitment.pk}"' in page


def test_results_show_their_kind_highlight_and_partial_date(client):
    agreement = make_agreement()  # signed in 1397; only the year is known
    set_text(agreement, "fa", title="تفاهم‌نامه بندر")
    set_text(make_commitment(agreement), "fa", title="تعهد بندر")

    content = client.get("/fa/search/", {"q": "بندر"}).content.decode()
    kinds = re.findall(r'<p class="search-result__kind">(.*?)</p>', content)
    metas = re.findall(r'<p class="search-result__meta">(.*?)</p>', content)

    assert set(kinds) == {"تعهد", "توافق‌نامه"}
    assert "<mark>بندر</mark>" in content
    assert set(metas) == {"۱۳۹۷", "تفاهم‌نامه بندر · فرهنگ و میراث"}


def test_search_query_count_does_not_grow_with_results(client, django_assert_num_queries):
    # One query per source for the matches, then the agreements shown with their
    # translations, and the commitments shown with their agreements and both translations;
    # the site's name, and the stored header, services and footer.
    agreement = set_text(make_agreement(), "fa", title="تفاهم‌نامه بندر")
    set_text(make_commitment(agreement), "fa", title="تعهد بندر")
    client.get("/fa/search/", {"q": "بندر"})  # the header, services and footer get stored
    with django_assert_num_queries(10):
        client.get("/fa/search/", {"q": "بندر"})

    # A full page of results, half agreements, half commitments.
    for _ in range(search.RESULTS_PER_PAGE // 2 - 1):
        agreement = set_text(make_agreement(), "fa", title="تفاهم‌نامه بندر")
        set_text(make_commitment(agreement), "fa", title="تعهد بندر")
    with django_assert_num_queries(10):
        outcome = client.get("/fa/search/", {"q": "بندر"}).context["outcome"]
    assert len(outcome.results) == search.RESULTS_PER_PAGE
