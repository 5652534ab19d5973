"""Embargoed releases: accredited journalists read them before their time; the public finds
them nowhere until then. Press contacts and the media kit."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.utils import timezone

from newsroom import mailing, preview
from newsroom.models import PressContact, PressRelease
from tests.factories import make_release, make_tag
from tests.newsroom.factories import add_to_gallery, make_image, make_journalist, unique_jpeg_bytes

pytestmark = pytest.mark.django_db

TITLES = {"fa": "واگذاری پروژهٔ پل", "en": "Bridge contract awarded", "zh-hans": "大桥合同授予"}


@pytest.fixture
def embargoed(django_capture_on_commit_callbacks):
    tag = make_tag("پل", slug="bridge")
    with django_capture_on_commit_callbacks(execute=True):
        return make_release(
            publish_at=timezone.now() + timedelta(hours=3),
            embargoed=True,
            title=TITLES,
            tags=[tag],
        )


def press_url(journalist, *parts, language="fa"):
    token = mailing.press_room_token(journalist)
    return "/".join([f"/{language}/news/press/{token}", *parts]) + "/"


@pytest.mark.parametrize("language", ["fa", "en", "zh-hans"])
def test_embargoed_release_is_on_no_public_page_before_its_time(client, embargoed, language):
    title = TITLES[language]
    address = embargoed.get_absolute_url(language)
    assert client.get(address).status_code == 404
    for path in [
        "/",
        "/news/",
        f"/news/section/{embargoed.section.slug}/",
        "/news/tags/bridge/",
        "/news/feed/rss/",
        "/news/feed/atom/",
        "/news/tags/bridge/feed/rss/",
        f"/search/?q={title}",
    ]:
        response = client.get(f"/{language}{path}")
        assert response.status_code == 200, path
        assert address not in response.content.decode(), path


def test_embargoed_release_is_in_no_sitemap_or_short_link(client, embargoed):
    index = client.get("/sitemap.xml").content.decode()
    sections = [
        line.split("<loc>")[1].split("</loc>")[0] for line in index.split("\n") if "<loc>" in line
    ]
    for section in sections:
        page = client.get(section.replace("http://testserver", "")).content.decode()
        assert embargoed.slug not in page
    assert client.get(f"/n/{embargoed.short_code}").status_code == 404


def test_preview_link_of_an_embargoed_release_is_404_until_its_time(client, embargoed):
    token = preview.make_token(embargoed)

    assert client.get(f"/fa/news/preview/{token}/").status_code == 404
    draft = make_release(status=PressRelease.Status.DRAFT, embargoed=True)
    assert client.get(f"/fa/news/preview/{preview.make_token(draft)}/").status_code == 404


def test_embargoed_release_is_public_once_its_time_has_come(client, embargoed):
    PressRelease.objects.filter(pk=embargoed.pk).update(publish_at=timezone.now())

    assert client.get(embargoed.get_absolute_url("fa")).status_code == 200
    assert client.get(f"/n/{embargoed.short_code}").status_code == 301


def test_journalists_receive_the_embargoed_release_with_the_notice_in_their_language(
    smtp_server, django_capture_on_commit_callbacks
):
    make_journalist(language="fa", email="fa@press.example")
    make_journalist(language="en", email="en@press.example")
    make_journalist(language="en", email="former@press.example", active=False)
    publish_at = timezone.make_aware(timezone.datetime(2027, 1, 1, 9, 0))  # Tehran time

    with django_capture_on_commit_callbacks(execute=True):
        make_release(publish_at=publish_at, embargoed=True, title=TITLES)

    (persian,) = smtp_server.to("fa@press.example")
    (english,) = smtp_server.to("en@press.example")
    assert smtp_server.to("former@press.example") == []
    assert persian["Subject"].strip() == f"تا ساعت ۹:۰۰ روز ۱۱ دی ۱۴۰۵ منتشر نشود: {TITLES['fa']}"
    assert english["Subject"].strip() == (f"Embargoed until 9:00, January 1, 2027: {TITLES['en']}")
    body = english.get_body(("plain",)).get_content()
    assert "not to be published before 9:00 on January 1, 2027 (Tehran time)" in body
    assert "/en/news/press/" in body


def test_release_neither_embargoed_nor_public_reaches_no_journalist(
    smtp_server, django_capture_on_commit_callbacks
):
    make_journalist()
    with django_capture_on_commit_callbacks(execute=True):
        make_release(publish_at=timezone.now() + timedelta(hours=3))

    assert smtp_server.messages == []


def test_press_room_lists_embargoed_releases_with_the_notice(client, embargoed):
    journalist = make_journalist()

    response = client.get(press_url(journalist))

    page = response.content.decode()
    assert TITLES["fa"] in page
    assert "منتشر نشود" in page
    assert "no-store" in response["Cache-Control"]


def test_press_room_release_shows_the_text_in_the_journalists_language(client, embargoed):
    journalist = make_journalist(language="en")

    page = client.get(press_url(journalist, embargoed.short_code, language="en")).content.decode()

    assert TITLES["en"] in page
    assert f"{TITLES['en']} body" in page
    assert "Embargo: not to be published before" in page


def test_press_room_is_closed_without_a_valid_link(client, embargoed):
    journalist = make_journalist()
    url = press_url(journalist)

    assert client.get("/fa/news/press/made-up/").status_code == 404
    assert client.get(url.replace("/press/", "/press/x")).status_code == 404
    journalist.active = False
    journalist.save()
    assert client.get(url).status_code == 404


def test_press_room_shows_no_draft_or_plain_scheduled_release(client):
    journalist = make_journalist()
    draft = make_release(status=PressRelease.Status.DRAFT, embargoed=True)
    scheduled = make_release(publish_at=timezone.now() + timedelta(hours=1))

    for release in (draft, scheduled):
        assert client.get(press_url(journalist, release.short_code)).status_code == 404


def test_media_kit_holds_the_original_pictures_with_their_credits(client, embargoed):
    journalist = make_journalist(language="en")
    original = unique_jpeg_bytes(size=(2400, 1600))
    featured = make_image(
        original,
        alt={"fa": "پل", "en": "The bridge"},
        credit={"fa": "عکس: علی", "en": "Photo: Ali"},
    )
    embargoed.featured_image = featured
    embargoed.save()
    add_to_gallery(embargoed, make_image(credit={"fa": "عکس: مریم"}))

    response = client.get(press_url(journalist, embargoed.short_code, "media-kit", language="en"))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    kit = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = kit.namelist()
    assert len(names) == 3
    with featured.file.open("rb") as stored:
        assert kit.read(names[0]) == stored.read()
    credits = kit.read("credits.txt").decode()
    assert "Photo: Ali" in credits
    assert "عکس: مریم" in credits  # no English credit: the Persian one


def test_media_kit_is_closed_to_the_public(client, embargoed):
    embargoed.featured_image = make_image()
    embargoed.save()

    assert client.get(f"/fa/news/press/x/{embargoed.short_code}/media-kit/").status_code == 404


def test_press_contacts_are_shown_on_the_release_in_the_page_language(client):
    release = make_release()
    contact = PressContact(release=release, phone="017 3222 0000", email="pr@gorgan.example")
    contact.set_current_language("fa")
    contact.name, contact.role = "مریم احمدی", "کارشناس روابط عمومی"
    contact.set_current_language("en")
    contact.name, contact.role = "Maryam Ahmadi", "Public relations officer"
    contact.save()
    untranslated = PressContact(release=release, order=2)
    untranslated.set_current_language("fa")
    untranslated.name = "علی رضایی"
    untranslated.save()

    english = client.get(release.get_absolute_url("en")).content.decode()
    persian = client.get(release.get_absolute_url("fa")).content.decode()

    assert "Maryam Ahmadi</strong>, Public relations officer" in english
    assert 'lang="fa" dir="rtl">\n        <strong>علی رضایی</strong>' in english
    assert "mailto:pr@gorgan.example" in english
    assert "مریم احمدی</strong>, کارشناس روابط عمومی" in persian
    assert "۰۱۷ ۳۲۲۲ ۰۰۰۰" in persian


def test_demo_journalist_sees_the_embargoed_release_the_public_cannot(client):
    from django.core.management import call_command

    from newsroom import demo_loader
    from newsroom.models import Channel

    call_command("load_demo", verbosity=0, stdout=io.StringIO())
    release = PressRelease.objects.get(short_code="e1b0a7c0")

    assert release.embargoed and not release.is_public
    assert client.get(release.get_absolute_url("fa")).status_code == 404
    page = client.get(demo_loader.press_room_path()).content.decode()
    assert release.safe_translation_getter("title", language_code="fa") in page
    assert "منتشر نشود" in page
    assert Channel.objects.get().kind == Channel.Kind.FOLDER


def test_journalists_get_a_new_notice_only_when_the_embargo_time_moves(
    smtp_server, django_capture_on_commit_callbacks
):
    make_journalist(language="en", email="en@press.example")
    with django_capture_on_commit_callbacks(execute=True):
        release = make_release(
            publish_at=timezone.make_aware(timezone.datetime(2027, 1, 1, 9, 0)),
            embargoed=True,
            title=TITLES,
        )
    with django_capture_on_commit_callbacks(execute=True):
        release.set_current_language("en")
        release.lead = "A corrected lead"
        release.save()
    with django_capture_on_commit_callbacks(execute=True):
        release.publish_at = timezone.make_aware(timezone.datetime(2027, 1, 1, 11, 30))
        release.save()

    first, moved = smtp_server.to("en@press.example")
    assert first["Subject"].strip().startswith("Embargoed until 9:00, January 1, 2027")
    assert moved["Subject"].strip().startswith("Embargoed until 11:30, January 1, 2027")
