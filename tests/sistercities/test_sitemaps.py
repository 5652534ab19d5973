"""Public agreements and the sister-cities page in sitemap.xml."""

import xml.etree.ElementTree as ET

import pytest

from sistercities.models import Agreement
from tests.sistercities.factories import make_agreement

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def urls(client, section):
    response = client.get(f"/sitemap-{section}.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def absolute(path):
    return f"http://testserver{path}"


def test_agreement_urls_list_only_their_translations(client):
    agreement = make_agreement(languages=("fa", "en"))
    fa, en = (absolute(agreement.get_absolute_url(code)) for code in ("fa", "en"))
    alternates = {"fa": fa, "en": en, "x-default": fa}

    assert urls(client, "agreements") == {fa: alternates, en: alternates}


def test_agreement_urls_use_each_languages_slug(client):
    make_agreement(languages=("fa", "zh-hans"), slugs={"fa": "گوانگژو", "zh-hans": "广州协议"})

    assert set(urls(client, "agreements")) == {
        absolute("/fa/sister-cities/%DA%AF%D9%88%D8%A7%D9%86%DA%AF%DA%98%D9%88/"),
        absolute("/zh-hans/sister-cities/%E5%B9%BF%E5%B7%9E%E5%8D%8F%E8%AE%AE/"),
    }


def test_sitemap_never_lists_an_agreement_under_negotiation(client):
    shown = make_agreement(languages=("fa",), status=Agreement.Status.EXPIRED)
    make_agreement(status=Agreement.Status.UNDER_NEGOTIATION)

    assert list(urls(client, "agreements")) == [absolute(shown.get_absolute_url("fa"))]


def test_sister_cities_page_is_listed_in_every_language(client):
    fa, en, zh = (absolute(f"/{code}/sister-cities/") for code in ("fa", "en", "zh-hans"))
    alternates = {"fa": fa, "en": en, "zh-hans": zh, "x-default": fa}

    assert urls(client, "sister-cities") == {fa: alternates, en: alternates, zh: alternates}


def test_agreement_sitemap_query_count_does_not_grow(client, django_assert_num_queries):
    make_agreement()
    with django_assert_num_queries(3):  # a count, the translations, their agreements' others
        client.get("/sitemap-agreements.xml")
    for _ in range(10):
        make_agreement()
    with django_assert_num_queries(3):
        client.get("/sitemap-agreements.xml")
