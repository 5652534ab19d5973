from datetime import timedelta

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from gorgan.kit import dependencies
from gorgan.kit.roles import EDITOR
from newsroom import antispam, preview
from newsroom.models import Comment, PressRelease
from newsroom.models.comments import comments_key
from tests.admin_forms import admin_form_data
from tests.factories import make_comment, make_release, make_staff
from tests.gorgan.test_availability import unreachable_database


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300


def get_counting_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


@pytest.mark.django_db
def test_anonymous_reader_gets_second_view_from_cache_without_queries(client, page_cache):
    release = make_release()
    url = release.get_absolute_url("fa")

    first, first_queries = get_counting_queries(client, url)
    second, second_queries = get_counting_queries(client, url)

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert first_queries > 0
    assert second_queries == 0
    assert second.content == first.content


@pytest.mark.django_db
def test_readers_of_a_shared_link_get_the_cached_page(client, page_cache):
    release = make_release()
    url = release.get_absolute_url("fa")
    first = client.get(url)

    shared, queries = get_counting_queries(
        client, f"{url}?utm_source=telegram&utm_medium=channel&fbclid=IwAR0x"
    )

    assert (shared["X-Page-Cache"], queries) == ("hit", 0)
    assert shared.content == first.content


@pytest.mark.django_db
def test_tracking_parameters_stay_out_of_the_page_and_other_parameters_count(client, page_cache):
    make_release()
    client.get("/fa/search/?q=%D8%AE%D8%A8%D8%B1")

    tracked = client.get("/fa/search/?q=%D8%AE%D8%A8%D8%B1&gclid=abc&page=1")
    links = tracked.content.decode().split('class="language-switcher"')[1].split("</nav>")[0]

    # Another query string is another page; the language links keep it, without the click id.
    assert tracked["X-Page-Cache"] == "miss"
    assert 'href="/en/search/?q=%D8%AE%D8%A8%D8%B1&amp;page=1"' in links
    assert "gclid" not in tracked.content.decode()


@pytest.mark.django_db
def test_saved_change_is_visible_on_the_next_request(
    client, page_cache, django_capture_on_commit_callbacks
):
    release = make_release()
    client.get("/en/news/")

    with django_capture_on_commit_callbacks(execute=True):
        release.set_current_language("en")
        release.title = "Snow closure: schools shut on Saturday"
        release.save()

    response = client.get("/en/news/")
    assert response["X-Page-Cache"] == "miss"
    assert "Snow closure: schools shut on Saturday" in response.content.decode()


@pytest.mark.django_db
def test_scheduled_release_appears_on_cached_list_at_its_time(client, page_cache, monkeypatch):
    scheduled = make_release(publish_at=timezone.now() + timedelta(minutes=2))
    title = scheduled.safe_translation_getter("title", language_code="en")
    assert title not in client.get("/en/news/").content.decode()
    assert client.get("/en/news/")["X-Page-Cache"] == "hit"

    later = timezone.now() + timedelta(minutes=3)
    monkeypatch.setattr(timezone, "now", lambda: later)

    assert title in client.get("/en/news/").content.decode()


@pytest.mark.django_db
def test_logged_in_staff_never_get_cached_pages(client, page_cache, admin_user):
    release = make_release()
    url = release.get_absolute_url("fa")
    client.get(url)
    client.force_login(admin_user)

    response = client.get(url)

    assert "X-Page-Cache" not in response


@pytest.mark.django_db
def test_not_found_pages_are_not_cached(client, page_cache):
    client.get("/fa/news/missing/")

    assert "X-Page-Cache" not in client.get("/fa/news/missing/")


# What is never stored: each page below is requested twice; the second answer would be a
# "hit" had the first been stored.


@pytest.mark.django_db
def test_preview_pages_are_never_cached(client, page_cache):
    draft = make_release(status=PressRelease.Status.DRAFT)
    url = f"/fa/news/preview/{preview.make_token(draft)}/"

    first, second = client.get(url), client.get(url)

    assert (first.status_code, second.status_code) == (200, 200)
    assert ("X-Page-Cache" in first, "X-Page-Cache" in second) == (False, False)


@pytest.mark.django_db
def test_unavailable_page_is_not_cached_and_recovery_renders_afresh(page_cache, settings):
    settings.DATABASE_SKIP_SECONDS = 0  # try the database again at the next request
    url = make_release().get_absolute_url("fa")
    client = Client(raise_request_exception=False)

    with unreachable_database():
        down = client.get(url)
    up = client.get(url)

    assert (down.status_code, "X-Page-Cache" in down) == (503, False)
    assert (up.status_code, up["X-Page-Cache"]) == (200, "miss")


@pytest.mark.django_db
def test_admin_pages_are_not_cached(client, page_cache):
    responses = [client.get("/admin/login/") for _ in range(2)]

    assert [response.status_code for response in responses] == [200, 200]
    assert ["X-Page-Cache" in response for response in responses] == [False, False]


