"""Canonical URLs, hreflang alternates, descriptions, Open Graph, feed links and JSON-LD."""

import datetime
import json
import re
from html.parser import HTMLParser

import pytest

from tests.factories import make_release, make_section, make_tag
from tests.gorgan.factories import make_release_with_text

pytestmark = pytest.mark.django_db


class HeadParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        if tag in {"link", "meta"}:
            self.tags.append((tag, dict(attrs)))


def head(response):
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser.tags


def hreflang(response):
    return {
        attrs["hreflang"]: attrs["href"]
        for tag, attrs in head(response)
        if tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs
    }


def meta(response, key):
    values = [
        attrs["content"]
        for tag, attrs in head(response)
        if tag == "meta" and key in (attrs.get("name"), attrs.get("property"))
    ]
    return values if key.endswith(":alternate") else (values[0] if values else None)


def link(response, rel):
    return [attrs["href"] for tag, attrs in head(response) if attrs.get("rel") == rel]


def json_ld(response):
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    assert len(blocks) == 1
    return json.loads(blocks[0])


def absolute(path):
    return f"http://testserver{path}"


def test_article_hreflang_lists_only_its_translations(client):
    release = make_release(languages=("fa", "en"))

    response = client.get(release.get_absolute_url("en"))

    assert hreflang(response) == {
        "fa": absolute(release.get_absolute_url("fa")),
        "en": absolute(release.get_absolute_url("en")),
        "x-default": absolute(release.get_absolute_url("fa")),
    }


def test_article_canonical_description_and_open_graph(client):
    release = make_release_with_text(
        {"fa": ("اتاق گوانگژو", "لید خبر درباره اتاق گوانگژو.", "<p>متن</p>")}
    )

    response = client.get(release.get_absolute_url("fa"))
    url = absolute(release.get_absolute_url("fa"))

    assert link(response, "canonical") == [url]
    assert meta(response, "description") == "لید خبر درباره اتاق گوانگژو."
    assert meta(response, "og:type") == "article"
    assert meta(response, "og:title") == "اتاق گوانگژو"
    assert meta(response, "og:description") == "لید خبر درباره اتاق گوانگژو."
    assert meta(response, "og:url") == url
    assert meta(response, "og:locale") == "fa_IR"
    assert meta(response, "og:locale:alternate") == []
    # Without a picture of its own, the page shows the site card.
    assert meta(response, "og:image") == absolute("/static/img/site-card.png")
    assert meta(response, "twitter:card") == "summary_large_image"
    assert meta(response, "twitter:title") == "اتاق گوانگژو"
    assert meta(response, "robots") is None


def test_persian_original_under_another_language_points_to_the_persian_page(client):
    release = make_release(languages=("fa",))
    persian = absolute(release.get_absolute_url("fa"))

    response = client.get(f"/en/news/{release.slug}/")

    assert link(response, "canonical") == [persian]
    assert meta(response, "robots") == "noindex"
    assert hreflang(response) == {"fa": persian, "x-default": persian}


def test_news_article_json_ld_describes_the_release(client):
    release = make_release(languages=("fa", "en"))

    response = client.get(release.get_absolute_url("en"))
    data = json_ld(response)

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == release.safe_translation_getter("title", language_code="en")
    assert data["description"] == release.safe_translation_getter("lead", language_code="en")
    assert datetime.datetime.fromisoformat(data["datePublished"]) == release.publish_at
    assert datetime.datetime.fromisoformat(data["dateModified"]) >= release.publish_at
    assert data["inLanguage"] == "en"
    assert data["url"] == data["mainEntityOfPage"] == absolute(release.get_absolute_url("en"))
    assert data["publisher"]["@type"] == "GovernmentOrganization"
    assert data["publisher"]["name"] == "Gorgan Municipality"
    assert data["publisher"]["url"] == absolute("/en/")
    assert "image" not in data


def test_news_article_json_ld_is_in_the_language_shown(client):
    release = make_release(languages=("fa",))

    data = json_ld(client.get(f"/zh-hans/news/{release.slug}/"))

    assert data["inLanguage"] == "fa"
    assert data["headline"] == release.safe_translation_getter("title", language_code="fa")


