"""The strict Content-Security-Policy in a real browser: the admin works, nothing is blocked."""

import pytest

from gorgan.kit.roles import EDITOR
from newsroom.models import PressRelease
from tests.factories import make_office, make_release, make_section, make_staff

PASSWORD = "correct horse battery staple"
EDITOR_AREA = ".ProseMirror[contenteditable=true]"


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
        "'Content Security Policy: ' + e.violatedDirective + ' ' + e.blockedURI"
        " + ' ' + e.sourceFile + ':' + e.lineNumber))"
    )
    return violations


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


@pytest.mark.django_db(transaction=True)
def test_admin_add_page_editor_works_without_csp_violations(page, live_server, csp_violations):
    make_staff(EDITOR, username="sardabir")
    section, office = make_section(), make_office()
    sign_in(page, live_server, "sardabir")

    page.goto(f"{live_server.url}/admin/newsroom/pressrelease/add/?language=fa")
    page.fill("#id_title", "آزمون سیاست امنیت محتوا")
    page.fill("#id_lead", "خلاصه خبر")
    page.locator(EDITOR_AREA).click()
    page.keyboard.type("متن خبر در ویرایشگر")
    page.select_option("#id_section", str(section.pk))
    page.select_option("#id_office", str(office.pk))
    page.click("input[name=_save]")
    page.wait_for_url(f"{live_server.url}/admin/newsroom/pressrelease/")

    release = PressRelease.objects.get()
    assert release.safe_translation_getter("body", language_code="fa") == (
        "<p>متن خبر در ویرایشگر</p>"
    )
    # The slug was filled in by the admin's script from the Persian title.
    assert release.safe_translation_getter("slug", language_code="fa") == (
        "آزمون-سیاست-امنیت-محتوا"
    )
    assert csp_violations == []


@pytest.mark.django_db(transaction=True)
def test_public_pages_history_restore_and_preview_have_no_csp_violations(
    page, live_server, csp_violations
):
    make_staff(EDITOR, username="sardabir")
    release = make_release(status=PressRelease.Status.DRAFT)
    change_page = f"{live_server.url}/admin/newsroom/pressrelease/{release.pk}/change/"
    page.goto(f"{live_server.url}/fa/")
    page.goto(f"{live_server.url}/fa/news/no-such-release/")
    sign_in(page, live_server, "sardabir")
    for title in ("Version one", "Version two"):
        page.goto(f"{change_page}?language=en")
        page.wait_for_selector(EDITOR_AREA)
        page.fill("#id_title", title)
        page.click("input[name=_continue]")
        page.wait_for_selector(".messagelist")

    page.goto(f"{live_server.url}/admin/newsroom/pressrelease/{release.pk}/history/")
    page.click(".submit-row input[type=submit]")
    page.wait_for_selector("table.version-compare")
    page.goto(live_server.url + page.locator("#content-main p a").last.get_attribute("href"))
    page.wait_for_selector(EDITOR_AREA)
    page.goto(change_page)
    page.goto(page.locator("#preview-link-fa").input_value())
    page.wait_for_selector(".preview-banner")

    assert csp_violations == []