@pytest.mark.django_db
def test_pages_seen_by_signed_in_staff_are_not_stored_for_others(client, page_cache, admin_user):
    url = make_release().get_absolute_url("en")
    client.force_login(admin_user)

    staff_view = client.get(url)
    first_reader_view = Client().get(url)

    assert "X-Page-Cache" not in staff_view
    assert first_reader_view["X-Page-Cache"] == "miss"


@pytest.mark.django_db
def test_comment_notice_variant_is_not_cached(client, page_cache):
    url = f"{make_release().get_absolute_url('fa')}?comment=received"

    first, second = client.get(url), client.get(url)

    assert ("X-Page-Cache" in first, "X-Page-Cache" in second) == (False, False)


# Comments and the article's version: only what readers can see makes the page stale.


def version_of(release):
    """The version of the key of the release's comments, which its cached page records."""
    return cache.get(dependencies.version_key(comments_key(release.pk)))


@pytest.fixture
def cached_article(client, page_cache):
    """A published release whose article page is in the cache."""
    release = make_release()
    url = release.get_absolute_url("fa")
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    return release


@pytest.fixture
def editor_client(db):
    editor = Client()
    editor.force_login(make_staff(EDITOR))
    return editor


@pytest.mark.django_db
def test_new_pending_comment_keeps_the_cached_article(
    client, cached_article, django_capture_on_commit_callbacks
):
    before = version_of(cached_article)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{cached_article.get_absolute_url('fa')}comments/",
            {
                "name": "مریم",
                "body": "نظر تازه",
                "website": "",
                "token": antispam.form_token(cached_article),
            },
        )

    assert response.status_code == 303
    assert Comment.objects.get().status == Comment.Status.PENDING
    assert version_of(cached_article) == before
    assert client.get(cached_article.get_absolute_url("fa"))["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_comment_approved_in_bulk_refreshes_the_cached_article(
    client, cached_article, editor_client, django_capture_on_commit_callbacks
):
    comment = make_comment(cached_article, status=Comment.Status.PENDING, body="نظر تأییدشده")

    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            "/admin/newsroom/comment/",
            {"action": "approve", "_selected_action": [comment.pk], "index": 0},
        )
    response = client.get(cached_article.get_absolute_url("fa"))

    assert response["X-Page-Cache"] == "miss"
    assert "نظر تأییدشده" in response.content.decode()


@pytest.mark.django_db
def test_comment_approved_in_its_form_refreshes_the_cached_article(
    client, cached_article, editor_client, django_capture_on_commit_callbacks
):
    comment = make_comment(cached_article, status=Comment.Status.PENDING, body="نظر تأییدشده")
    url = f"/admin/newsroom/comment/{comment.pk}/change/"

    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            url, admin_form_data(editor_client.get(url), status=Comment.Status.APPROVED)
        )
    response = client.get(cached_article.get_absolute_url("fa"))

    assert Comment.objects.get(pk=comment.pk).status == Comment.Status.APPROVED
    assert response["X-Page-Cache"] == "miss"
    assert "نظر تأییدشده" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "end", "bumps"),
    [
        (Comment.Status.PENDING, Comment.Status.APPROVED, True),
        (Comment.Status.APPROVED, Comment.Status.REJECTED, True),
        (Comment.Status.APPROVED, Comment.Status.SPAM, True),
        (Comment.Status.PENDING, Comment.Status.REJECTED, False),
        (Comment.Status.PENDING, Comment.Status.SPAM, False),
        (Comment.Status.SPAM, Comment.Status.PENDING, False),
    ],
)
def test_article_goes_stale_only_when_readers_see_the_difference(
    cached_article, django_capture_on_commit_callbacks, start, end, bumps
):
    saved = make_comment(cached_article, status=start)
    bulk = make_comment(cached_article, status=start)
    before = version_of(cached_article)

    with django_capture_on_commit_callbacks(execute=True):
        comment = Comment.objects.get(pk=saved.pk)
        comment.status = end
        comment.save()
    after_save = version_of(cached_article)
    with django_capture_on_commit_callbacks(execute=True):
        Comment.objects.filter(pk=bulk.pk).set_status(end)
    after_bulk = version_of(cached_article)

    assert (after_save != before, after_bulk != after_save) == (bumps, bumps)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "bumps"), [(Comment.Status.APPROVED, True), (Comment.Status.PENDING, False)]
)
def test_deleting_a_comment_makes_the_article_stale_only_if_it_was_shown(
    cached_article, django_capture_on_commit_callbacks, status, bumps
):
    comment = make_comment(cached_article, status=status)
    before = version_of(cached_article)

    with django_capture_on_commit_callbacks(execute=True):
        Comment.objects.filter(pk=comment.pk).delete()

    assert (version_of(cached_article) != before) is bumps


# Only the query parameters a view declares make another page; others are served the page
# of the address without them and never rendered or stored for them.


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/", "/fa/news/", "/zh-hans/search/?q=news"])
def test_made_up_parameters_are_served_the_cached_page(client, page_cache, path):
    make_release()
    separator = "&" if "?" in path else "?"
    first = client.get(path)

    answers = [
        get_counting_queries(client, f"{path}{separator}x={noise}")
        for noise in ("a1", "b2", "%D8%A8", "c3&y=4")
    ]

    assert first["X-Page-Cache"] == "miss"
    assert [(response["X-Page-Cache"], queries) for response, queries in answers] == [
        ("hit", 0)
    ] * 4
    assert {response.content for response, _queries in answers} == {first.content}


