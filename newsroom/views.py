import functools
from urllib.parse import unquote

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import DetailView, TemplateView

from gorgan import dates
from gorgan.metadata import PageMeta

from . import antispam, archive, asides, preview
from .forms import CommentForm
from .metadata import release_page_meta
from .models import PressRelease, Section, Tag, tagged_items_with_labels
from .models.images import gallery_exists
from .models.similar import similar_pins_exist
from .pagination import newest_first_page, page_number
from .slug_history import moved_release_url

RELEASES_PER_PAGE = 20
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


class PublicReleasesMixin:
    """Public release views start from the published releases in the page's language."""

    def public_releases(self):
        return PressRelease.objects.published().in_language().for_listing()


class ReleaseListView(PublicReleasesMixin, TemplateView):
    """Newest-first list of releases, paged with older/newer cursors."""

    template_name = "newsroom/pressrelease_list.html"

    def filter_releases(self, releases):
        return releases

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = newest_first_page(
            self.filter_releases(self.public_releases()),
            before=self.request.GET.get("before"),
            after=self.request.GET.get("after"),
            per_page=RELEASES_PER_PAGE,
        )
        context.update(
            page=page,
            releases=page.items,
            page_number=page_number(self.request.GET),
            # Read only where the archive's part is rendered rather than taken from the cache.
            archive_months=SimpleLazyObject(
                functools.partial(archive.months_with_releases, translation.get_language())
            ),
        )
        return context


class SectionDetailView(ReleaseListView):
    template_name = "newsroom/section_detail.html"

    def get(self, request, *args, **kwargs):
        self.section = get_object_or_404(
            Section.objects.prefetch_related("translations"), slug=kwargs["slug"]
        )
        return super().get(request, *args, **kwargs)

    def filter_releases(self, releases):
        return releases.filter(section=self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)


class TagDetailView(ReleaseListView):
    template_name = "newsroom/tag_detail.html"

    def get(self, request, *args, **kwargs):
        self.tag = get_object_or_404(
            Tag.objects.prefetch_related("translations"), slug=kwargs["slug"]
        )
        return super().get(request, *args, **kwargs)

    def filter_releases(self, releases):
        return releases.filter(tagged_items__tag=self.tag)

    def get_context_data(self, **kwargs):
        feeds = [
            (
                _("News tagged %(tag)s (RSS)") % {"tag": self.tag},
                reverse("newsroom:tag-feed-rss", kwargs={"slug": self.tag.slug}),
                "application/rss+xml",
            ),
            (
                _("News tagged %(tag)s (Atom)") % {"tag": self.tag},
                reverse("newsroom:tag-feed-atom", kwargs={"slug": self.tag.slug}),
                "application/atom+xml",
            ),
        ]
        return super().get_context_data(tag=self.tag, page_meta=PageMeta(feeds=feeds), **kwargs)


class ArchiveMonthView(ReleaseListView):
    """The releases of one month of the reader's calendar (Solar Hijri in Persian)."""

    template_name = "newsroom/archive_month.html"

    def get(self, request, *args, **kwargs):
        self.year, self.month = kwargs["year"], kwargs["month"]
        try:
            self.start, self.end = archive.month_range(
                self.year, self.month, translation.get_language()
            )
        except ValueError as error:
            raise Http404("No such month in the archive.") from error
        return super().get(request, *args, **kwargs)

    def filter_releases(self, releases):
        return releases.filter(publish_at__gte=self.start, publish_at__lt=self.end)

    def get_context_data(self, **kwargs):
        language = translation.get_language()
        # Another calendar's months do not line up with this one: the switcher goes to the
        # month that holds the middle of this one, and no page is this page's translation.
        middle = min(self.start + (self.end - self.start) / 2, timezone.now())
        alternate_urls = {}
        for code, _name in settings.LANGUAGES:
            year, month = dates.month_of(timezone.localtime(middle).date(), code)
            alternate_urls[code] = archive.ArchiveMonth(year, month, 0, code).get_absolute_url()
        return super().get_context_data(
            month_label=dates.format_month(self.year, self.month, language),
            alternate_urls=alternate_urls,
            page_meta=PageMeta(alternates={language: self.request.path}),
            **kwargs,
        )


