from urllib.parse import unquote

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView

from gorgan import dates
from gorgan.metadata import PageMeta

from . import archive
from .metadata import release_page_meta
from .models import PressRelease, Section, Tag
from .pagination import newest_first_page
from .slug_history import moved_release_url

RELEASES_PER_PAGE = 20


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
            archive_months=archive.months_with_releases(translation.get_language()),
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

    def get_queryset(self):
        return (
            PressRelease.objects.published()
            .select_related("section", "office")
            .prefetch_related(
                "translations",
                "section__translations",
                "office__translations",
                "tagged_items__tag__translations",
            )
        )

    def get_object(self, queryset=None):
        slug = self.kwargs["slug"]
        language = translation.get_language()
        releases = self.get_queryset()
        release = releases.filter(
            translations__language_code=language, translations__slug=slug
        ).first()
        if release is not None:
            return release
        release = releases.filter(
            translations__language_code=settings.LANGUAGE_CODE, translations__slug=slug
        ).first()
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
            # The original is shown, so its dateline names the office in Persian too.
            release.set_current_language(settings.LANGUAGE_CODE)
            release.office.set_current_language(settings.LANGUAGE_CODE)
        context.update(
            is_fallback=is_fallback,
            content_language=settings.LANGUAGE_CODE if is_fallback else language,
            alternate_urls={
                code: release.get_absolute_url(code) if code in available else reverse_home(code)
                for code, _name in settings.LANGUAGES
            },
        )
        context["page_meta"] = release_page_meta(
            self.request, release, context["content_language"], is_fallback
        )
        return context


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
