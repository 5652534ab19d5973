"""Stored pictures: upright and clean, renditions made once, shown responsively, deleted fully."""

import json
import re
from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage

from newsroom import renditions
from newsroom.models import GalleryItem, Image, PressRelease
from newsroom.tasks import make_renditions
from tests.factories import make_release, make_tag
from tests.newsroom.factories import (
    BLUE,
    RED,
    add_to_gallery,
    make_image,
    phone_photo_bytes,
    stored_files,
    unique_jpeg_bytes,
)

EXIF_MARKER = b"Exif\x00\x00"
XMP_MARKER = b"adobe:ns:meta"


def open_stored(name):
    with default_storage.open(name, "rb") as stored:
        data = stored.read()
    return data, PILImage.open(BytesIO(data))


def every_file_of(image):
    return [image.file.name, *renditions.all_names(image.content_hash, image.rendition_widths)]


def close_to(colour, expected, tolerance=40):
    return all(abs(a - b) <= tolerance for a, b in zip(colour[:3], expected, strict=True))


@pytest.fixture
def generation_calls(monkeypatch):
    """Counts the calls to the function that makes renditions (and still makes them)."""
    calls = []
    real_generate = renditions.generate

    def counting_generate(*args, **kwargs):
        calls.append(args[1])
        return real_generate(*args, **kwargs)

    monkeypatch.setattr(renditions, "generate", counting_generate)
    return calls