class ReleaseDetailView(PublicReleasesMixin, DetailView):
    """One release, found by its slug in the page's language.

    A release not translated into the page's language is reachable under its Persian slug and
    shown in Persian, with a notice; the page is then marked as a fallback.
    """

    template_name = "newsroom/pressrelease_detail.html"
    context_object_name = "release"

    @staticmethod
    def with_page_extras(releases):
        """Section, featured image, names in the page's language, and whether a gallery and
        pinned similar items exist."""
        return (
            releases.select_related("section", "featured_image")
            .with_names()
            .annotate(has_gallery=gallery_exists(), has_similar_pins=similar_pins_exist())
        )

    @classmethod
    def with_page_contents(cls, releases):
        """Everything the article page shows, in a fixed number of queries.

        The published page reads only the release and its translations at first
        (``PressRelease.objects.find_published``) and the rest where its cached parts are missing
        (``load_page_contents``).
        """
        return cls.with_page_extras(releases).prefetch_related(
            "translations", *page_content_prefetches()
        )

    @classmethod
    def load_page_contents(cls, release):
        """``release`` with what only the article's body needs, read once."""
        if not hasattr(release, "has_gallery"):
            loaded = cls.with_page_extras(PressRelease.objects.filter(pk=release.pk)).get()
            # Onto the instance the view holds: it has the translations and the page language.
            release.section = loaded.section
            release.featured_image = loaded.featured_image
            for name in PAGE_EXTRAS:
                setattr(release, name, getattr(loaded, name))
        if "tagged_items" not in getattr(release, "_prefetched_objects_cache", {}):
            prefetch_related_objects([release], *page_content_prefetches())
        return release

    def get_object(self, queryset=None):
        slug = self.kwargs["slug"]
        release = PressRelease.objects.find_published(slug, translation.get_language())
        if release is not None:
            return release
        release = PressRelease.objects.find_published(slug, settings.LANGUAGE_CODE)
        if release is None:
            raise Http404("No published release with this address.")
        return release

    def get(self, request, *args, **kwargs):
        try:
            self.object = self.get_object()
        except Http404:
            moved = moved_release_url(kwargs["slug"], translation.get_language())
            if moved is None:
                raise
            return redirect(moved, permanent=True)
        language = translation.get_language()
        canonical = self.object.get_absolute_url(language)
        if self.object.has_language(language) and request.path != unquote(canonical):
            # The Persian slug under another language's prefix: go to the translated address.
            return redirect(canonical, permanent=True)
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        release = self.object
        language = translation.get_language()
        available = release.get_available_languages()
        is_fallback = language not in available
        if is_fallback:
            release.set_current_language(settings.LANGUAGE_CODE)
        content_language = settings.LANGUAGE_CODE if is_fallback else language
        comment_received = self.request.GET.get("comment") == "received"

        def with_contents():
            return self.load_page_contents(release)

        context.update(
            release_asides=asides.registered(),
            is_fallback=is_fallback,
            # The original is shown, so its dateline names the office in Persian too.
            dateline_office=SimpleLazyObject(
                lambda: (
                    with_contents().source_office_name
                    if is_fallback
                    else with_contents().office_name
                )
            ),
            content_language=content_language,
            alternate_urls={
                code: release.get_absolute_url(code) if code in available else reverse_home(code)
                for code, _name in settings.LANGUAGES
            },
            # Read only where a fragment is rendered rather than taken from the cache.
            release_with_contents=with_contents,
            similar_releases=SimpleLazyObject(lambda: with_contents().similar_releases(language)),
            comments=SimpleLazyObject(lambda: list(release.comments.approved())),
            comment_token=antispam.form_token(release),
            comment_received=comment_received,
            page_meta=SimpleLazyObject(
                lambda: release_page_meta(
                    self.request,
                    with_contents(),
                    content_language,
                    is_fallback,
                    image=with_contents().og_image_url(),
                )
            ),
        )
        posted_form = kwargs.get("comment_form")  # a reader's refused comment, with its errors
        if posted_form is None:
            # Built only where the comments' part is rendered rather than taken from the cache.
            context["comment_form"] = SimpleLazyObject(lambda: CommentForm(release=release))
        # The parts are the same for every reader unless the page shows a reader's own comment.
        context["shows_own_comment"] = comment_received or posted_form is not None
        context["cache_fragments"] = not context["shows_own_comment"]
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context["shows_own_comment"]:
            # This variant shows one visitor their own submission: no shared cache may keep it.
            patch_cache_control(response, private=True, no_store=True)
        return response


