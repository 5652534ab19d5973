"""The public site in a real browser: what citizens, editors and partners actually do.

Every journey starts from the demo content (``load_demo``), as a first visitor would find it.
The browser speaks Persian (Accept-Language fa-IR), like most of Gorgan's readers.
"""

import re

import pytest
from django.core.management import call_command
from django.utils import translation
from playwright.sync_api import expect

from gorgan.kit.roles import EDITOR, WRITER
from newsroom.models import Comment, PressRelease
from sistercities.models import Agreement, Commitment
from tests.factories import make_office, make_section, make_staff
from tests.newsroom.factories import jpeg_bytes

pytestmark = pytest.mark.django_db(transaction=True)

SEED_CODE = "24bc40e3"
PASSWORD = "correct horse battery staple"
EDITOR_AREA = ".ProseMirror[contenteditable=true]"
PHONE = {"width": 360, "height": 780}


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "fa-IR"}


@pytest.fixture
def demo():
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return PressRelease.objects.prefetch_related("translations").get(short_code=SEED_CODE)


def title(release, language):
    return release.safe_translation_getter("title", language_code=language)


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


# --- A citizen reads, switches language, follows the short link and comments ----------------


def test_citizen_reads_the_seed_release_switches_language_and_comments(page, live_server, demo):
    page.goto(live_server.url)

    # The bare address sends a Persian browser to the Persian, right-to-left home page.
    page.wait_for_url(f"{live_server.url}/fa/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    lead = page.locator(".lead-story")
    assert lead.locator(".lead-story__title").inner_text() == title(demo, "fa")
    assert lead.locator("time").inner_text() == "۱ آذر ۱۴۰۵"  # 22 November 2026, Solar Hijri

    lead.get_by_role("link", name=title(demo, "fa")).click()
    page.wait_for_url(live_server.url + demo.get_absolute_url("fa"))
    assert page.locator("h1").inner_text() == title(demo, "fa")

    page.locator(".language-switcher").get_by_role("link", name="English").click()
    page.wait_for_url(live_server.url + demo.get_absolute_url("en"))
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("h1").inner_text() == title(demo, "en")

    # The short link sends each reader to their own language: this browser prefers Persian.
    short_link = page.locator(".short-link__url")
    assert short_link.get_attribute("href") == f"{live_server.url}/n/{SEED_CODE}"
    short_link.click()
    page.wait_for_url(live_server.url + demo.get_absolute_url("fa"))

    page.fill("#comment-name", "مریم رضایی")
    page.fill("#comment-body", "راه‌اندازی اتاق گوانگژو خبر خوبی برای شهر است.")
    page.get_by_role("button", name="ارسال نظر").click()

    page.wait_for_url(re.compile(r"\?comment=received#comment-form$"))
    assert page.get_by_role("status").filter(has_text="پس از تأیید").is_visible()
    comment = Comment.objects.get()
    assert (comment.release_id, comment.status, comment.name) == (
        demo.pk,
        Comment.Status.PENDING,
        "مریم رضایی",
    )
    # Held for moderation: not on the page yet.
    assert page.locator(".comment__body").count() == 0


def test_citizen_finds_the_release_typing_with_an_arabic_keyboard(page, live_server, demo):
    page.goto(f"{live_server.url}/fa/")

    # «همکاری» and «شهرداری» as an Arabic keyboard types them: ي for ی, ك for ک.
    page.fill("#site-search-q", "همكاري اتاق گوانگژو در شهرداري گرگان")
    page.locator(".site-search__button").click()

    page.wait_for_url(re.compile(r"/fa/search/\?q="))
    page.get_by_role("link", name=title(demo, "fa")).click()
    page.wait_for_url(live_server.url + demo.get_absolute_url("fa"))


def test_copy_button_copies_the_short_link(page, live_server, demo):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    console_errors = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    page.goto(live_server.url + demo.get_absolute_url("en"))

    page.get_by_role("button", name="Copy the short link").click()

    expect(page.locator(".short-link__status")).to_have_text("Short link copied.")
    assert page.evaluate("navigator.clipboard.readText()") == f"{live_server.url}/n/{SEED_CODE}"
    assert console_errors == []  # the script ran under the strict CSP, nothing failed to load


def test_without_javascript_the_short_link_is_there_and_no_dead_button(browser, live_server, demo):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + demo.get_absolute_url("en"))

    assert page.locator(".short-link__url").inner_text() == f"@{SEED_CODE}"
    assert page.locator(".short-link__copy").is_hidden()
    context.close()