def test_json_ld_cannot_break_out_of_its_script_block(client):
    title = '</script><script>alert("x")</script> & <!-- «گرگان»'
    release = make_release_with_text({"fa": (title, "لید.", "")})

    response = client.get(release.get_absolute_url("fa"))

    assert "<script>alert" not in response.content.decode()
    assert json_ld(response)["headline"] == title


def test_json_ld_appears_only_on_articles(client):
    make_release()

    assert "application/ld+json" not in client.get("/fa/news/").content.decode()


@pytest.mark.parametrize("path", ["/fa/", "/en/news/", "/zh-hans/search/"])
def test_pages_list_every_language_and_x_default(client, path):
    response = client.get(path)
    rest = path.split("/", 2)[2]

    assert hreflang(response) == {
        "fa": absolute(f"/fa/{rest}"),
        "en": absolute(f"/en/{rest}"),
        "zh-hans": absolute(f"/zh-hans/{rest}"),
        "x-default": absolute(f"/fa/{rest}"),
    }
    assert link(response, "canonical") == [absolute(path)]
    assert meta(response, "og:type") == "website"


def test_site_pages_have_a_translated_description(client):
    assert meta(client.get("/en/"), "description").startswith(
        "Official website of Gorgan Municipality"
    )
    assert meta(client.get("/fa/"), "description").startswith("تارنمای رسمی شهرداری گرگان")


def test_canonical_keeps_paging_and_drops_tracking_parameters(client):
    response = client.get("/en/news/", {"utm_source": "newsletter", "before": "123-4"})

    assert link(response, "canonical") == [absolute("/en/news/?before=123-4")]


@pytest.mark.parametrize("language", ["fa", "en", "zh-hans"])
def test_every_page_links_its_language_feeds(client, language):
    response = client.get(f"/{language}/")
    feeds = {
        attrs["type"]: attrs["href"]
        for tag, attrs in head(response)
        if attrs.get("rel") == "alternate" and "type" in attrs
    }

    assert feeds == {
        "application/rss+xml": absolute(f"/{language}/news/feed/rss/"),
        "application/atom+xml": absolute(f"/{language}/news/feed/atom/"),
    }


def test_tag_page_also_links_the_tag_feeds(client):
    tag = make_tag(slug="guangzhou", en="Guangzhou")

    feeds = [
        attrs["href"]
        for tag_name, attrs in head(client.get("/en/news/tags/guangzhou/"))
        if attrs.get("type") == "application/rss+xml"
    ]

    assert feeds == [
        absolute("/en/news/feed/rss/"),
        absolute(f"/en/news/tags/{tag.slug}/feed/rss/"),
    ]


def test_metadata_adds_no_query_to_the_article_page(client, django_assert_num_queries):
    # Release, translations, section and office names, tagged items, tags, tag names.
    release = make_release(tags=[make_tag() for _ in range(5)])
    client.get(release.get_absolute_url("en"))  # the page's parts get stored

    # The release, its translations, and its stored parts (text, metadata, the site's header,
    # services and footer): the metadata costs nothing once stored.
    with django_assert_num_queries(3):
        client.get(release.get_absolute_url("en"))


def test_metadata_without_a_request_gives_the_description_only(db):
    from django.template.loader import render_to_string

    content = render_to_string("includes/_page_meta.html")

    assert '<meta name="description" content="Official website of Gorgan' in content
    assert 'rel="canonical"' not in content


PAGE_TYPES = [
    "home",
    "news list",
    "section",
    "tag",
    "month archive",
    "article",
    "article shown in Persian",
    "search",
    "sister cities",
    "agreement tracker",
    "agreement shown in Persian",
]


def page_of_type(page_type, language):
    """A path of each page type, its content made first."""
    from newsroom.archive import counterpart_urls
    from tests.sistercities.factories import make_agreement

    release = make_release(section=make_section(slug="projects"), tags=[make_tag(slug="park")])
    if page_type == "home":
        return f"/{language}/"
    if page_type == "news list":
        return f"/{language}/news/"
    if page_type == "section":
        return f"/{language}/news/section/projects/"
    if page_type == "tag":
        return f"/{language}/news/tags/park/"
    if page_type == "month archive":
        return counterpart_urls(release.publish_at, release.publish_at, [release])[language]
    if page_type == "article":
        return release.get_absolute_url(language)
    if page_type == "article shown in Persian":
        return f"/{language}/news/{make_release(languages=('fa',)).slug}/"
    if page_type == "search":
        return f"/{language}/search/?q=1"
    if page_type == "sister cities":
        return f"/{language}/sister-cities/"
    if page_type == "agreement tracker":
        return make_agreement().get_absolute_url(language)
    persian_slug = make_agreement(languages=("fa",)).safe_translation_getter(
        "slug", language_code="fa"
    )
    return f"/{language}/sister-cities/{persian_slug}/"


