"""``manage.py load_demo``: the demo from its data files; repeating it keeps staff edits, and
``--reset`` puts the demo back."""

import pytest
from django.core.management import call_command

from gorgan.models import Service
from newsroom import demo_loader
from newsroom.models import PressRelease
from sistercities.models import Commitment

pytestmark = pytest.mark.django_db

SEED = demo_loader.data()["releases"][0]
SEED_CODE = SEED["short_code"]
SEED_TITLE = SEED["translations"]["fa"]["title"]


def load_demo(*args):
    call_command("load_demo", *args, stdout=open("/dev/null", "w"))  # noqa: SIM115


def edit_seed_title(title):
    seed = PressRelease.objects.get(short_code=SEED_CODE)
    seed.set_current_language("fa")
    seed.title = title
    seed.save()


def seed_title():
    return PressRelease.objects.get(short_code=SEED_CODE).safe_translation_getter(
        "title", language_code="fa"
    )


def test_load_demo_again_keeps_an_edited_release_title(media_root):
    load_demo()
    edit_seed_title("عنوانی که ویراستار نوشت")

    load_demo()

    assert seed_title() == "عنوانی که ویراستار نوشت"


def test_load_demo_again_keeps_edits_to_services_and_commitments(media_root):
    load_demo()
    Service.objects.filter(icon="receipt").update(active=False)
    Commitment.objects.filter(order=1).update(status=Commitment.Status.DROPPED)

    load_demo()

    assert Service.objects.get(icon="receipt").active is False
    assert Commitment.objects.get(order=1).status == Commitment.Status.DROPPED


def test_load_demo_again_recreates_a_deleted_demo_release(media_root):
    load_demo()
    count = PressRelease.objects.count()
    PressRelease.objects.get(short_code=SEED_CODE).delete()

    load_demo()

    assert (PressRelease.objects.count(), seed_title()) == (count, SEED_TITLE)


def test_load_demo_keeps_a_removed_featured_image(media_root):
    load_demo()
    PressRelease.objects.filter(short_code=SEED_CODE).update(featured_image=None)

    load_demo()

    assert PressRelease.objects.get(short_code=SEED_CODE).featured_image_id is None


def test_load_demo_reset_puts_the_demo_back(media_root):
    load_demo()
    edit_seed_title("عنوانی که ویراستار نوشت")
    Service.objects.filter(icon="receipt").update(active=False)
    PressRelease.objects.filter(short_code=SEED_CODE).update(featured_image=None)

    load_demo("--reset")

    seed = PressRelease.objects.get(short_code=SEED_CODE)
    assert (seed_title(), Service.objects.get(icon="receipt").active) == (SEED_TITLE, True)
    assert seed.featured_image_id is not None


def test_demo_release_body_comes_from_its_html_file(media_root):
    load_demo()
    seed = PressRelease.objects.get(short_code=SEED_CODE)

    assert seed.safe_translation_getter("body", language_code="fa").startswith(
        "<p>دادبود با اعلام این خبر گفت:"
    )
    assert "\n" not in seed.safe_translation_getter("body", language_code="en")
    assert sorted(seed.get_available_languages()) == ["en", "fa", "zh-hans"]
