"""The admin: image library with previews, featured image and ordered gallery on a release."""

import pytest

from newsroom.models import GalleryItem, Image, PressRelease
from tests.factories import make_office, make_section
from tests.newsroom.factories import make_image


@pytest.mark.django_db
def test_image_list_shows_preview_alt_text_and_size(staff_client, media_root):
    image = make_image(alt={"fa": "میدان شهر", "en": "The city square"})
    staff_client.cookies["django_language"] = "en"

    html = staff_client.get("/admin/newsroom/image/").content.decode()

    assert (
        f'<img src="/media/renditions/{image.content_hash}/960.jpg" width="160" height="107" '
        'alt="The city square" loading="lazy">'
    ) in html
    assert "1200 × 800" in html


@pytest.mark.django_db
def test_image_list_says_a_picture_is_being_prepared_until_its_renditions_exist(
    staff_client, media_root
):
    make_image(alt={"fa": "میدان شهر"})
    Image.objects.update(rendition_widths=[])
    staff_client.cookies["django_language"] = "en"

    html = staff_client.get("/admin/newsroom/image/").content.decode()

    assert "Being prepared…" in html
    assert "/media/renditions/" not in html


@pytest.mark.django_db
def test_image_search_finds_images_by_alt_text_in_any_language(staff_client, media_root):
    wanted = make_image(alt={"fa": "میدان شهر", "en": "The city square"})
    make_image(alt={"fa": "پارک جنگلی"})

    response = staff_client.get(
        "/admin/autocomplete/",
        {
            "term": "square",
            "app_label": "newsroom",
            "model_name": "pressrelease",
            "field_name": "featured_image",
        },
    )

    assert [result["id"] for result in response.json()["results"]] == [str(wanted.pk)]


@pytest.mark.django_db
def test_release_admin_saves_featured_image_and_gallery_order(staff_client, media_root):
    featured, first, second = make_image(), make_image(), make_image()
    data = {
        "title": "خبر با تصویر",
        "slug": "خبر-با-تصویر",
        "lead": "خلاصه",
        "body": "<p>متن</p>",
        "status": PressRelease.Status.DRAFT,
        "publish_at": "",
        "section": make_section().pk,
        "office": make_office().pk,
        "tags": "",
        "sign_off": "الف",
        "featured_image": featured.pk,
        "similar_pins-TOTAL_FORMS": "0",
        "similar_pins-INITIAL_FORMS": "0",
        "gallery_items-TOTAL_FORMS": "2",
        "gallery_items-INITIAL_FORMS": "0",
        "press_contacts-TOTAL_FORMS": "0",
        "press_contacts-INITIAL_FORMS": "0",
        "gallery_items-0-image": second.pk,
        "gallery_items-0-order": "2",
        "gallery_items-1-image": first.pk,
        "gallery_items-1-order": "1",
    }

    response = staff_client.post("/admin/newsroom/pressrelease/add/?language=fa", data)

    assert response.status_code == 302
    release = PressRelease.objects.get()
    assert release.featured_image == featured
    assert [item.image for item in GalleryItem.objects.filter(release=release)] == [first, second]


@pytest.mark.django_db
def test_release_form_offers_featured_image_search_and_gallery(staff_client):
    html = staff_client.get("/admin/newsroom/pressrelease/add/?language=fa").content.decode()

    assert 'name="featured_image"' in html and "admin-autocomplete" in html
    assert 'name="gallery_items-TOTAL_FORMS"' in html


@pytest.mark.django_db
def test_persian_alt_text_cannot_be_deleted_but_a_translation_can(staff_client, media_root):
    image = make_image(alt={"fa": "میدان شهر", "en": "The city square"})
    url = f"/admin/newsroom/image/{image.pk}/change/delete-translation/"

    persian = staff_client.post(f"{url}fa/", {"post": "yes"})
    english = staff_client.post(f"{url}en/", {"post": "yes"})

    assert (persian.status_code, english.status_code) == (403, 302)
    assert sorted(image.translations.values_list("language_code", flat=True)) == ["fa"]