@pytest.mark.parametrize("language", ["fa", "en", "zh-hans"])
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_type_has_one_description_one_canonical_and_a_picture(
    client, page_type, language
):
    response = client.get(page_of_type(page_type, language))
    tags = head(response)

    assert response.status_code == 200
    descriptions = [a for t, a in tags if t == "meta" and a.get("name") == "description"]
    assert len(descriptions) == 1
    assert descriptions[0]["content"].strip()
    canonicals = link(response, "canonical")
    assert len(canonicals) == 1
    assert canonicals[0] == meta(response, "og:url")
    assert len([a for t, a in tags if a.get("property") == "og:image"]) == 1
    assert meta(response, "og:image:width") and meta(response, "og:image:height")
    assert meta(response, "og:image:alt")


def test_agreement_shown_in_persian_has_one_canonical_the_persian_page(client):
    from tests.sistercities.factories import make_agreement

    agreement = make_agreement(languages=("fa",), slugs={"fa": "گوانگژو"})
    persian = absolute(agreement.get_absolute_url("fa"))

    response = client.get(agreement.get_absolute_url("zh-hans"))

    assert link(response, "canonical") == [persian]
    assert meta(response, "robots") == "noindex"
    assert hreflang(response) == {"fa": persian, "x-default": persian}


def test_agreement_hreflang_uses_each_language_s_own_slug(client):
    from tests.sistercities.factories import make_agreement

    agreement = make_agreement(slugs={"fa": "گوانگژو", "en": "guangzhou", "zh-hans": "广州"})

    response = client.get(agreement.get_absolute_url("en"))

    assert hreflang(response) == {
        "fa": absolute(agreement.get_absolute_url("fa")),
        "en": absolute("/en/sister-cities/guangzhou/"),
        "zh-hans": absolute(agreement.get_absolute_url("zh-hans")),
        "x-default": absolute(agreement.get_absolute_url("fa")),
    }
    assert meta(response, "description") == agreement.safe_translation_getter(
        "summary", language_code="en"
    )


def test_filtered_tracker_is_not_indexed_and_names_the_whole_tracker(client):
    from tests.sistercities.factories import make_agreement

    agreement = make_agreement()
    path = agreement.get_absolute_url("en")

    response = client.get(path, {"status": "completed"})

    assert response.status_code == 200
    assert meta(response, "robots") == "noindex"
    assert link(response, "canonical") == [absolute(path)]


def test_section_page_describes_the_section(client):
    make_section(slug="projects", fa="پروژه‌ها", en="Projects")

    response = client.get("/en/news/section/projects/")

    assert meta(response, "description") == ("Projects: news of Gorgan Municipality, newest first.")


def test_pages_without_a_picture_show_the_site_card(client):
    response = client.get("/zh-hans/news/")

    assert meta(response, "og:image") == absolute("/static/img/site-card.png")
    assert (meta(response, "og:image:width"), meta(response, "og:image:height")) == (
        "1200",
        "630",
    )
    assert meta(response, "og:image:alt") == meta(response, "twitter:image:alt")
    assert meta(response, "twitter:card") == "summary_large_image"


def test_site_card_is_a_1200_by_630_png():
    from django.contrib.staticfiles import finders
    from PIL import Image

    with Image.open(finders.find("img/site-card.png")) as card:
        assert (card.format, card.size) == ("PNG", (1200, 630))


def test_news_article_names_its_publisher_logo_and_author_page(client):
    from django.contrib.staticfiles import finders
    from PIL import Image

    release = make_release()

    data = json_ld(client.get(release.get_absolute_url("en")))

    assert data["publisher"]["logo"] == {
        "@type": "ImageObject",
        "url": absolute("/static/img/emblem.png"),
    }
    assert data["author"]["url"] == absolute("/en/")
    with Image.open(finders.find("img/emblem.png")) as logo:
        assert logo.format == "PNG"
        assert logo.width == logo.height >= 112
