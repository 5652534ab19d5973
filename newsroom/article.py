"""The article page of a release, composed once for every view that shows one.

The detail view shows a published release, the comment view shows it again with a reader's
refused comment, and the preview view shows a draft through a signed link; each calls
``render_article()``. The page first reads only the release and its translations; what only
its parts show (section, names, tags, asides, similar releases, comments, metadata) is read
where a part is rendered rather than taken from the cache.
"""

from django.db.models import prefetch_related_objects
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject

from gorgan.kit.slugs import translated_page_context

from . import antispam, asides
from .forms import CommentForm
from .metadata import release_page_meta
from .models import PressRelease, tagged_items_with_labels
from .models.images import gallery_exists
from .models.similar import similar_pins_exist

TEMPLATE_NAME = "newsroom/pressrelease_detail.html"
PAGE_EXTRAS = (
    "section_name",
    "office_name",
    "source_office_name",
    "has_gallery",
    "has_similar_pins",
)


def page_content_prefetches():
    """Tags of an article, with their names in the active language, and what its asides show."""
    return (tagged_items_with_labels(), *asides.prefetches())


def with_page_extras(releases):
    """Section, featured image, names in the page's language, and whether a gallery and
    pinned similar items exist."""
    return (
        releases.select_related("section", "featured_image")
        .with_names()
        .annotate(has_gallery=gallery_exists(), has_similar_pins=similar_pins_exist())
    )


def with_page_contents(releases):
    """Everything the article page shows, in a fixed number of queries."""
    return with_page_extras(releases).prefetch_related("translations", *page_content_prefetches())


def load_page_contents(release):
    """``release`` with what only the article's parts need, read once."""
    if not hasattr(release, "has_gallery"):
        loaded = with_page_extras(PressRelease.objects.filter(pk=release.pk)).get()
        # Onto the instance the view holds: it has the translations and the page language.
        release.section = loaded.section
        release.featured_image = loaded.featured_image
        for name in PAGE_EXTRAS:
            setattr(release, name, getattr(loaded, name))
    if "tagged_items" not in getattr(release, "_prefetched_objects_cache", {}):
        prefetch_related_objects([release], *page_content_prefetches())
    return release


def reverse_home(language_code):
    with translation.override(language_code):
        return reverse("home")


def article_context(request, release, *, comment_form=None, cache_parts=True, alternate_urls=None):
    """The template context of ``release``'s page in the active language.

    ``comment_form`` is a reader's refused comment, shown with its errors; ``cache_parts``
    is off where the page's parts must never be stored (a draft's preview), whose language
    switcher leads to its own ``alternate_urls``.
    """
    context = translated_page_context(release, reverse_home)
    if alternate_urls is not None:
        context["alternate_urls"] = alternate_urls
    is_fallback, content_language = context["is_fallback"], context["content_language"]
    comment_received = request.GET.get("comment") == "received"

    def with_contents():
        return load_page_contents(release)

    # The parts are the same for every reader unless the page shows a reader's own comment.
    shows_own_comment = comment_received or comment_form is not None
    return context | {
        "release": release,
        "object": release,
        "release_asides": asides.registered(),
        # The original is shown, so its dateline names the office in Persian too.
        "dateline_office": SimpleLazyObject(
            lambda: (
                with_contents().source_office_name if is_fallback else with_contents().office_name
            )
        ),
        # Read only where a part is rendered rather than taken from the cache.
        "release_with_contents": with_contents,
        "similar_releases": SimpleLazyObject(
            lambda: with_contents().similar_releases(translation.get_language())
        ),
        "comments": SimpleLazyObject(lambda: list(release.comments.approved())),
        "comment_form": comment_form or SimpleLazyObject(lambda: CommentForm(release=release)),
        "comment_token": antispam.form_token(release),
        "comment_received": comment_received,
        "page_meta": SimpleLazyObject(
            lambda: release_page_meta(request, with_contents(), content_language, is_fallback)
        ),
        "shows_own_comment": shows_own_comment,
        "cache_fragments": cache_parts and not shows_own_comment,
    }


def render_article(request, release, template_name=TEMPLATE_NAME, status=200, **options):
    """The article page of ``release``; ``options`` go to :func:`article_context`."""
    context = article_context(request, release, **options)
    response = TemplateResponse(request, template_name, context, status=status)
    if context["shows_own_comment"]:
        # This variant shows one visitor their own submission: no shared cache may keep it.
        patch_cache_control(response, private=True, no_store=True)
    return response
