"""Signed draft previews: valid shows the draft, anything else is a 404."""

import json
import re
import time
from datetime import timedelta

import pytest
from django.core import signing
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gorgan.kit.roles import EDITOR, TRANSLATOR, WRITER
from newsroom import preview
from newsroom.models import PressRelease
from tests.factories import make_release, make_staff, make_tag

Status = PressRelease.Status


def preview_url(release, language="fa", token=None):
    return f"/{language}/news/preview/{token or preview.make_token(release)}/"


@pytest.fixture
def draft(db):
    return make_release(status=Status.DRAFT, publish_at=None, title={"fa": "پیش نویس محرمانه"})


def test_valid_link_shows_the_draft_with_a_banner_and_noindex(client, draft):
    response = client.get(preview_url(draft))
    content = response.content.decode()

    assert response.status_code == 200
    assert '<h1 class="release__title">پیش نویس محرمانه</h1>' in content
    assert 'class="notice preview-banner"' in content
    assert '<meta name="robots" content="noindex, nofollow">' in content
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Cache-Control"] == "private, no-store"


def test_valid_link_shows_the_translation_of_the_page_language(client, draft):
    content = client.get(preview_url(draft, "en")).content.decode()

    title = draft.safe_translation_getter("title", language_code="en")
    assert f'<h1 class="release__title">{title}</h1>' in content


def test_tampered_link_is_404(client, draft):
    token = preview.make_token(draft)
    other = make_release(status=Status.DRAFT)
    payload, signature = token.split(":", 1)
    pk, version = json.loads(signing.b64_decode(payload.encode()))
    other_payload = signing.b64_encode(json.dumps([other.pk, version]).encode()).decode()
    unsalted = signing.dumps([draft.pk, version])

    assert pk == draft.pk
    for forged in (f"{other_payload}:{signature}", token[:-2] + "xx", unsalted):
        assert client.get(preview_url(draft, token=forged)).status_code == 404


def test_link_for_a_changed_release_is_404(client, draft):
    url = preview_url(draft)
    draft.sign_off = "ب"
    draft.save()

    assert client.get(url).status_code == 404


def test_expired_link_is_404(client, draft, monkeypatch):
    eight_days_ago = time.time() - timedelta(days=8).total_seconds()
    monkeypatch.setattr(signing.time, "time", lambda: eight_days_ago)
    token = preview.make_token(draft)
    monkeypatch.undo()

    assert client.get(preview_url(draft, token=token)).status_code == 404


def test_link_for_a_deleted_release_is_404(client, draft):
    url = preview_url(draft)
    draft.delete()

    assert client.get(url).status_code == 404


@pytest.mark.parametrize("token", ["x", "a:b:c", "%00", "..", "W1sxXV0:1:abc"])
def test_malformed_tokens_are_404(client, db, token):
    assert client.get(f"/fa/news/preview/{token}/").status_code == 404


@pytest.mark.parametrize(("role", "shown"), [(WRITER, True), (EDITOR, True), (TRANSLATOR, False)])
def test_admin_change_page_offers_preview_links_to_writers_and_editors(client, draft, role, shown):
    client.force_login(make_staff(role))

    page = client.get(f"/admin/newsroom/pressrelease/{draft.pk}/change/").content.decode()

    # The link is signed with the time, so compare what it does, not its exact text.
    link = re.search(r'value="http://testserver(/fa/news/preview/[^"/]+/)"', page)
    assert (link is not None) is shown
    if shown:
        client.logout()
        assert "پیش نویس محرمانه" in client.get(link[1]).content.decode()


def preview_queries(client, release):
    client.get(preview_url(release))  # the header, services and footer are stored after this
    with CaptureQueriesContext(connection) as queries:
        response = client.get(preview_url(release))
    assert response.status_code == 200
    return len(queries)


def test_preview_query_count_does_not_grow_with_tags(client, draft):
    draft.tags.set([make_tag()])
    draft.save()
    with_one = preview_queries(client, draft)
    draft.tags.set([make_tag() for _ in range(20)])
    draft.save()

    assert preview_queries(client, draft) == with_one <= 9
