"""The home page: lead story, latest news and the sister-city highlight."""

import datetime
import itertools
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sistercities.models import Agreement, Commitment
from tests.factories import make_release
from tests.sistercities.factories import make_agreement, make_commitment, make_commitments

pytestmark = pytest.mark.django_db


def hours_ago(hours):
    return timezone.now() - datetime.timedelta(hours=hours)


def home(client, language="fa"):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    return response.content.decode()


def test_newest_release_is_the_lead_story_and_the_others_follow_as_cards(client):
    older = make_release(publish_at=hours_ago(5))
    newest = make_release(publish_at=hours_ago(1))
    middle = make_release(publish_at=hours_ago(3))

    content = home(client, "en")

    lead = re.search(r'<article class="lead-story">.*?</article>', content, re.S).group()
    assert re.findall(r'<h2 class="lead-story__title"><a href="([^"]+)">', lead) == [
        newest.get_absolute_url("en")
    ]
    cards = re.findall(r'<h3 class="release-card__title"><a href="([^"]+)">', content)
    assert cards == [middle.get_absolute_url("en"), older.get_absolute_url("en")]


def test_home_has_one_h1_and_headings_in_order(client):
    make_release()
    make_release()
    make_agreement()

    levels = [int(level) for level in re.findall(r"<h([1-6])[ >]", home(client))]

    assert levels.count(1) == 1
    assert all(later - earlier <= 1 for earlier, later in itertools.pairwise(levels))


def test_most_recently_signed_agreement_is_highlighted_with_its_progress(client):
    make_agreement(signed_on=datetime.date(2015, 1, 1))
    newest = make_agreement(signed_on=datetime.date(2019, 5, 1))
    make_agreement(signed_on=datetime.date(2024, 1, 1), status=Agreement.Status.UNDER_NEGOTIATION)
    make_commitment(newest, status=Commitment.Status.COMPLETED)
    make_commitment(newest)
    make_commitment(newest, is_public=False)

    content = home(client, "en")

    teaser = re.search(r'<article class="agreement-teaser">.*?</article>', content, re.S).group()
    city = newest.partner_city.safe_translation_getter("name", language_code="en")
    assert f'<p class="agreement-teaser__kicker">{city} · Sister city</p>' in teaser
    assert (
        f'<a href="{newest.get_absolute_url("en")}">'
        f"{newest.safe_translation_getter('title', language_code='en')}</a>"
    ) in teaser
    assert re.findall(r'<p class="progress-summary__text">\s*(.*?)\s*</p>', teaser) == [
        "1 of 2 commitments completed"
    ]


def test_home_without_public_agreements_has_no_highlight(client):
    make_release()
    make_agreement(status=Agreement.Status.UNDER_NEGOTIATION)

    assert "agreement-teaser" not in home(client)


def count_queries(client, url):
    client.get(url)  # the site identity and services are cached after the first page
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def test_home_query_count_does_not_grow_with_agreements_and_commitments(client):
    make_release()
    make_commitments(make_agreement(), 1)
    with_one = count_queries(client, "/fa/")
    for _ in range(5):
        make_release()
        make_commitments(make_agreement(), 12)

    assert count_queries(client, "/fa/") == with_one <= 8
