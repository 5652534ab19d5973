"""The admin in Chromium: the Solar Hijri picker schedules, each language in its direction."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from gorgan.kit.roles import EDITOR
from newsroom.models import PressRelease
from sistercities.models import Agreement
from tests.factories import make_release, make_staff
from tests.sistercities.factories import make_agreement

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery staple"
EDITOR_AREA = ".ProseMirror[contenteditable=true]"
PHONE = {"width": 360, "height": 780}
# «۱۰ دی ۱۴۰۵ ساعت ۹» in Tehran.
SCHEDULED = datetime.datetime(2026, 12, 31, 5, 30, tzinfo=datetime.UTC)


@pytest.fixture
def csp_violations(page):
    """Every CSP violation the browser reports while the test runs."""
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => console.error("
        "'Content Security Policy: ' + e.violatedDirective + ' ' + e.blockedURI))"
    )
    return violations


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


def test_editor_schedules_a_release_with_the_solar_hijri_picker_on_a_phone(
    page, live_server, csp_violations
):
    make_staff(EDITOR, username="sardabir")
    release = make_release(status=PressRelease.Status.DRAFT)
    page.set_viewport_size(PHONE)
    sign_in(page, live_server, "sardabir")
    page.goto(f"{live_server.url}/admin/newsroom/pressrelease/{release.pk}/change/?language=fa")

    page.click("#id_publish_at")
    picker = page.locator("jdp-container")
    expect(picker).to_be_visible()
    picker.locator(".jdp-years select").select_option("1405")
    picker.locator(".jdp-months select").select_option("10")
    expect(picker.locator(".jdp-months select option:checked")).to_have_text("دی")
    picker.locator(".jdp-day:not(.not-in-month)", has_text="۱۰").first.click()
    time = picker.locator(".jdp-time-container select")
    time.last.select_option("09")  # hour (the picker lists minute, then hour)
    time.first.select_option("00")  # minute
    box = picker.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    page.locator("jdp-overlay").click(position={"x": 5, "y": 5})  # done: tap beside the picker
    expect(picker).to_be_hidden()

    expect(page.locator("#id_publish_at")).to_have_value("۱۴۰۵/۱۰/۱۰ ۰۹:۰۰")
    page.click("input[name=_continue]")
    page.wait_for_load_state()

    release.refresh_from_db()
    assert release.publish_at == SCHEDULED
    expect(page.locator("#id_publish_at")).to_have_value("۱۴۰۵/۱۰/۱۰ ۰۹:۰۰")
    assert csp_violations == []


def test_typing_latin_digits_schedules_the_same_moment(page, live_server):
    make_staff(EDITOR, username="sardabir")
    release = make_release(status=PressRelease.Status.DRAFT)
    sign_in(page, live_server, "sardabir")
    page.goto(f"{live_server.url}/admin/newsroom/pressrelease/{release.pk}/change/?language=fa")

    page.click("#id_publish_at")
    page.keyboard.press("Control+A")
    page.keyboard.type("1405/10/10 9:00")
    page.keyboard.press("Escape")
    page.click("input[name=_continue]")
    page.wait_for_load_state()

    release.refresh_from_db()
    assert release.publish_at == SCHEDULED


def test_english_tab_edits_left_to_right_inside_the_persian_admin(page, live_server):
    make_staff(EDITOR, username="sardabir")
    release = make_release()
    sign_in(page, live_server, "sardabir")

    page.goto(f"{live_server.url}/admin/newsroom/pressrelease/{release.pk}/change/?language=en")

    assert page.locator("html").get_attribute("dir") == "rtl"
    editor = page.locator(EDITOR_AREA)
    expect(editor).to_have_attribute("dir", "ltr")
    expect(editor).to_have_attribute("lang", "en")
    assert editor.evaluate("element => getComputedStyle(element).direction") == "ltr"
    assert page.locator("#id_title").evaluate("e => getComputedStyle(e).direction") == "ltr"
    # The toolbar speaks the admin's language.
    expect(page.locator(".prose-menubar button[aria-label='پررنگ']")).to_have_count(1)

    page.goto(f"{live_server.url}/admin/newsroom/pressrelease/{release.pk}/change/?language=fa")
    expect(page.locator(EDITOR_AREA)).to_have_attribute("dir", "rtl")


def test_link_dialog_is_in_the_admins_language(page, live_server):
    make_staff(EDITOR, username="sardabir")
    release = make_release()
    sign_in(page, live_server, "sardabir")
    page.goto(f"{live_server.url}/admin/newsroom/pressrelease/{release.pk}/change/?language=fa")

    page.locator(EDITOR_AREA).click()
    page.keyboard.press("Control+A")
    page.locator(".prose-menubar button[aria-label='افزودن پیوند']").click()

    dialog = page.locator("dialog[open]")
    expect(dialog).to_contain_text("ویرایش پیوند")
    expect(dialog).to_contain_text("نشانی (URL)")
    expect(dialog.get_by_role("button", name="انصراف")).to_be_visible()


def test_year_only_signing_date_is_typed_and_an_exact_day_is_picked(page, live_server):
    get_user_model().objects.create_superuser("daftar", password=PASSWORD)
    agreement = make_agreement()  # signed in 1397, known to the year only
    sign_in(page, live_server, "daftar")
    page.goto(f"{live_server.url}/admin/sistercities/agreement/{agreement.pk}/change/?language=fa")

    signed_on = page.locator("#id_signed_on")
    expect(signed_on).to_have_value("۱۳۹۷")
    signed_on.click()
    expect(page.locator("jdp-container")).to_have_count(0)

    page.select_option("#id_signed_on_precision", "day")
    page.locator("#id_signatories").click()
    signed_on.click()
    picker = page.locator("jdp-container")
    expect(picker).to_be_visible()
    picker.locator(".jdp-years select").select_option("1397")
    picker.locator(".jdp-months select").select_option("4")
    picker.locator(".jdp-day:not(.not-in-month)", has_text="۱۵").first.click()
    expect(signed_on).to_have_value("۱۳۹۷/۰۴/۱۵")
    page.click("input[name=_continue]")
    page.wait_for_load_state()

    agreement.refresh_from_db()
    assert agreement.signed_on == datetime.date(2018, 7, 6)
    assert agreement.signed_on_precision == Agreement.DatePrecision.DAY
    expect(page.locator("#id_signed_on")).to_have_value("۱۳۹۷/۰۴/۱۵")