def reverse_home(language_code):
    with translation.override(language_code):
        return reverse("home")


def short_link(request, short_code):
    """``/n/<code>``: the permanent short link, sent on to the visitor's language."""
    release = get_object_or_404(
        PressRelease.objects.published().prefetch_related("translations"), short_code=short_code
    )
    language = translation.get_language_from_request(request)
    if not release.has_language(language):
        language = settings.LANGUAGE_CODE
    response = redirect(release.get_absolute_url(language), permanent=True)
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


@method_decorator(csrf_exempt, name="dispatch")
class CommentCreateView(ReleaseDetailView):
    """Receive a reader's comment on a release; it waits for moderation.

    Why this view is exempt from Django's CSRF middleware: the article page must be cacheable
    for anonymous readers, and Django's CSRF protection puts a per-visitor token in the HTML
    and a cookie in the response, which no shared cache may store. Posting a comment uses no
    session or login (the view never reads ``request.user``), so a forged cross-site post
    gains no one's privileges; what remains is abuse, and these checks answer it instead:

    - a signed, time-stamped token in the form, bound to this release (``antispam``): a
      cached page stays valid far less time than the token, so a page from the cache still
      posts, while a bot must fetch the page again every couple of days;
    - the ``Origin`` header, which browsers send with every cross-site POST, must name this
      host (or a trusted origin), so no other site can make its visitors post here;
    - a honeypot field, a per-address rate limit and a limit on links.

    A refused submission stores nothing. Success answers 303 back to the article with
    ``?comment=received``, which shows the "awaiting moderation" notice without the messages
    framework (its cookie would make the page uncacheable).
    """

    def get(self, request, *args, **kwargs):
        release = self.get_object()
        return redirect(f"{release.get_absolute_url()}#comments")

    def post(self, request, *args, **kwargs):
        self.object = release = self.get_object()
        if not antispam.origin_is_allowed(request):
            return refusal(
                request, release, 403, _("Comments can only be sent from this site's own pages.")
            )
        try:
            limited = antispam.over_rate_limit(request)
        except antispam.RateLimitUnavailable:
            response = refusal(
                request,
                release,
                503,
                _("Comments cannot be received at the moment. Please try again in a minute."),
            )
            response["Retry-After"] = "60"
            return response
        if limited:
            response = refusal(
                request,
                release,
                429,
                _("You have sent several comments in a short time. Please wait a few minutes."),
            )
            response["Retry-After"] = str(antispam.RATE_WINDOW_SECONDS)
            return response
        form = CommentForm(request.POST, release=release)
        if not form.is_valid():
            context = self.get_context_data(object=release, comment_form=form)
            return self.render_to_response(context, status=400)
        comment = form.save(commit=False)
        comment.release = release
        comment.language_code = translation.get_language()
        comment.ip_hash = antispam.client_ip_hash(request)
        comment.save()
        response = HttpResponseRedirect(f"{release.get_absolute_url()}?comment=received#comments")
        response.status_code = 303
        return response


def refusal(request, release, status, message):
    response = TemplateResponse(
        request,
        "newsroom/comment_refused.html",
        {"release": release, "message": message},
        status=status,
    )
    patch_cache_control(response, private=True, no_store=True)
    return response


class ReleasePreviewView(ReleaseDetailView):
    """A draft shown through a signed link (``newsroom.preview``), to people without an account.

    Never indexed, never cached; a tampered, expired or outdated link is a plain 404.
    """

    template_name = "newsroom/pressrelease_preview.html"

    def get_queryset(self):
        return self.with_page_contents(PressRelease.objects.all())

    def get_object(self, queryset=None):
        release = preview.release_for_token(self.kwargs["token"], self.get_queryset())
        if release is None:
            raise Http404("This preview link is not valid (any more).")
        return release

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        response = self.render_to_response(self.get_context_data(object=self.object))
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Cache-Control"] = "private, no-store"
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        token = self.kwargs["token"]
        available = self.object.get_available_languages()
        alternate_urls = {}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                alternate_urls[code] = (
                    reverse("newsroom:release-preview", kwargs={"token": token})
                    if code in available
                    else reverse("home")
                )
        context["alternate_urls"] = alternate_urls
        # A draft's parts must never be stored where the published page could find them.
        context["cache_fragments"] = False
        return context
