"""Subscribing by e-mail: the form, double opt-in, preferences and unsubscribing."""

import pytest
from django.core import mail

from newsroom import mailing
from newsroom.models import Subscriber
from tests.factories import make_release, make_section, make_tag
from tests.newsroom.factories import make_subscriber

pytestmark = pytest.mark.django_db


def subscribe(client, email="reader@example.org", language="fa", **data):
    return client.post(f"/{language}/news/subscribe/", {"email": email, "scope": "all", **data})


def link_in(message, start):
    return next(word for word in message.body.split() if word.startswith(start))


def test_subscribe_sends_a_confirmation_in_the_page_language(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(client, "Reader@Example.org", language="en")

    assert response.status_code == 303
    assert response["Location"] == "/en/news/subscribe/sent/"
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.language, subscriber.is_confirmed) == (
        "reader@example.org",
        "en",
        False,
    )
    (message,) = mail.outbox
    assert message.to == ["reader@example.org"]
    assert message.subject == "Confirm your subscription to Gorgan Municipality news"
    assert "https://www.gorgan.example/en/news/subscribe/confirm/" in message.body


def test_confirmation_link_confirms_only_when_the_button_is_pressed(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(client)
    path = link_in(mail.outbox[0], "https://").removeprefix("https://www.gorgan.example")

    shown = client.get(path)
    assert shown.status_code == 200
    assert "no-store" in shown["Cache-Control"]
    assert not Subscriber.objects.get().is_confirmed

    confirmed = client.post(path)
    assert confirmed.status_code == 200
    assert Subscriber.objects.get().is_confirmed


def test_tampered_confirmation_link_is_404(client):
    subscriber = make_subscriber(confirmed=False)
    token = mailing.confirmation_token(subscriber)

    assert client.get(f"/fa/news/subscribe/confirm/{token}x/").status_code == 404
    assert client.post(f"/fa/news/subscribe/confirm/{token[:-2]}/").status_code == 404
    assert not Subscriber.objects.get().is_confirmed


def test_subscribing_a_confirmed_address_changes_nothing_and_sends_its_preferences_link(
    client, django_capture_on_commit_callbacks
):
    section = make_section()
    subscriber = make_subscriber("reader@example.org", sections=[section])

    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(client, "reader@example.org", language="en")

    assert response.status_code == 303
    subscriber.refresh_from_db()
    assert (subscriber.language, subscriber.all_news) == ("fa", False)
    assert list(subscriber.sections.all()) == [section]
    (message,) = mail.outbox
    assert "/fa/news/subscribe/preferences/" in message.body


def test_subscribe_with_a_bad_address_is_refused_in_the_page_language(client):
    response = subscribe(client, "not-an-address", language="en")

    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()
    assert not Subscriber.objects.exists()


def test_choosing_sections_needs_at_least_one(client):
    response = client.post(
        "/fa/news/subscribe/", {"email": "reader@example.org", "scope": "chosen"}
    )

    assert response.status_code == 400
    assert not Subscriber.objects.exists()


def test_subscribe_form_offers_only_tags_of_public_releases(client):
    public_tag = make_tag("پسماند")
    draft_tag = make_tag("طرح محرمانه")
    make_release(tags=[public_tag])
    make_release(tags=[draft_tag], status="draft")

    page = client.get("/fa/news/subscribe/").content.decode()

    assert "پسماند" in page
    assert "طرح محرمانه" not in page


def test_preferences_page_changes_sections_and_language(client):
    subscriber = make_subscriber()
    section = make_section(fa="فرهنگی", en="Culture")
    token = mailing.manage_token(subscriber)

    response = client.post(
        f"/en/news/subscribe/preferences/{token}/",
        {"scope": "chosen", "sections": [section.pk]},
    )

    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert (subscriber.all_news, subscriber.language) == (False, "en")
    assert list(subscriber.sections.all()) == [section]


def test_preferences_link_of_a_deleted_address_is_404(client):
    subscriber = make_subscriber()
    token = mailing.manage_token(subscriber)
    subscriber.delete()

    assert client.get(f"/fa/news/subscribe/preferences/{token}/").status_code == 404


def test_unsubscribe_link_asks_before_deleting(client):
    subscriber = make_subscriber()
    url = f"/fa/news/subscribe/unsubscribe/{mailing.manage_token(subscriber)}/"

    assert client.get(url).status_code == 200
    assert Subscriber.objects.exists()

    response = client.post(url)
    assert response.status_code == 200
    assert "حذف شد" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_one_click_unsubscribe_works_without_cookies_or_csrf_token():
    from django.test import Client

    subscriber = make_subscriber()
    url = f"/en/news/subscribe/unsubscribe/{mailing.manage_token(subscriber)}/"

    response = Client(enforce_csrf_checks=True).post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 200
    assert not Subscriber.objects.exists()


def test_forged_unsubscribe_token_deletes_nothing(client):
    make_subscriber()

    response = client.post(
        "/fa/news/subscribe/unsubscribe/made-up/", {"List-Unsubscribe": "One-Click"}
    )

    assert response.status_code == 404
    assert Subscriber.objects.count() == 1


def test_subscription_pages_are_never_cached(client, settings):
    settings.PAGE_CACHE_SECONDS = 300

    first = client.get("/fa/news/subscribe/")
    second = client.get("/fa/news/subscribe/")

    assert "no-store" in first["Cache-Control"]
    assert "X-Page-Cache" not in second


def test_subscribe_page_has_a_link_in_the_footer(client):
    page = client.get("/fa/").content.decode()

    assert 'href="/fa/news/subscribe/"' in page


def test_subscribing_and_unsubscribing_leave_cached_pages_cached(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    client.get("/fa/")

    subscriber = make_subscriber(sections=[make_section()])
    subscriber.confirm()
    subscriber.delete()

    assert client.get("/fa/")["X-Page-Cache"] == "hit"


def test_many_subscriptions_from_one_address_are_refused_for_a_while(client):
    for number in range(10):
        assert subscribe(client, f"reader{number}@example.org").status_code == 303

    refused = subscribe(client, "one-more@example.org", language="en")

    assert refused.status_code == 429
    assert "Please wait a few minutes." in refused.content.decode()
    assert not Subscriber.objects.filter(email="one-more@example.org").exists()


def test_expired_confirmation_link_is_404_and_the_address_is_then_forgotten(client, monkeypatch):
    import time
    from datetime import timedelta

    from django.utils import timezone

    subscriber = make_subscriber(confirmed=False)
    four_days = timedelta(days=4)
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() - four_days.total_seconds())
    token = mailing.confirmation_token(subscriber)
    monkeypatch.setattr(time, "time", real_time)
    Subscriber.objects.update(created_at=timezone.now() - four_days)

    assert client.post(f"/fa/news/subscribe/confirm/{token}/").status_code == 404
    subscribe(client, "someone.else@example.org")
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["someone.else@example.org"]
