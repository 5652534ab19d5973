"""The tracker pages cost the same number of queries for 16 or 100 commitments."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sistercities.models import Commitment
from tests.factories import make_release
from tests.sistercities.factories import make_agreement, make_commitments, make_update

pytestmark = pytest.mark.django_db

# The page's own reads, the site's name, and the stored header, services and footer.
AGREEMENT_PAGE_BUDGET = 11
ARTICLE_PAGE_BUDGET = 8


def count_queries(client, url):
    client.get(url)  # the site identity and services are cached after the first page
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def tracked_agreement(commitment_count, release_count=2):
    agreement = make_agreement()
    for commitment in make_commitments(agreement, commitment_count):
        make_update(commitment, Commitment.Status.AGREED)
    agreement.related_releases.set([make_release() for _ in range(release_count)])
    return agreement


@pytest.mark.parametrize("query", ["", "?sector=culture_heritage&status=agreed"])
def test_agreement_page_queries_do_not_grow_with_commitments(client, query):
    sixteen = tracked_agreement(16)
    hundred = tracked_agreement(100, release_count=5)

    small = count_queries(client, sixteen.get_absolute_url("fa") + query)
    large = count_queries(client, hundred.get_absolute_url("fa") + query)

    assert small == large
    assert large <= AGREEMENT_PAGE_BUDGET


def test_index_queries_do_not_grow_with_agreements_and_commitments(client):
    tracked_agreement(16, release_count=0)
    with_one = count_queries(client, "/en/sister-cities/")
    for _ in range(3):
        tracked_agreement(100 // 3, release_count=0)

    assert count_queries(client, "/en/sister-cities/") == with_one


def test_article_page_with_related_agreements_stays_within_budget(client):
    one = make_release()
    one.agreements.set([make_agreement()])
    several = make_release()
    several.agreements.set([make_agreement() for _ in range(5)])

    assert count_queries(client, one.get_absolute_url("fa")) == count_queries(
        client, several.get_absolute_url("fa")
    )
    assert count_queries(client, several.get_absolute_url("fa")) <= ARTICLE_PAGE_BUDGET
