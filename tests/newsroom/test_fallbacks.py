"""Content missing in the page's language: left out of lists, shown honestly at its address."""

import pytest

from tests.factories import make_release, make_section, make_tag

pytestmark = pytest.mark.django_db

NOTICES = {
    "en": "This item is available in Persian only.",
    "zh-hans": "此内容仅有波斯语版本。",
}


@pytest.fixture
def releases():
    """One release in every language, one Persian only, one Persian and English only."""
    section = make_section(slug="news", fa="اخبار", en="News", **{"zh-hans": "新闻"})
    tag = make_tag(name="گوانگژو", slug="guangzhou", en="Guangzhou", **{"zh-hans": "广州"})
    return {
        "everywhere": make_release(section=section, tags=[tag]),
        "persian": make_release(section=section, tags=[tag], languages=("fa",)),
        "no_chinese": make_release(section=section, tags=[tag], languages=("fa", "en")),
    }


def listed_titles(client, language, path):
    response = client.get(f"/{language}{path}")
    assert response.status_code == 200
    return [release.title for release in response.context["releases"]]


def title(release, language):
    return release.safe_translation_getter("title", language_code=language)


@pytest.mark.parametrize("path", ["/", "/news/", "/news/section/news/", "/news/tags/guangzhou/"])
def test_lists_show_only_items_translated_into_the_page_language(client, releases, path):
    everywhere, persian, no_chinese = (
        releases["everywhere"],
        releases["persian"],
        releases["no_chinese"],
    )

    assert listed_titles(client, "fa", path) == [
        title(no_chinese, "fa"),
        title(persian, "fa"),
        title(everywhere, "fa"),
    ]
    assert listed_titles(client, "en", path) == [
        title(no_chinese, "en"),
        title(everywhere, "en"),
    ]
    assert listed_titles(client, "zh-hans", path) == [title(everywhere, "zh-hans")]


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_untranslated_release_page_shows_persian_original_marked_for_readers(
    client, releases, language
):
    persian = releases["persian"]

    response = client.get(f"/{language}/news/{persian.safe_translation_getter('slug')}/")
    content = response.content.decode()

    assert response.status_code == 200
    assert f'<html lang="{language}"' in content
    assert f'<p class="notice" role="note">{NOTICES[language]}</p>' in content
    assert '<article class="release" lang="fa" dir="rtl">' in content
    assert f'<h1 class="release__title">{title(persian, "fa")}</h1>' in content
    assert '<meta name="robots" content="noindex">' in content


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_untranslated_release_page_is_canonical_to_the_persian_page(client, releases, language):
    persian = releases["persian"]

    content = client.get(f"/{language}/news/{persian.safe_translation_getter('slug')}/")
    html = content.content.decode()

    canonical = f"http://testserver{persian.get_absolute_url('fa')}"
    assert f'<link rel="canonical" href="{canonical}">' in html


def test_translated_release_page_is_its_own_canonical_and_indexable(client, releases):
    everywhere = releases["everywhere"]
    url = everywhere.get_absolute_url("zh-hans")

    html = client.get(url).content.decode()

    assert f'<link rel="canonical" href="http://testserver{url}">' in html
    assert "noindex" not in html
    assert "notice" not in html


def test_partly_translated_release_falls_back_only_where_missing(client, releases):
    no_chinese = releases["no_chinese"]
    slug = no_chinese.safe_translation_getter("slug", language_code="fa")

    english = client.get(no_chinese.get_absolute_url("en")).content.decode()
    chinese = client.get(f"/zh-hans/news/{slug}/").content.decode()

    assert NOTICES["en"] not in english
    assert NOTICES["zh-hans"] in chinese