# --- An editor publishes in two languages; a writer cannot publish ---------------------------


def choose_featured_image(page, search):
    page.click(".field-featured_image .select2-selection")
    page.fill(".select2-container--open .select2-search__field", search)
    page.click(f".select2-results__option >> text={search}")


def test_editor_publishes_a_release_in_persian_and_english_with_tag_and_image(page, live_server):
    make_staff(EDITOR, username="sardabir")
    section = make_section(fa="اخبار شهری", en="City news")
    office = make_office(fa="روابط عمومی شهرداری گرگان", en="Gorgan Municipality Public Relations")
    sign_in(page, live_server, "sardabir")

    page.goto(f"{live_server.url}/admin/newsroom/image/add/")
    page.set_input_files(
        "#id_file", files=[{"name": "park.jpg", "mimeType": "image/jpeg", "buffer": jpeg_bytes()}]
    )
    page.fill("#id_alt_text", "نیمکت‌های تازهٔ پارک النگدره")
    page.click("input[name=_save]")
    page.wait_for_url(f"{live_server.url}/admin/newsroom/image/")

    page.goto(f"{live_server.url}/admin/newsroom/pressrelease/add/?language=fa")
    page.fill("#id_title", "نوسازی نیمکت‌های پارک النگدره")
    page.fill("#id_lead", "نیمکت‌های پارک جنگلی النگدره نو شد.")
    page.locator(EDITOR_AREA).click()
    page.keyboard.type("سازمان پارک‌ها نیمکت‌های فرسوده را تعویض کرد.")
    choose_featured_image(page, "نیمکت‌های تازهٔ پارک النگدره")
    page.select_option("#id_section", str(section.pk))
    page.select_option("#id_office", str(office.pk))
    page.fill("#id_tags", "پارک النگدره,")  # a comma: the tag's name has a space
    page.select_option("#id_status", "published")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    release = PressRelease.objects.get()

    page.goto(f"{live_server.url}/admin/newsroom/pressrelease/{release.pk}/change/?language=en")
    page.wait_for_selector(EDITOR_AREA)
    page.fill("#id_title", "Benches renewed in Alangdareh Park")  # the slug follows
    page.fill("#id_lead", "The benches of Alangdareh forest park have been replaced.")
    page.locator(EDITOR_AREA).click()
    page.keyboard.type("The parks department replaced the worn benches.")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")

    # The public site, in Persian: the news list, the article with its picture and tag.
    page.goto(f"{live_server.url}/fa/news/")
    page.get_by_role("link", name="نوسازی نیمکت‌های پارک النگدره").click()
    page.wait_for_url(re.compile(r"/fa/news/.+/$"))
    assert page.locator("h1").inner_text() == "نوسازی نیمکت‌های پارک النگدره"
    assert page.locator(".release__figure img").get_attribute("alt") == (
        "نیمکت‌های تازهٔ پارک النگدره"
    )
    assert page.locator(".release__tags a").all_inner_texts() == ["پارک النگدره"]

    # And in English: the untranslated picture text and tag are marked as Persian.
    page.locator(".language-switcher").get_by_role("link", name="English").click()
    page.wait_for_url(f"{live_server.url}/en/news/benches-renewed-in-alangdareh-park/")
    assert page.locator("h1").inner_text() == "Benches renewed in Alangdareh Park"
    image = page.locator(".release__figure img")
    assert (image.get_attribute("lang"), image.get_attribute("dir")) == ("fa", "rtl")
    tag = page.locator(".release__tags a")
    assert (tag.inner_text(), tag.get_attribute("lang"), tag.get_attribute("dir")) == (
        "پارک النگدره",
        "fa",
        "rtl",
    )
    page.goto(f"{live_server.url}/en/")
    assert page.locator(".lead-story__title").inner_text() == "Benches renewed in Alangdareh Park"


def test_writer_cannot_choose_published_in_the_admin(page, live_server):
    make_staff(WRITER, username="nevisandeh")
    sign_in(page, live_server, "nevisandeh")

    page.goto(f"{live_server.url}/admin/newsroom/pressrelease/add/?language=fa")
    statuses = page.locator("#id_status option").evaluate_all("els => els.map(e => e.value)")

    assert statuses == ["draft", "review"]


