"""``manage.py load_demo``: the demo from its data files, safe to run again over staff edits."""

import os

import pytest
from django.core.management import call_command

from gorgan.models import Service
from newsroom.models import PressRelease
from sistercities.models import Commitment

pytestmark = pytest.mark.django_db

SEED = "24bc40e3"


def load_demo(*args):
    with open(os.devnull, "w") as devnull:
        call_command("load_demo", *args, stdout=devnull)


def test_demo_release_body_comes_from_its_html_file():
    load_demo()
    seed = PressRelease.objects.get(short_code=SEED)

    assert seed.safe_translation_getter("body", language_code="fa").startswith(
        "<p>دادبود با اعلام این خبر گفت:"
    )
    assert "\n" not in seed.safe_translation_getter("body", language_code="en")
    assert sorted(seed.get_available_languages()) == ["en", "fa", "zh-hans"]


def test_second_run_keeps_what_staff_edited():
    load_demo()
    seed = PressRelease.objects.get(short_code=SEED)
    seed.set_current_language("fa")
    seed.title = "عنوان ویرایش‌شده"
    seed.save()
    Commitment.objects.filter(order=1).update(target_date=None)

    load_demo()

    seed = PressRelease.objects.get(short_code=SEED)
    assert seed.safe_translation_getter("title", language_code="fa") == "عنوان ویرایش‌شده"
    assert Commitment.objects.get(order=1).target_date is None


def test_reset_puts_the_demo_back():
    load_demo()
    seed = PressRelease.objects.get(short_code=SEED)
    seed.set_current_language("fa")
    seed.title = "عنوان ویرایش‌شده"
    seed.save()
    Service.objects.update(active=False)

    load_demo("--reset")

    seed = PressRelease.objects.get(short_code=SEED)
    assert seed.safe_translation_getter("title", language_code="fa").startswith(
        "توسعه همکاری های متقابل"
    )
    assert Service.objects.filter(active=False).count() == 0


def test_second_run_adds_a_deleted_demo_release_again():
    load_demo()
    PressRelease.objects.filter(short_code="9b40aad2").delete()

    load_demo()

    assert PressRelease.objects.filter(short_code="9b40aad2").count() == 1
