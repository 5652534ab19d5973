"""The admin of subscribers, channels and a release's deliveries."""

import pytest
from django.core import mail
from django.utils import timezone

from gorgan.kit.roles import EDITOR, WRITER
from newsroom.models import Channel, ChannelPost, MailDelivery
from newsroom.roles import AUDIENCE
from tests.factories import make_release, make_staff
from tests.newsroom.factories import make_channel, make_subscriber

pytestmark = pytest.mark.django_db

SUBSCRIBERS = "/admin/newsroom/subscriber/"


def logged_in(client, *roles):
    client.force_login(make_staff(*roles))
    return client


def test_release_page_shows_each_channels_status_and_error(admin_client):
    release = make_release()
    telegram = make_channel("telegram", name="Gorgan Telegram")
    bale = make_channel("bale", name="Gorgan Bale")
    ChannelPost.objects.create(
        release=release, channel=telegram, status="sent", sent_at=timezone.now()
    )
    ChannelPost.objects.create(
        release=release,
        channel=bale,
        status="retrying",
        attempts=2,
        last_error="HTTP 403: Forbidden: bot is not a member of the channel chat",
    )
    MailDelivery.objects.create(
        release=release, subscriber=make_subscriber(), status="sent", sent_at=timezone.now()
    )

    page = admin_client.get(f"/admin/newsroom/pressrelease/{release.pk}/change/").content.decode()

    assert "Gorgan Telegram (تلگرام): ارسال شد" in page
    assert "Gorgan Bale (بله): ناموفق، دوباره تلاش می‌شود (تلاش بعدی" in page
    assert "bot is not a member of the channel chat" in page
    assert "خبر: ۱ ارسال‌شده، ۰ ناموفق (۰ به خبرنگاران)" in page


def test_editor_sees_subscriber_counts_but_not_addresses(client):
    make_subscriber("secret.reader@example.org")
    make_subscriber("waiting@example.org", confirmed=False)
    editor = logged_in(client, EDITOR)

    page = editor.get(SUBSCRIBERS).content.decode()

    assert "۱ مشترک تأییدشده، ۱ در انتظار تأیید." in page
    assert "s•••@example.org" in page
    assert "secret.reader" not in page
    assert "export_addresses" not in page
    assert editor.get(f"{SUBSCRIBERS}?q=secret").content.decode().count("s•••@") == 1


def test_editor_cannot_export_addresses_by_posting_the_action(client):
    subscriber = make_subscriber("secret.reader@example.org")
    editor = logged_in(client, EDITOR)

    response = editor.post(
        SUBSCRIBERS, {"action": "export_addresses", "_selected_action": [subscriber.pk]}
    )

    assert "secret.reader" not in response.content.decode()


def test_audience_manager_exports_the_addresses(client):
    subscriber = make_subscriber("reader@example.org", language="en")
    manager = logged_in(client, AUDIENCE)

    response = manager.post(
        SUBSCRIBERS, {"action": "export_addresses", "_selected_action": [subscriber.pk]}
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "email,language,all_news,confirmed_at"
    assert lines[1].startswith("reader@example.org,en,1,")


def test_audience_manager_removes_a_subscriber(client):
    subscriber = make_subscriber()
    manager = logged_in(client, AUDIENCE)

    manager.post(f"{SUBSCRIBERS}{subscriber.pk}/delete/", {"post": "yes"})

    assert not type(subscriber).objects.exists()


def test_writer_sees_no_subscribers(client):
    make_subscriber()
    writer = logged_in(client, WRITER)

    assert writer.get(SUBSCRIBERS).status_code == 403


def test_editor_sends_a_correction_from_the_release_list(
    client, django_capture_on_commit_callbacks
):
    make_subscriber("reader@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        release = make_release(publish_at=timezone.now())
    assert len(mail.outbox) == 1
    editor = logged_in(client, EDITOR)

    editor.post(
        "/admin/newsroom/pressrelease/",
        {"action": "send_correction", "_selected_action": [release.pk]},
    )

    assert len(mail.outbox) == 2
    assert mail.outbox[1].subject.startswith("اصلاحیه: ")


def test_writer_cannot_send_a_correction(client, django_capture_on_commit_callbacks):
    make_subscriber("reader@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        release = make_release(publish_at=timezone.now())
    writer = logged_in(client, WRITER)

    writer.post(
        "/admin/newsroom/pressrelease/",
        {"action": "send_correction", "_selected_action": [release.pk]},
    )

    assert len(mail.outbox) == 1


def test_channel_token_is_never_shown_and_kept_when_left_empty(admin_client):
    channel = make_channel("telegram", bot_token="123:very-secret")
    url = f"/admin/newsroom/channel/{channel.pk}/change/"

    assert "very-secret" not in admin_client.get(url).content.decode()
    response = admin_client.post(
        url,
        {
            "name": "Renamed",
            "kind": "telegram",
            "chat_id": channel.chat_id,
            "bot_token": "",
            "language": "fa",
            "active": "on",
        },
    )

    assert response.status_code == 302
    channel.refresh_from_db()
    assert (channel.name, channel.bot_token) == ("Renamed", "123:very-secret")


def test_telegram_channel_without_a_token_is_refused(admin_client):
    admin_client.cookies["django_language"] = "en"
    response = admin_client.post(
        "/admin/newsroom/channel/add/",
        {"name": "New", "kind": "telegram", "chat_id": "@new", "language": "fa", "active": "on"},
    )

    assert response.status_code == 200
    assert "A Telegram or Bale channel needs its bot&#x27;s token." in response.content.decode()
    assert not Channel.objects.exists()


def test_audience_manager_sends_journalists_their_press_room_link(client):
    from tests.newsroom.factories import make_journalist

    journalist = make_journalist(language="en", email="reporter@press.example")
    manager = logged_in(client, AUDIENCE)

    manager.post(
        "/admin/newsroom/journalist/",
        {"action": "send_press_room_link", "_selected_action": [journalist.pk]},
    )

    (message,) = mail.outbox
    assert message.to == ["reporter@press.example"]
    assert message.subject == "Your link to the Gorgan Municipality press room"
    path = next(w for w in message.body.split() if "/news/press/" in w)
    assert client.get(path.removeprefix("https://www.gorgan.example")).status_code == 200


def test_editor_adds_press_contacts_in_each_language_tab(admin_client):
    from newsroom.models import PressContact
    from tests.admin_forms import admin_form_data

    release = make_release()
    url = f"/admin/newsroom/pressrelease/{release.pk}/change/"

    def add_contact(language, **fields):
        page = admin_client.get(f"{url}?language={language}")
        data = admin_form_data(page)
        data.update({f"press_contacts-{key}": value for key, value in fields.items()})
        return admin_client.post(f"{url}?language={language}", data)

    created = add_contact(
        "fa",
        **{
            "TOTAL_FORMS": "1",
            "0-name": "مریم احمدی",
            "0-role": "کارشناس روابط عمومی",
            "0-phone": "017 3222 0000",
            "0-email": "pr@gorgan.example",
            "0-order": "1",
        },
    )
    assert created.status_code == 302
    contact = PressContact.objects.get(release=release)
    translated = add_contact("en", **{"0-name": "Maryam Ahmadi", "0-role": "PR officer"})
    assert translated.status_code == 302

    contact = PressContact.objects.get(pk=contact.pk)
    assert contact.safe_translation_getter("name", language_code="fa") == "مریم احمدی"
    assert contact.safe_translation_getter("role", language_code="en") == "PR officer"
    assert contact.phone == "017 3222 0000"
