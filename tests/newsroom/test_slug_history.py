"""An editor changes a slug: the old address redirects (301), per language."""

import pytest

from newsroom.models import PressRelease, RetiredSlug
from tests.factories import EMPTY_RELEASE_INLINES, make_release

pytestmark = pytest.mark.django_db


def change_slug(release, language, slug):
    release.set_current_language(language)
    release.slug = slug
    release.save()


@pytest.mark.parametrize("language", ["fa", "en", "zh-hans"])
def test_old_slug_redirects_to_the_new_address(client, language):
    release = make_release()
    old_url = release.get_absolute_url(language)

    change_slug(release, language, "نشانی-تازه" if language == "fa" else "new-address")
    response = client.get(old_url)

    assert response.status_code == 301
    assert response["Location"] == release.get_absolute_url(language)
    assert client.get(response["Location"]).status_code == 200


def test_changing_one_language_leaves_the_others_alone(client):
    release = make_release()
    english_url = release.get_absolute_url("en")
    persian_url = release.get_absolute_url("fa")

    change_slug(release, "en", "renamed")

    assert client.get(english_url)["Location"] == "/en/news/renamed/"
    assert client.get(persian_url).status_code == 200
    assert RetiredSlug.objects.get().language_code == "en"


def test_every_earlier_slug_leads_to_the_current_one(client):
    release = make_release(languages=("en",))
    first = release.get_absolute_url("en")
    change_slug(release, "en", "second")
    change_slug(release, "en", "third")

    assert client.get(first)["Location"] == "/en/news/third/"
    assert client.get("/en/news/second/")["Location"] == "/en/news/third/"


def test_old_persian_slug_under_another_language_leads_to_that_translation(client):
    release = make_release()
    old = release.safe_translation_getter("slug", language_code="fa")

    change_slug(release, "fa", "نشانی-تازه")

    assert client.get(f"/en/news/{old}/")["Location"] == release.get_absolute_url("en")


def test_slug_taken_back_is_a_live_address_again(client):
    release = make_release(languages=("en",))
    original = release.safe_translation_getter("slug", language_code="en")
    change_slug(release, "en", "second")
    change_slug(release, "en", original)
    other = make_release(languages=("en",))
    change_slug(other, "en", "second")

    assert client.get(f"/en/news/{original}/").context["release"] == release
    assert client.get("/en/news/second/").context["release"] == other


@pytest.mark.parametrize(
    "status",
    [PressRelease.Status.DRAFT, PressRelease.Status.REVIEW, PressRelease.Status.ARCHIVED],
)
def test_old_slug_of_an_unpublished_release_is_404(client, status):
    release = make_release(languages=("en",))
    old_url = release.get_absolute_url("en")
    change_slug(release, "en", "renamed")
    release.status = status
    release.save()

    assert client.get(old_url).status_code == 404


def test_saving_without_a_slug_change_records_nothing(client):
    release = make_release()
    release.set_current_language("en")
    release.title = "A better title"
    release.save()

    assert not RetiredSlug.objects.exists()


def test_normal_article_view_costs_no_extra_query(client, django_assert_num_queries):
    release = make_release()
    change_slug(release, "en", "renamed")
    client.get("/en/news/renamed/")  # the page's parts get stored

    # As on any article page (the retired slugs are only read when no release matched): the
    # release, its translations, and its stored parts.
    with django_assert_num_queries(3):
        client.get("/en/news/renamed/")


def test_editor_changing_a_slug_in_admin_keeps_the_old_address(client, admin_user):
    release = make_release()
    old_url = release.get_absolute_url("en")
    client.force_login(admin_user)
    release.set_current_language("en")

    response = client.post(
        f"/admin/newsroom/pressrelease/{release.pk}/change/?language=en",
        {
            "title": release.title,
            "slug": "a-clearer-address",
            "lead": release.lead,
            "body": release.body,
            "status": release.status,
            "publish_at": release.publish_at.strftime("%Y-%m-%d %H:%M:%S"),
            "section": release.section_id,
            "office": release.office_id,
            "tags": "",
            "sign_off": release.sign_off,
        }
        | EMPTY_RELEASE_INLINES,
    )
    client.logout()

    assert response.status_code == 302
    assert client.get(old_url)["Location"] == "/en/news/a-clearer-address/"
