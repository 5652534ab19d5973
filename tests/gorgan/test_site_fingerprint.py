import json
from io import StringIO

import pytest
from django.core.management import call_command

from newsroom.models import PressReleaseTranslation
from tests.factories import make_release


def fingerprint():
    out = StringIO()
    call_command("site_fingerprint", stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_fingerprint_is_stable_and_notices_a_changed_title():
    release = make_release()
    first, again = fingerprint(), fingerprint()
    release.set_current_language("fa")
    release.title = "عنوان دیگر"
    release.save()

    changed = fingerprint()

    assert first == again
    assert first["rows"]["newsroom.PressRelease"] == 1
    assert changed["rows"] == first["rows"]
    assert changed["pages"]["/fa/"] != first["pages"]["/fa/"]
    assert changed["pages"]["/en/"] == first["pages"]["/en/"]


@pytest.mark.django_db
def test_fingerprint_renders_past_the_caches(settings):
    """The restore drill compares two databases that may share one Redis: a page cached from
    the original must not stand in for the copy's own rendering."""
    settings.PAGE_CACHE_SECONDS = 300
    settings.STORED_PARTS = True
    release = make_release()
    original = fingerprint()

    # As if another database were read: its rows differ, and no signal told any cache.
    PressReleaseTranslation.objects.filter(master=release, language_code="fa").update(
        title="عنوانی که فقط در نسخهٔ بازیابی‌شده است"
    )
    restored = fingerprint()

    assert restored["pages"]["/fa/"] != original["pages"]["/fa/"]
    assert restored["pages"]["/en/"] == original["pages"]["/en/"]
