"""The site's identity and services: shown on every page, read from the cache."""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gorgan.kit import identity
from gorgan.models import Service, SiteIdentity
from tests.factories import make_release, make_service, make_site_identity

ADMIN = "/admin/gorgan/"


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def title_of(content):
    return re.search(r"<title>(.*?)</title>", content, re.S).group(1).strip()


@pytest.mark.django_db
def test_identity_change_shows_after_save():
    site = make_site_identity()
    identity.site_identity("fa")

    site.set_current_language("fa")
    site.slogan = "گرگان، شهر سبز"
    site.save()

    assert identity.site_identity("fa").slogan == "گرگان، شهر سبز"


@pytest.mark.django_db
def test_identity_translation_deleted_falls_back_to_persian():
    site = make_site_identity(fa={"name": "شهرداری گرگان"}, en={"name": "Gorgan Municipality"})
    assert identity.site_identity("en").name == "Gorgan Municipality"

    site.delete_translation("en")

    assert identity.site_identity("en").name == "شهرداری گرگان"


@pytest.mark.django_db
def test_service_changes_show_after_save_and_delete():
    first = make_service(order=1, fa="پروانه ساختمانی")
    second = make_service(order=2, fa="سامانه ۱۳۷")
    assert [s.title for s in identity.services("fa")] == ["پروانه ساختمانی", "سامانه ۱۳۷"]

    second.order = 0
    second.save()
    assert [s.title for s in identity.services("fa")] == ["سامانه ۱۳۷", "پروانه ساختمانی"]

    first.delete()
    assert [s.title for s in identity.services("fa")] == ["سامانه ۱۳۷"]


@pytest.mark.django_db
def test_inactive_services_are_not_listed():
    make_service(fa="فعال")
    make_service(fa="غیرفعال", active=False)

    assert [s.title for s in identity.services("fa")] == ["فعال"]


@pytest.mark.django_db
def test_untranslated_service_is_listed_in_persian():
    make_service(order=1, fa="پرداخت عوارض", en="Pay municipal fees")
    make_service(order=2, fa="سامانه ۱۳۷")

    listed = [(s.title, s.language_code) for s in identity.services("en")]

    assert listed == [("Pay municipal fees", "en"), ("سامانه ۱۳۷", "fa")]


@pytest.mark.django_db
def test_site_without_identity_record_still_names_itself(client):
    content = page(client, "/en/news/")

    assert '<span class="site-brand__name">Gorgan Municipality</span>' in content
    assert title_of(content) == "News | Gorgan Municipality"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "name", "slogan"),
    [
        ("fa", "شهرداری گرگان", "شهر پاکیزه"),
        ("en", "Gorgan Municipality", "A clean city"),
        ("zh-hans", "戈尔甘市政府", "洁净之城"),
    ],
)
def test_every_page_shows_the_identity_in_header_footer_and_title(client, language, name, slogan):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    release = make_release()

    for url in [f"/{language}/", f"/{language}/news/", release.get_absolute_url(language)]:
        content = page(client, url)
        header = re.search(r'<header class="site-header">.*?</header>', content, re.S).group()
        footer = re.search(r'<footer class="site-footer".*?</footer>', content, re.S).group()
        assert f'<span class="site-brand__name">{name}</span>' in header
        assert f'<span class="site-brand__slogan">{slogan}</span>' in header
        assert title_of(content).endswith(f"| {name}")
        assert "info@gorgan.ir" in footer


@pytest.mark.django_db
def test_footer_phone_uses_persian_digits_on_persian_pages(client):
    make_site_identity()

    footer = page(client, "/fa/").split('<footer class="site-footer"')[1]

    assert '<a href="tel:01732224001" dir="ltr">۰۱۷-۳۲۲۲۴۰۰۱</a>' in footer


@pytest.mark.django_db
def test_every_page_lists_the_services(client):
    make_service(fa="پرداخت عوارض", en="Pay municipal fees", url="https://gorgan.ir/fees")
    release = make_release()

    for url in ["/en/", "/en/news/", release.get_absolute_url("en")]:
        services = page(client, url).split('<aside class="site-services"')[1]
        assert '<a class="service__link" href="https://gorgan.ir/fees">' in services
        assert '<span class="service__title">Pay municipal fees</span>' in services


@pytest.mark.django_db
def test_pages_read_header_services_and_footer_stored_once_rendered(client):
    make_site_identity()
    make_service()
    client.get("/fa/news/")

    with CaptureQueriesContext(connection) as queries:
        client.get("/fa/news/")

    tables = [query["sql"] for query in queries.captured_queries]
    assert not [sql for sql in tables if "gorgan_service" in sql]
    # The page title still names the site: one small read.
    assert len([sql for sql in tables if "gorgan_siteidentity" in sql]) == 1


@pytest.mark.django_db
def test_load_demo_twice_keeps_six_services_and_one_identity():
    for _ in range(2):
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert Service.objects.count() == 6
    assert SiteIdentity.objects.count() == 1
    assert all(
        set(service.get_available_languages()) == {"fa", "en", "zh-hans"}
        for service in Service.objects.prefetch_related("translations")
    )


@pytest.mark.django_db
def test_admin_identity_list_goes_to_the_single_record(admin_client):
    make_site_identity()

    response = admin_client.get(f"{ADMIN}siteidentity/")

    assert response.status_code == 302
    assert response.url == f"{ADMIN}siteidentity/1/change/"
    assert admin_client.get(f"{ADMIN}siteidentity/add/").status_code == 403
    assert admin_client.get(f"{ADMIN}siteidentity/1/delete/").status_code == 403


@pytest.mark.django_db
def test_admin_change_to_slogan_shows_on_the_next_page(admin_client, client):
    make_site_identity()
    client.get("/fa/")

    response = admin_client.post(
        f"{ADMIN}siteidentity/1/change/?language=fa",
        {
            "name": "شهرداری گرگان",
            "slogan": "گرگان، شهر سبز",
            "address": "گرگان",
            "phone": "017-32224001",
            "email": "info@gorgan.ir",
        },
    )

    assert response.status_code == 302
    assert '<span class="site-brand__slogan">گرگان، شهر سبز</span>' in page(client, "/fa/")
