"""An edit makes stale exactly what shows the edited thing (``gorgan.kit.dependencies``).

Each case changes one kind of object the way staff do (through the models), then reads every
page of a small site: the pages that show the object are rendered anew and show the change,
and the others are still answered from the page cache. Stored parts are on, as in production.
"""

import pytest
from django.utils import translation

from gorgan.models import Service, SiteIdentity
from newsroom.models import Comment
from tests.factories import (
    make_comment,
    make_release,
    make_section,
    make_service,
    make_site_identity,
    make_tag,
)
from tests.sistercities.factories import make_agreement, make_commitment, make_update, set_text

ALL = "all"


@pytest.fixture
def site(db, settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.STORED_PARTS = True
    make_site_identity()
    make_service()
    parks, water = make_section(en="Parks"), make_section(en="Water")
    snow, rain = make_tag(en="Snow"), make_tag(en="Rain")
    a = make_release(tags=[snow], section=parks)
    c = make_release(tags=[snow], section=parks)  # shares a tag with a: in a's similar box
    b = make_release(tags=[rain], section=water)
    agreement = make_agreement()
    agreement.related_releases.add(a)
    commitment = make_commitment(agreement)
    objects = dict(
        a=a, b=b, c=c, parks=parks, snow=snow, rain=rain, agreement=agreement, commitment=commitment
    )
    with translation.override("en"):
        pages = {
            "a": a.get_absolute_url(),
            "b": b.get_absolute_url(),
            "c": c.get_absolute_url(),
            "home": "/en/",
            "news": "/en/news/",
            "parks": parks.get_absolute_url(),
            "snow": snow.get_absolute_url(),
            "feed": "/en/news/feed/rss/",
            "agreement": agreement.get_absolute_url(),
            "cities": "/en/sister-cities/",
        }
    return objects, pages


def en(obj, **fields):
    set_text(obj, "en", **fields)


def retitle_a(o):
    en(o["a"], title="Snow plan for the winter")
    return "Snow plan for the winter"


def retitle_b(o):
    en(o["b"], title="Rain gardens")
    return "Rain gardens"


def rename_tag(o):
    en(o["snow"], label="Snowfall")
    return "Snowfall"


def tag_a_with_rain(o):
    o["a"].tags.add(o["rain"])


def approve_comment(o):
    comment = make_comment(o["a"], status=Comment.Status.PENDING, body="Clear the bus stops")
    Comment.objects.filter(pk=comment.pk).set_status(Comment.Status.APPROVED)
    return "Clear the bus stops"


def comment_awaiting_moderation(o):
    make_comment(o["a"], status=Comment.Status.PENDING, body="Not shown yet")


def rename_section(o):
    en(o["parks"], name="Green spaces")
    return "Green spaces"


def retitle_agreement(o):
    en(o["agreement"], title="Twinning with Guangzhou")
    return "Twinning with Guangzhou"


def retitle_commitment(o):
    en(o["commitment"], title="Open a Guangzhou room")
    return "Open a Guangzhou room"


def report_progress(o):
    make_update(o["commitment"], o["commitment"].Status.IN_PROGRESS)


def change_slogan(o):
    identity = SiteIdentity.objects.get()
    en(identity, slogan="A green city")
    return "A green city"


def rename_service(o):
    en(Service.objects.get(), title="Pay your fees online")
    return "Pay your fees online"


def unpublish_b(o):
    b = o["b"]
    b.status = b.Status.DRAFT
    b.save()


CASES = [
    # change, pages that must be fresh, pages that must stay cached
    (retitle_a, {"a", "c", "home", "news", "parks", "snow", "feed", "agreement"}, {"b", "cities"}),
    (retitle_b, {"b", "home", "news", "feed"}, {"a", "c", "cities"}),
    (rename_tag, {"a", "c", "snow"}, {"b", "cities"}),
    (tag_a_with_rain, {"a", "b", "news"}, {"cities"}),
    (approve_comment, {"a"}, {"b", "c", "home", "news", "feed", "cities", "agreement"}),
    (comment_awaiting_moderation, set(), ALL),
    (rename_section, {"a", "c", "parks"}, {"b", "cities"}),
    (retitle_agreement, {"a", "agreement", "cities"}, {"b", "c", "news", "feed"}),
    (retitle_commitment, {"agreement"}, {"a", "b", "c", "news", "feed"}),
    (report_progress, {"agreement"}, {"a", "b", "c", "news", "feed"}),
    # Every page but the feed, which names the site by a translated text.
    (change_slogan, ALL, {"feed"}),
    (rename_service, ALL, {"feed"}),
    (unpublish_b, {"home", "news", "feed"}, {"a", "c", "cities"}),
]


@pytest.mark.parametrize(("change", "fresh", "cached"), CASES, ids=[c[0].__name__ for c in CASES])
def test_edit_makes_stale_only_what_shows_it(
    client, site, django_capture_on_commit_callbacks, change, fresh, cached
):
    objects, pages = site
    for url in pages.values():
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit", url

    with django_capture_on_commit_callbacks(execute=True):
        shown_text = change(objects)

    fresh = set(pages) - cached if fresh == ALL else fresh
    cached = set(pages) - fresh if cached == ALL else cached
    responses = {name: client.get(url) for name, url in pages.items()}
    assert {name for name in fresh if responses[name].get("X-Page-Cache") == "hit"} == set()
    assert {name for name in cached if responses[name].get("X-Page-Cache") != "hit"} == set()
    if shown_text:
        for name in fresh - {"feed"}:
            assert shown_text in responses[name].content.decode(), name
    if change is retitle_a:  # the title in the page's head (a part of its own) too
        assert f"<title>{shown_text} |" in responses["a"].content.decode()
    if change is unpublish_b:
        assert responses["b"].status_code == 404
        assert objects["b"].get_absolute_url("en") not in responses["news"].content.decode()
