"""The article page of a release, composed once for every view that shows one.

The detail view shows a published release, the comment view shows it again with a reader's
refused comment, and the preview view shows a draft through a signed link; each calls
``render_article()``. The page is the release's *parts* (its text with pictures, tags, boxes,
similar releases and approved comments, and its metadata), which are the same for every
reader and are stored until something they show changes (``gorgan.kit.parts``), around the
comment form, which is the reader's own. A draft's parts are never stored.
"""

import functools

from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control

from gorgan.kit import dependencies
from gorgan.kit.parts import stored_parts
from gorgan.kit.slugs import translated_page_context

from . import antispam, asides
from .forms import CommentForm
from .metadata import release_page_meta
from .models import Office, PressRelease, tagged_items_with_labels
from .models.comments import comments_key
from .models.images import gallery_exists
from .models.similar import similar_pins_exist

TEMPLATE_NAME = "newsroom/pressrelease_detail.html"
PAGE_TEMPLATE = "newsroom/includes/_release_page.html"
META_TEMPLATE = "newsroom/includes/_release_meta.html"
PREVIEW_META_TEMPLATE = "newsroom/includes/_release_preview_meta.html"
COMMENT_FIELDS_TEMPLATE = "newsroom/includes/_comment_fields.html"
# Read with the release for its parts (``with_page_extras``).
PAGE_EXTRAS = ("section_name", "office_name", "source_office_name", "has_gallery")


def with_page_extras(releases):
    """Section, featured image, names in the page's language, whether a gallery and pinned
    similar releases exist."""
    return (
        releases.select_related("section", "featured_image")
        .with_names()
        .annotate(has_gallery=gallery_exists(), has_similar_pins=similar_pins_exist())
    )


def page_content_prefetches():
    """Tags with their names in the page's language, and what the asides show."""
    return (tagged_items_with_labels(), *asides.prefetches())


def with_page_contents(releases):
    """Everything the article's parts show, in a fixed number of queries."""
    return with_page_extras(releases).prefetch_related("translations", *page_content_prefetches())


def load_page_contents(release):
    """What ``release`` (with its translations, as the view found it) needs for its parts."""
    loaded = with_page_extras(PressRelease.objects.filter(pk=release.pk)).get()
    release.section, release.featured_image = loaded.section, loaded.featured_image
    for name in (*PAGE_EXTRAS, "has_similar_pins"):
        setattr(release, name, getattr(loaded, name))
    prefetch_related_objects([release], *page_content_prefetches())


def reverse_home(language_code):
    with translation.override(language_code):
        return reverse("home")


class ArticleParts:
    """Renders the parts of ``release``'s page; reads what they show only when asked to."""

    def __init__(self, request, release, context):
        self.request, self.release, self.context = request, release, context

    @functools.cached_property
    def loaded(self):
        """The parts' context, read once, and the dependency keys of what it holds."""
        with dependencies.recording() as shown:
            context = self.read_part_context()
        return context, shown

    @property
    def part_context(self):
        """The parts' context; each part that uses it shows what it holds, whichever part
        read it first."""
        context, shown = self.loaded
        dependencies.shows(*shown)
        return context

    def read_part_context(self):
        release, context = self.release, self.context
        if not hasattr(release, "has_gallery"):
            # The release and what hangs on it, not the lists their queries start from.
            with dependencies.lookup():
                load_page_contents(release)
        dependencies.shows(
            dependencies.key(Office, release.office_id),  # the dateline names it
            comments_key(release.pk),
            asides.dependency_key(release.pk),
        )
        is_fallback = context["is_fallback"]
        return context | {
            "release": release,
            "dateline_office": release.source_office_name if is_fallback else release.office_name,
            "release_asides": asides.registered(),
            "similar_releases": release.similar_releases(translation.get_language()),
            "comments": list(release.comments.approved()),
            "page_meta": release_page_meta(
                self.request, release, context["content_language"], is_fallback
            ),
        }

    def page(self):
        return render_to_string(PAGE_TEMPLATE, self.part_context, self.request)

    def meta(self):
        return render_to_string(META_TEMPLATE, self.part_context, self.request)

    def preview_meta(self):
        return render_to_string(PREVIEW_META_TEMPLATE, self.part_context, self.request)

    def comment_fields(self):
        """The comment form's fields, empty: the same for every release."""
        form = CommentForm(release=self.release)
        return render_to_string(COMMENT_FIELDS_TEMPLATE, {"comment_form": form}, self.request)

    @staticmethod
    def names(request):
        """The stored parts' names: the page's address names its parts."""
        return {
            "page": f"release-page|{request.path}",
            "meta": f"release-meta|{request.path}",
            "comment_fields": "comment-fields",
        }

    def html(self, with_comment_fields=True):
        """``{"page": ..., "meta": ..., "comment_fields": ...}``; a public release's are
        stored. A reader's refused comment shows its own fields instead of the empty ones."""
        if not self.release.is_public:  # a draft's preview
            return {
                "page": self.page(),
                "meta": self.preview_meta(),
                "comment_fields": self.comment_fields(),
            }
        names = self.names(self.request)
        renders = {"page": (names["page"], self.page), "meta": (names["meta"], self.meta)}
        if with_comment_fields:
            renders["comment_fields"] = (names["comment_fields"], self.comment_fields)
        found = stored_parts(self.request, dict(renders.values()))
        return {part: found[name] for part, (name, _render) in renders.items()}


def article_context(request, release, *, comment_form=None, alternate_urls=None):
    """The template context of ``release``'s page in the active language.

    ``comment_form`` is a reader's refused comment, shown with its errors; a draft's preview
    gives its language switcher its own ``alternate_urls``.
    """
    context = translated_page_context(release, reverse_home)
    if alternate_urls is not None:
        context["alternate_urls"] = alternate_urls
    return context | {
        "release": release,
        "object": release,
        "release_parts": ArticleParts(request, release, context).html(
            with_comment_fields=comment_form is None
        ),
        "comment_form": comment_form or CommentForm(release=release),
        "comment_token": antispam.form_token(release),
        "comment_received": request.GET.get("comment") == "received",
    }


def render_article(request, release, template_name=TEMPLATE_NAME, status=200, **options):
    """The article page of ``release``; ``options`` go to :func:`article_context`."""
    context = article_context(request, release, **options)
    response = TemplateResponse(request, template_name, context, status=status)
    if context["comment_received"] or options.get("comment_form") is not None:
        # This variant shows one visitor their own submission: no shared cache may keep it.
        patch_cache_control(response, private=True, no_store=True)
    return response