@pytest.mark.django_db
def test_phone_photo_is_stored_upright_without_any_metadata(media_root):
    image = make_image(phone_photo_bytes((1200, 800)))

    # Orientation 6: the 1200×800 sensor picture is shown 800 wide and 1200 high.
    assert (image.width, image.height) == (800, 1200)
    assert image.rendition_widths == [480, 800]
    for name in every_file_of(image):
        data, picture = open_stored(name)
        assert picture.getexif() == {}, name
        assert not {"exif", "xmp", "icc_profile"} & set(picture.info), name
        assert EXIF_MARKER not in data and XMP_MARKER not in data, name
        crops = [renditions.crop_name(image.content_hash, crop) for crop in renditions.CROPS]
        if name not in crops:
            # Turned a quarter clockwise: the red left half is now on top.
            assert picture.height > picture.width, name
            picture = picture.convert("RGB")
            assert close_to(picture.getpixel((picture.width // 2, picture.height // 5)), RED)
            assert close_to(picture.getpixel((picture.width // 2, picture.height * 4 // 5)), BLUE)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("size", "decoded_size"),
    [((6400, 4000), (2134, 1334)), ((9000, 1000), (9000, 1000)), ((4000, 3000), (2000, 1500))],
)
def test_large_picture_is_decoded_reduced_yet_renditions_keep_their_sizes(
    media_root, size, decoded_size
):
    # Enough pixels for the 1600 rendition and for the 1200×630 crop (a panorama's height
    # limits it), reduced by the largest whole factor that keeps both.
    assert renditions.reduction_target(*size) == decoded_size
    image = make_image(unique_jpeg_bytes(size))

    assert image.rendition_widths == [480, 960, 1600]
    _data, biggest = open_stored(renditions.rendition_name(image.content_hash, 1600, "jpg"))
    assert biggest.size == (1600, round(size[1] * 1600 / size[0]))
    _data, og = open_stored(renditions.og_name(image.content_hash))
    assert og.size == (1200, 630)
    assert close_to(og.getpixel((10, 315)), RED) and close_to(og.getpixel((1190, 315)), BLUE)


@pytest.mark.django_db
def test_renditions_are_never_wider_than_the_original(media_root):
    small = make_image(unique_jpeg_bytes((700, 400)))
    large = make_image(unique_jpeg_bytes((2400, 1600)))

    assert small.rendition_widths == [480, 700]
    assert large.rendition_widths == [480, 960, 1600]
    _data, biggest = open_stored(renditions.rendition_name(large.content_hash, 1600, "webp"))
    assert (biggest.format, biggest.size) == ("WEBP", (1600, 1067))
    _data, og = open_stored(renditions.og_name(small.content_hash))
    assert (og.format, og.size) == ("JPEG", (1200, 630))


@pytest.mark.django_db
def test_renditions_are_named_by_content_hash_and_made_once(client, media_root, generation_calls):
    image = make_image()
    first, second = make_release(featured_image=image), make_release()
    add_to_gallery(second, image)
    files_after_upload = stored_files(media_root)

    for release in (first, second, first, second):
        response = client.get(release.get_absolute_url("fa"))
        assert f"/media/renditions/{image.content_hash}/480.webp 480w" in response.content.decode()

    assert generation_calls == [image.content_hash]  # at upload, never while rendering
    assert stored_files(media_root) == files_after_upload


@pytest.mark.django_db
def test_missing_renditions_are_never_made_while_a_page_renders(
    client, media_root, generation_calls
):
    image = make_image(alt={"fa": "پل"})
    release = make_release(featured_image=image)
    Image.objects.update(rendition_widths=[])
    generation_calls.clear()
    files = stored_files(media_root)

    content = client.get(release.get_absolute_url("fa")).content.decode()

    assert generation_calls == []
    assert stored_files(media_root) == files
    # The release is shown without its picture: no placeholder, nothing broken.
    assert picture_tags(content) == []
    assert "<img" not in content.split("<main", 1)[1].split("</main>", 1)[0]
    assert "/og.jpg" not in content


@pytest.mark.django_db
def test_picture_appears_once_the_task_made_its_renditions(client, media_root):
    image = make_image(alt={"fa": "پل"})
    release = make_release(featured_image=image)
    Image.objects.update(rendition_widths=[])

    make_renditions.enqueue(image.pk, image.content_hash)
    content = client.get(release.get_absolute_url("fa")).content.decode()

    assert Image.objects.get().rendition_widths == [480, 960, 1200]
    assert len(picture_tags(content)) == 1
    assert f"/media/renditions/{image.content_hash}/480.webp 480w" in content


@pytest.mark.django_db
def test_rendition_task_for_a_replaced_picture_does_nothing(media_root, generation_calls):
    image = make_image()
    old_hash = image.content_hash
    image.file = ContentFile(unique_jpeg_bytes(), name="other.jpg")
    image.save()
    generation_calls.clear()

    assert make_renditions.call(image.pk, old_hash) == []
    assert generation_calls == []


def picture_tags(html):
    return re.findall(r"<picture>.*?</picture>", html, flags=re.S)


@pytest.mark.django_db
def test_article_markup_is_responsive_and_reserves_space(client, media_root):
    featured = make_image(alt={"fa": "میدان شهر", "en": "The city square"})
    in_gallery = make_image(alt={"fa": "پارک", "en": "The park"})
    release = make_release(featured_image=featured)
    add_to_gallery(release, in_gallery)

    html = client.get(release.get_absolute_url("en")).content.decode()

    first, second = picture_tags(html)
    url = f"/media/renditions/{featured.content_hash}"
    assert (
        f'<source type="image/webp" srcset="{url}/480.webp 480w, {url}/960.webp 960w, '
        f'{url}/1200.webp 1200w" sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)">'
    ) in first
    assert f'srcset="{url}/480.jpg 480w, {url}/960.jpg 960w, {url}/1200.jpg 1200w"' in first
    assert 'width="1200" height="800" alt="The city square" fetchpriority="high">' in first
    assert 'loading="lazy"' not in first
    assert 'alt="The park" loading="lazy" decoding="async">' in second
    assert 'sizes="(min-width: 44rem) 20rem, calc(100vw - 2rem)"' in second


@pytest.mark.django_db
def test_alt_text_falls_back_to_persian_only_where_the_language_lacks_one(client, media_root):
    image = make_image(
        alt={"fa": "میدان شهر", "en": "The city square"},
        caption={"fa": "عکس از میدان", "en": "The square at noon"},
        credit={"fa": "روابط عمومی", "en": "Public relations"},
    )
    release = make_release(featured_image=image)

    english = client.get(release.get_absolute_url("en")).content.decode()
    chinese = client.get(release.get_absolute_url("zh-hans")).content.decode()

    assert 'alt="The city square" fetchpriority' in english
    assert "The square at noon" in english and "Image: Public relations" in english
    assert 'alt="میدان شهر" lang="fa" dir="rtl" fetchpriority' in chinese
    assert "The square at noon" not in chinese and "عکس از میدان" not in chinese


@pytest.mark.django_db
def test_gallery_follows_the_editor_order(client, media_root):
    release = make_release()
    images = [make_image(alt={"fa": f"عکس {n}"}) for n in range(3)]
    for order, image in zip((3, 1, 2), images, strict=True):
        GalleryItem.objects.create(release=release, image=image, order=order)

    html = client.get(release.get_absolute_url("fa")).content.decode()

    assert re.findall(r'alt="(عکس \d)"', html) == ["عکس 1", "عکس 2", "عکس 0"]


@pytest.mark.django_db
def test_release_without_images_shows_no_picture(client, media_root):
    release = make_release()

    html = client.get(release.get_absolute_url("fa")).content.decode()

    assert picture_tags(html) == []
    assert release.og_image_url() == ""


@pytest.mark.django_db
def test_og_image_url_points_at_the_1200_by_630_crop(media_root):
    image = make_image()
    release = make_release(featured_image=image)

    assert release.og_image_url() == f"/media/renditions/{image.content_hash}/og.jpg"


@pytest.mark.django_db
def test_list_cards_show_featured_image_thumbnails(client, media_root):
    image = make_image(alt={"fa": "میدان شهر", "en": "The city square"})
    make_release(featured_image=image)
    make_release()

    html = client.get("/en/news/").content.decode()

    (thumbnail,) = picture_tags(html)
    assert 'sizes="8rem"' in thumbnail and 'alt="The city square" loading="lazy"' in thumbnail


@pytest.mark.django_db
def test_deleting_an_image_removes_every_file(
    staff_client, media_root, django_capture_on_commit_callbacks
):
    image = make_image(phone_photo_bytes())
    make_release(featured_image=image)
    # The original, 2 widths × 2 formats, the crops.
    assert len(stored_files(media_root)) == 1 + 2 * 2 + len(renditions.CROPS)

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(f"/admin/newsroom/image/{image.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert stored_files(media_root) == []
    assert PressRelease.objects.get().featured_image is None


@pytest.mark.django_db
def test_files_stay_until_the_deletion_is_committed(media_root):
    image = make_image()
    files = stored_files(media_root)

    image.delete()  # the test's transaction is never committed

    assert stored_files(media_root) == files


@pytest.mark.django_db
def test_replacing_the_picture_removes_the_old_files(
    staff_client, media_root, django_capture_on_commit_callbacks
):
    old = make_image()
    old_files = set(stored_files(media_root))
    staff_client.cookies["django_language"] = "en"

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            f"/admin/newsroom/image/{old.pk}/change/?language=fa",
            {
                "file": ContentFile(unique_jpeg_bytes((900, 600)), name="new.jpg"),
                "alt_text": "عکس تازه",
                "caption": "",
                "credit": "",
            },
        )

    assert response.status_code == 302
    new = Image.objects.get()
    assert new.content_hash != old.content_hash
    assert set(stored_files(media_root)) == {name.removeprefix("/") for name in every_file_of(new)}
    assert not old_files & set(stored_files(media_root))


@pytest.mark.django_db
def test_uploading_the_same_picture_again_keeps_the_files(media_root, generation_calls):
    data = unique_jpeg_bytes()
    image = make_image(data)
    files = stored_files(media_root)

    image.file = ContentFile(data, name="again.jpg")
    image.save()

    assert stored_files(media_root) == files
    assert generation_calls == [image.content_hash]


@pytest.mark.django_db
def test_regenerate_renditions_rebuilds_every_image(media_root, generation_calls):
    images = [make_image(), make_image()]
    for image in images:
        default_storage.delete(renditions.rendition_name(image.content_hash, 480, "webp"))
    generation_calls.clear()

    call_command("regenerate_renditions", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert sorted(generation_calls) == sorted(image.content_hash for image in images)
    assert len(stored_files(media_root)) == 2 * (1 + 3 * 2 + len(renditions.CROPS))


@pytest.mark.django_db
def test_images_work_on_any_storage_backend(client, settings, media_root):
    """Nothing touches the disk directly: with an in-memory storage no file appears on it."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.InMemoryStorage",
            "OPTIONS": {"base_url": "/media/"},
        },
    }
    image = make_image(phone_photo_bytes())
    release = make_release(featured_image=image)

    html = client.get(release.get_absolute_url("fa")).content.decode()
    assert f"/media/renditions/{image.content_hash}/480.webp" in html
    assert default_storage.exists(image.file.name)
    renditions.delete_files(default_storage, image.file.name, image.content_hash)

    assert not default_storage.exists(image.file.name)
    assert default_storage.listdir(renditions.folder(image.content_hash)) == ([], [])
    assert stored_files(media_root) == []


def count_queries(client, url):
    client.get(url)  # the first request stores what the page's parts show
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_article_images_cost_one_query_whatever_the_gallery_size(client, media_root, settings):
    settings.STORED_PARTS = False  # what rendering the parts costs
    plain = make_release(tags=[make_tag()])
    small = make_release(tags=[make_tag()], featured_image=make_image())
    add_to_gallery(small, make_image())
    large = make_release(tags=[make_tag()], featured_image=make_image())
    add_to_gallery(large, *[make_image() for _ in range(6)])

    without_images = count_queries(client, plain.get_absolute_url("fa"))

    assert count_queries(client, small.get_absolute_url("fa")) == without_images + 1
    assert count_queries(client, large.get_absolute_url("en")) == without_images + 1


@pytest.mark.django_db
def test_article_with_images_and_tags_stays_within_budget(
    client, media_root, settings, django_assert_max_num_queries
):
    settings.STORED_PARTS = False  # what rendering the parts costs
    release = make_release(tags=[make_tag() for _ in range(20)], featured_image=make_image())
    add_to_gallery(release, make_image(), make_image())

    # The budget of the article page (tests/newsroom/test_queries.py), and the images.
    with django_assert_max_num_queries(11):
        client.get(release.get_absolute_url("fa"))


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/fa/", "/fa/news/", "/en/news/"])
def test_list_query_count_does_not_grow_with_images(client, media_root, url):
    make_release(featured_image=make_image())
    with_one = count_queries(client, url)
    for _ in range(6):
        make_release(featured_image=make_image())

    assert count_queries(client, url) == with_one


@pytest.mark.django_db
def test_demo_releases_get_placards_once(media_root):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    files = stored_files(media_root)
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    seed = PressRelease.objects.get(short_code="24bc40e3")
    assert seed.featured_image is not None
    assert seed.gallery_items.count() == 2
    assert PressRelease.objects.exclude(featured_image=None).count() == 4
    assert Image.objects.count() == 6
    assert stored_files(media_root) == files
    assert len(files) == 6 * (1 + 3 * 2 + len(renditions.CROPS))


@pytest.mark.django_db
def test_page_still_renders_when_an_original_is_lost(client, media_root):
    image = make_image(alt={"fa": "عکس گم‌شده"})
    release = make_release(featured_image=image)
    Image.objects.update(rendition_widths=[])
    default_storage.delete(image.file.name)

    response = client.get(release.get_absolute_url("fa"))

    assert response.status_code == 200
    assert picture_tags(response.content.decode()) == []


@pytest.mark.django_db
def test_article_metadata_uses_the_open_graph_crop(client, media_root):
    release = make_release(featured_image=make_image(alt={"en": "The park", "fa": "پارک"}))
    crop_url = release.og_image_url()

    content = client.get(release.get_absolute_url("fa")).content.decode()
    structured = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S).group(1)
    )

    assert crop_url.endswith("/og.jpg")
    assert f'<meta property="og:image" content="http://testserver{crop_url}">' in content
    assert '<meta property="og:image:width" content="1200">' in content
    assert '<meta property="og:image:height" content="630">' in content
    assert '<meta property="og:image:alt" content="پارک">' in content
    sizes = []
    for url in structured["image"]:
        _data, crop = open_stored(url.removeprefix("http://testserver/media/"))
        sizes.append(crop.size)
    # The ratios Google asks for: 16:9, 4:3 and 1:1.
    assert sizes == [(1200, 675), (1200, 900), (1200, 1200)]
