from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import DetailView, TemplateView, View

from gorgan.kit import dates
from gorgan.kit.metadata import PageMeta
from gorgan.kit.slugs import TranslatedSlugMixin

from . import antispam, archive, article, preview
from .forms import CommentForm
from .models import PressRelease, Section, Tag
from .pagination import newest_first_page, page_number
from .slug_history import moved_release_url

RELEASES_PER_PAGE = 20


class PublicReleasesMixin:
    """Public release views start from the published releases in the page's language."""

    def public_releases(self):
        return PressRelease.objects.published().in_language().for_listing()


class ReleaseListView(PublicReleasesMixin, TemplateView):
    """Newest-first list of releases, paged with older/newer cursors."""

    template_name = "newsroom/pressrelease_list.html"
    page_parameters = ("before", "after", "page")

    def filter_releases(self, releases):
        return releases

    def description(self):
        return _("News and announcements of Gorgan Municipality, newest first.")

    def page_meta(self):
        return PageMeta(description=self.description())

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
            page_meta=self.page_meta(),
            archive_months=archive.months_box(self.request, context.get("month_label", "")),
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

    def description(self):
        return _("%(section)s: news of Gorgan Municipality, newest first.") % {
            "section": self.section
        }

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

    def description(self):
        return _("News of Gorgan Municipality tagged “%(tag)s”, newest first.") % {"tag": self.tag}

    def page_meta(self):
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
        return PageMeta(description=self.description(), feeds=feeds)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


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

    def description(self):
        return _("News of Gorgan Municipality from %(month)s.") % {"month": self.month_label()}

    def month_label(self):
        return dates.format_month(self.year, self.month, translation.get_language())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(month_label=self.month_label(), **kwargs)
        # Each language's counterpart is the month of its own calendar that holds these releases.
        alternate_urls = archive.counterpart_urls(self.start, self.end, context["releases"])
        context.update(
            alternate_urls=alternate_urls,
            page_meta=PageMeta(description=self.description(), alternates=alternate_urls),
        )
        return context


class PublishedReleaseMixin(TranslatedSlugMixin):
    """Views of one published release, addressed by its slug in the page's language."""

    not_found_message = "No published release with this address."

    def find_by_slug(self, slug, language_code):
        return PressRelease.objects.find_published(slug, language_code)


class ReleaseDetailView(PublishedReleaseMixin, DetailView):
    """One published release (a Persian fallback page, with a notice, where it is not
    translated); old slugs redirect to the current one."""

    page_parameters = ("comment",)  # ?comment=received after a reader's comment

    def moved_url(self, slug, language_code):
        return moved_release_url(slug, language_code)

    def render_to_response(self, context, **response_kwargs):
        return article.render_article(self.request, self.object)


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
class CommentCreateView(PublishedReleaseMixin, View):
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
        release = self.get_object()
        refused = refusal_before_reading(request, release)
        if refused is not None:
            return refused
        form = CommentForm(request.POST, release=release)
        if not form.is_valid():
            # Only accepted comments use up the limit: readers behind one mobile network's
            # shared address are not turned away for each other's mistakes.
            antispam.release_rate_limit(request)
            return article.render_article(request, release, status=400, comment_form=form)
        comment = form.save(commit=False)
        comment.release = release
        comment.language_code = translation.get_language()
        comment.ip_hash = antispam.client_ip_hash(request)
        comment.save()
        response = HttpResponseRedirect(
            f"{release.get_absolute_url()}?comment=received#comment-form"
        )
        response.status_code = 303
        return response


def refusal_before_reading(request, release):
    """The answer that refuses a comment before its form is read, or ``None``."""
    if not antispam.origin_is_allowed(request):
        return refusal(
            request, release, 403, _("Comments can only be sent from this site's own pages.")
        )
    try:
        limited = antispam.over_rate_limit(request)
    except antispam.RateLimitUnavailable:
        message = _("Comments cannot be received at the moment. Please try again in a minute.")
        return refusal(request, release, 503, message, retry_after=60)
    if limited:
        message = _("You have sent several comments in a short time. Please wait a few minutes.")
        return refusal(request, release, 429, message, antispam.RATE_WINDOW_SECONDS)
    return None


def refusal(request, release, status, message, retry_after=None):
    response = TemplateResponse(
        request,
        "newsroom/comment_refused.html",
        {"release": release, "message": message},
        status=status,
    )
    patch_cache_control(response, private=True, no_store=True)
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    return response


class ReleasePreviewView(View):
    """A draft shown through a signed link (``newsroom.preview``), to people without an account.

    Never indexed, never cached; a tampered, expired or outdated link is a plain 404.
    """

    def get(self, request, token):
        releases = article.with_page_contents(PressRelease.objects.previewable())
        release = preview.release_for_token(token, releases)
        if release is None:
            raise Http404("This preview link is not valid (any more).")
        available = release.get_available_languages()
        alternate_urls = {}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                alternate_urls[code] = (
                    reverse("newsroom:release-preview", kwargs={"token": token})
                    if code in available
                    else reverse("home")
                )
        response = article.render_article(
            request,
            release,
            "newsroom/pressrelease_preview.html",
            alternate_urls=alternate_urls,
        )
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Cache-Control"] = "private, no-store"
        return response