# --- A partner reads the agreement and narrows the commitments --------------------------------


def test_agreement_page_shows_commitments_progress_and_filters(page, live_server, demo):
    agreement = Agreement.objects.prefetch_related("translations").get()
    public = Commitment.objects.filter(agreement=agreement, is_public=True)
    page.goto(live_server.url + agreement.get_absolute_url("en"))

    assert page.locator(".commitment").count() == public.count()
    assert page.locator(".progress-summary__text").inner_text() == (
        f"0 of {public.count()} commitments completed"
    )
    bar = page.locator("progress.progress-summary__bar")
    assert (bar.get_attribute("max"), bar.get_attribute("value")) == (str(public.count()), "0")
    assert bar.is_visible()

    page.locator(".tracker-filters").get_by_role("link", name="Logistics and transport (2)").click()

    page.wait_for_url(re.compile(r"\?sector=logistics"))
    shown = page.locator(".commitment__title").all_inner_texts()
    expected = public.filter(sector=Commitment.Sector.LOGISTICS).order_by("order")
    with translation.override("en"):
        assert shown == [commitment.title for commitment in expected]
    assert len(shown) == 2
    current = page.locator(".tracker-filters a[aria-current=true]").all_inner_texts()
    assert current == ["Logistics and transport (2)", "All statuses"]


# --- Every main page: one h1, landmarks, no sideways scrolling on a phone ---------------------


def main_pages(release, agreement, tag):
    return [
        "/fa/",
        "/en/",
        "/zh-hans/",
        "/fa/news/",
        "/en/news/",
        release.get_absolute_url("fa"),
        release.get_absolute_url("en"),
        tag.get_absolute_url(),
        release.section.get_absolute_url(),
        "/fa/sister-cities/",
        agreement.get_absolute_url("fa"),
        agreement.get_absolute_url("en"),
        "/fa/news/no-such-release/",
    ]


PAGE_FACTS = """() => ({
  h1: document.querySelectorAll('h1').length,
  banner: document.querySelectorAll('body > header').length,
  main: document.querySelectorAll('main').length,
  contentinfo: document.querySelectorAll('body > footer').length,
  scrollWidth: document.documentElement.scrollWidth,
})"""


def test_main_pages_fit_a_phone_and_have_one_h1_and_the_landmarks(browser, live_server, demo):
    agreement = Agreement.objects.prefetch_related("translations").get()
    tag = demo.tags.first()
    context = browser.new_context(viewport=PHONE, locale="fa-IR")
    page = context.new_page()
    facts = {}
    for path in main_pages(demo, agreement, tag):
        page.goto(live_server.url + path)
        facts[path] = page.evaluate(PAGE_FACTS)
    context.close()

    # A page wider than the 360 px screen would scroll sideways: scrollWidth says so.
    expected = {"h1": 1, "banner": 1, "main": 1, "contentinfo": 1, "scrollWidth": 360}
    assert facts == {path: expected for path in facts}


def test_skip_link_appears_on_keyboard_focus_and_leads_to_the_content(page, live_server, demo):
    page.goto(f"{live_server.url}/fa/")

    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    box = skip.bounding_box()
    outline = skip.evaluate("e => getComputedStyle(e).outlineStyle")
    page.keyboard.press("Enter")

    assert box["y"] >= 0
    assert outline == "solid"
    # Following the link updates the address after the key press returns.
    expect(page).to_have_url(re.compile(r"#main$"))


def test_printed_article_has_no_navigation_and_shows_link_addresses(page, live_server, demo):
    page.goto(live_server.url + demo.get_absolute_url("en"))
    page.emulate_media(media="print")

    hidden = [
        page.locator(selector).is_hidden()
        for selector in [".site-nav", ".language-switcher", ".site-services", "#comments"]
    ]
    hidden.append(page.locator("#comment-form").is_hidden())
    after = page.evaluate(
        "getComputedStyle(document.querySelector('.release__tags a'), '::after').content"
    )
    tag_href = page.locator(".release__tags a").first.get_attribute("href")

    assert hidden == [True, True, True, True, True]
    assert page.locator("h1").is_visible()
    assert after == f'" <{tag_href}>"'
