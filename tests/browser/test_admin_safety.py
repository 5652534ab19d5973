"""The Persian admin in a real browser: a restore that warns and keeps addresses, an oversize
upload caught before it is sent, and the typography check that changes only what is ticked."""

import urllib.parse

import pytest
import reversion
from playwright.sync_api import expect

from gorgan.kit.roles import EDITOR
from newsroom.models import PressRelease
from tests.browser.test_journeys import EDITOR_AREA, sign_in
from tests.factories import make_release, make_staff

pytestmark = pytest.mark.django_db(transaction=True)

ZWNJ = "\u200c"


@pytest.fixture
def editor(page, live_server):
    make_staff(EDITOR, username="sardabir")
    sign_in(page, live_server, "sardabir")
    return page


def rename(release, slug):
    with reversion.create_revision():
        release.set_current_language("fa")
        release.slug = slug
        release.save()


def test_restore_page_warns_and_the_old_address_redirects(editor, live_server):
    release = make_release(languages=["fa"], title={"fa": "نشانی نخست"})
    rename(release, "نشانی-نخست")
    rename(release, "نشانی-دوم")
    page = editor

    page.goto(f"{live_server.url}/admin/newsroom/pressrelease/{release.pk}/history/")
    page.locator("#change-history tbody tr").last.locator("a").click()
    warning = page.locator(".restore-plan")
    assert "نشانی «نشانی-دوم» به «نشانی-نخست» تغییر می‌کند" in warning.inner_text()
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")

    page.goto(f"{live_server.url}/fa/news/{urllib.parse.quote('نشانی-دوم')}/")
    restored = PressRelease.objects.get(pk=release.pk).get_absolute_url("fa")
    assert urllib.parse.unquote(page.url) == urllib.parse.unquote(live_server.url + restored)
    assert page.locator("h1").inner_text() == "نشانی نخست"


def test_oversize_upload_is_stopped_in_the_browser_with_the_form_kept(
    editor, live_server, settings
):
    settings.MAX_REQUEST_BODY_SIZE = 200 * 1024
    page = editor

    page.goto(f"{live_server.url}/admin/newsroom/image/add/")
    page.fill("#id_alt_text", "نمای هوایی پارک النگدره")
    page.set_input_files(
        "#id_file",
        files=[{"name": "aerial.jpg", "mimeType": "image/jpeg", "buffer": b"\xff" * 300_000}],
    )
    page.click("input[name=_save]")

    note = page.locator(".upload-limit-note")
    note.wait_for()
    assert "بیش از ۰٫۲ مگابایت که تارنما در هر ذخیره می‌پذیرد" in note.inner_text()
    assert page.url == f"{live_server.url}/admin/newsroom/image/add/"
    assert page.input_value("#id_alt_text") == "نمای هوایی پارک النگدره"


def test_typography_check_proposes_mishavad_and_applies_it_only_when_accepted(editor, live_server):
    page = editor
    page.goto(f"{live_server.url}/admin/newsroom/pressrelease/add/?language=fa")
    page.fill("#id_title", "اتاق گوانگژو راه اندازی می شود")
    page.locator(EDITOR_AREA).click()
    page.keyboard.type("این اتاق به زودی افتتاح می شود.")

    page.click("[data-typography-run]")
    items = page.locator("[data-typography-list] li")
    items.first.wait_for()
    changes = [
        (item.locator("del").inner_text(), item.locator("ins").inner_text()) for item in items.all()
    ]
    assert ("می شود", f"می{ZWNJ}شود") in changes

    # Applying with nothing ticked changes nothing.
    page.click("[data-typography-apply]")
    expect(page.locator("[data-typography-status]")).to_contain_text("۰")
    assert page.input_value("#id_title") == "اتاق گوانگژو راه اندازی می شود"

    # Tick the title's «می شود» and the body's, and only those.
    for item in items.all():
        if item.locator("del").inner_text() == "می شود":
            item.locator("input[type=checkbox]").check()
    page.click("[data-typography-apply]")
    expect(page.locator("#id_title")).to_have_value(f"اتاق گوانگژو راه اندازی می{ZWNJ}شود")

    assert page.input_value("#id_title") == f"اتاق گوانگژو راه اندازی می{ZWNJ}شود"
    assert page.locator(EDITOR_AREA).inner_text() == f"این اتاق به زودی افتتاح می{ZWNJ}شود."
    remaining = page.locator("[data-typography-list] li del").all_inner_texts()
    assert "می شود" not in remaining and "راه اندازی" in remaining