@pytest.mark.django_db
def test_page_first_asked_with_made_up_parameters_is_stored_without_them(client, page_cache):
    make_release()

    first = client.get("/en/?x=first-visitor")
    plain, queries = get_counting_queries(client, "/en/")

    page = first.content.decode()
    assert (first["X-Page-Cache"], plain["X-Page-Cache"], queries) == ("miss", "hit", 0)
    assert "first-visitor" not in page
    assert '<link rel="canonical" href="http://testserver/en/">' in page
    assert 'href="/fa/"' in page


@pytest.mark.django_db
def test_declared_parameters_in_another_order_share_one_page(client, page_cache):
    start = timezone.now() - timedelta(days=1)
    releases = [make_release(publish_at=start - timedelta(minutes=i)) for i in range(22)]
    first = client.get("/en/news/")
    cursor = first.context["page"].older_cursor

    second = client.get(f"/en/news/?before={cursor}&page=2&utm_source=telegram")
    reordered, queries = get_counting_queries(client, f"/en/news/?page=2&x=1&before={cursor}")

    assert (second["X-Page-Cache"], reordered["X-Page-Cache"], queries) == ("miss", "hit", 0)
    assert [r.pk for r in second.context["page"].items] == [r.pk for r in releases[20:]]
    assert reordered.content == second.content


@pytest.mark.django_db
def test_declared_parameter_of_a_function_view_makes_another_page(client, page_cache):
    client.get("/sitemap-releases.xml")

    undeclared = client.get("/sitemap-releases.xml?x=1")
    declared = client.get("/sitemap-releases.xml?p=1")

    assert (undeclared["X-Page-Cache"], declared["X-Page-Cache"]) == ("hit", "miss")


class CacheReads:
    """The keys of each ``get_many`` (one round trip each) the page cache makes."""

    def __init__(self, monkeypatch):
        self.calls = []
        backend = type(caches["default"])
        original = backend.get_many

        def counting(self_, keys, *args, **kwargs):
            self.calls.append(list(keys))
            return original(self_, keys, *args, **kwargs)

        monkeypatch.setattr(backend, "get_many", counting)


@pytest.mark.django_db
def test_a_hit_while_nothing_changed_reads_the_page_alone_in_one_round_trip(
    client, page_cache, monkeypatch, django_capture_on_commit_callbacks
):
    release = make_release()
    other = make_release()
    url = release.get_absolute_url("fa")
    client.get(url)
    client.get(url)  # checks the page's keys once

    reads = CacheReads(monkeypatch)
    hit = client.get(url)
    # Not the versions of the page's dozens of keys: the last change says none changed.
    assert (hit["X-Page-Cache"], len(reads.calls), len(reads.calls[0])) == ("hit", 1, 4)

    with django_capture_on_commit_callbacks(execute=True):
        make_comment(other)
    after_unrelated_edit = client.get(url)
    # Still cached; the first request after a change checks the page's keys, and the next
    # ones need not.
    assert after_unrelated_edit["X-Page-Cache"] == "hit"
    assert len(reads.calls) == 3 and len(reads.calls[2]) > 4
    assert client.get(url)["X-Page-Cache"] == "hit"
    assert len(reads.calls) == 4 and len(reads.calls[3]) == 4

    with django_capture_on_commit_callbacks(execute=True):
        make_comment(release)
    after_its_edit = client.get(url)
    assert after_its_edit["X-Page-Cache"] == "miss"
    assert release.comments.get().body in after_its_edit.content.decode()


@pytest.mark.django_db
def test_a_page_whose_release_changed_while_it_rendered_is_not_kept(
    client, page_cache, monkeypatch, django_capture_on_commit_callbacks
):
    from newsroom import article

    release = make_release()
    url = release.get_absolute_url("fa")
    client.get(url)  # the release's keys are known to the cache from now on
    render = article.render_article
    edits = []

    def render_while_an_editor_saves(request, shown, *args, **kwargs):
        if not edits:  # the editor's save commits after the release was read
            with django_capture_on_commit_callbacks(execute=True):
                dependencies.changed(dependencies.key(PressRelease, shown.pk))
            edits.append(shown.pk)
        return render(request, shown, *args, **kwargs)

    monkeypatch.setattr(article, "render_article", render_while_an_editor_saves)
    with django_capture_on_commit_callbacks(execute=True):
        dependencies.changed(dependencies.key(PressRelease, release.pk))  # the first page goes

    overlapped = client.get(url)
    after = client.get(url)

    assert edits == [release.pk]
    # What the first reader got may predate the save: it is not kept, and the next reader's
    # page, rendered after the save, is.
    assert (overlapped.get("X-Page-Cache"), after.get("X-Page-Cache")) == (None, "miss")
    assert client.get(url)["X-Page-Cache"] == "hit"
