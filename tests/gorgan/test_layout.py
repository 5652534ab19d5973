"""What every public page carries: icon, navigation, search form, marked-up languages."""

import re

import pytest
from django.template import Context, Template
from django.utils import translation

from newsroom.antispam import form_token
from tests.factories import make_release, make_service, make_tag

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_favicon_ico_redirects_to_the_static_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 302
    assert response["Location"] == "/static/img/favicon.ico"
    assert client.get(response["Location"]).status_code == 200


def test_pages_link_the_svg_emblem_as_their_icon(client):
    content = page(client, "/en/news/")

    assert '<link rel="icon" href="/static/img/emblem.svg" type="image/svg+xml">' in content


@pytest.mark.parametrize(
    ("language", "label", "button"),
    [("fa", "جستجو در اخبار", "جستجو"), ("en", "Search the news", "Search")],
)
def test_header_search_form_asks_the_search_page_in_the_page_language(
    client, language, label, button
):
    content = page(client, f"/{language}/")

    form = re.search(r'<form class="site-search".*?</form>', content, re.S).group()
    assert f'role="search" method="get" action="/{language}/search/"' in form
    assert f'<label class="site-search__label" for="site-search-q">{label}</label>' in form
    assert 'id="site-search-q" type="search" name="q" maxlength="200" dir="auto"' in form
    assert f'<button class="site-search__button" type="submit">{button}</button>' in form


def test_main_navigation_marks_the_current_section(client):
    make_service(en="Pay municipal fees")
    nav = re.search(r'<nav class="site-nav".*?</nav>', page(client, "/en/news/"), re.S).group()

    links = re.findall(r'<li[^>]*><a href="([^"]+)"( aria-current="true")?>([^<]+)</a>', nav)

    assert links == [
        ("/en/news/", ' aria-current="true"', "News"),
        ("/en/sister-cities/", "", "Sister cities"),
        ("#services", "", "Services"),
        ("/en/search/", "", "Search"),
    ]


def test_news_list_cards_are_h2_under_the_page_h1(client):
    make_release()

    content = page(client, "/en/news/")

    assert re.findall(r"<h([1-6]) class=\"(page-title|release-card__title)\"", content) == [
        ("1", "page-title"),
        ("2", "release-card__title"),
    ]


def test_untranslated_tag_on_an_english_article_is_marked_persian(client):
    translated = make_tag("گوانگژو", slug="guangzhou", en="Guangzhou")
    persian_only = make_tag("خواهرخواندگی", slug="twinning")
    release = make_release(tags=[translated, persian_only])

    content = page(client, release.get_absolute_url("en"))

    assert re.findall(r'<a href="/en/news/tags/[^"]+" rel="tag"([^>]*)>([^<]+)</a>', content) == [
        ("", "Guangzhou"),
        (' lang="fa" dir="rtl"', "خواهرخواندگی"),
    ]


def test_english_labels_on_a_persian_only_article_shown_in_english_are_marked_english(client):
    tag = make_tag("گوانگژو", slug="guangzhou", en="Guangzhou")
    release = make_release(languages=("fa",), tags=[tag])

    content = page(client, release.get_absolute_url("en"))

    # The article is the Persian original (lang="fa"); the tag reads in the page's English.
    assert '<article class="release" lang="fa" dir="rtl">' in content
    assert 'rel="tag" lang="en" dir="ltr">Guangzhou</a>' in content


def test_tag_page_heading_marks_an_untranslated_name_as_persian(client):
    tag = make_tag("خواهرخواندگی", slug="twinning")
    make_release(tags=[tag])

    content = page(client, "/en/news/tags/twinning/")

    assert '<h1 class="page-title">Tag: <span lang="fa" dir="rtl">خواهرخواندگی</span></h1>' in (
        content
    )
    assert "<title>Tag: خواهرخواندگی | " in content


@pytest.mark.parametrize(
    ("page_language", "text_language", "expected"),
    [("en", "fa", ' lang="fa" dir="rtl"'), ("fa", "en", ' lang="en" dir="ltr"'), ("en", "en", "")],
)
def test_lang_attrs_mark_text_in_another_language_only(page_language, text_language, expected):
    template = Template("{% load gorgan %}<p{% lang_attrs code %}>")

    with translation.override(page_language):
        rendered = template.render(Context({"code": text_language}))

    assert rendered == f"<p{expected}>"


@pytest.mark.parametrize("language", ["fa", "en"])
def test_pages_carry_no_inline_styles_or_scripts(client, language):
    release = make_release()

    for url in [f"/{language}/", f"/{language}/news/", release.get_absolute_url(language)]:
        content = page(client, url)
        assert " style=" not in content
        assert "<style" not in content
        # Structured data (JSON-LD) is data, not script: a CSP does not run it.
        inline_scripts = re.findall(r"<script(?![^>]* src=)[^>]*>", content)
        assert [tag for tag in inline_scripts if "application/ld+json" not in tag] == []


def test_article_loads_the_copy_link_script_from_a_static_file(client):
    release = make_release()

    content = page(client, release.get_absolute_url("en"))

    scripts = re.findall(r"<script [^>]*>", content)
    assert [tag for tag in scripts if "application/ld+json" not in tag] == [
        '<script src="/static/js/copy-link.js" defer>'
    ]
    assert '<button class="short-link__copy" type="button" hidden' in content


@pytest.mark.parametrize(("language", "code"), [("fa", "۴۰۴"), ("en", "404")])
def test_not_found_page_shows_the_code_in_the_reader_digits_and_a_search_form(
    client, language, code
):
    content = client.get(f"/{language}/news/no-such-release/").content.decode()

    assert f'<p class="error-page__code" aria-hidden="true">{code}</p>' in content
    assert f'action="/{language}/search/"' in content
    assert 'id="not-found-search-q"' in content


def test_comment_form_errors_are_tied_to_their_field(client):
    release = make_release()
    url = release.get_absolute_url("en").rstrip("/") + "/comments/"
    response = client.post(
        url,
        {"name": "", "body": "Hello", "token": form_token(release)},
        headers={"Origin": "http://testserver"},
    )
    content = response.content.decode()

    name_input = re.search(r'<input type="text" name="name"[^>]*>', content).group()
    assert response.status_code == 400
    assert 'aria-invalid="true"' in name_input
    assert 'aria-describedby="comment-name_error"' in name_input
    assert re.search(r'<label for="comment-name">[^<]+</label>', content)
    assert '<p class="form-field__error" id="comment-name_error">' in content
