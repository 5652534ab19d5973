import json
from io import StringIO

import pytest
from django.core.management import call_command

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
