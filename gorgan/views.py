from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from gorgan import search
from gorgan.metadata import PageMeta
from newsroom.models import PressRelease

HOME_RELEASE_COUNT = 10


class HomeView(TemplateView):
    template_name = "gorgan/home.html"

    def get_context_data(self, **kwargs):
        releases = PressRelease.objects.published().in_language().for_listing().newest_first()
        return super().get_context_data(releases=releases[:HOME_RELEASE_COUNT], **kwargs)


class SearchView(TemplateView):
    """``?q=``: published content in the page's language, ranked, with matches highlighted.

    Blank, punctuation-only and over-long queries get a friendly page, never an error.
    """

    template_name = "gorgan/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = search.parse_query(self.request.GET.get("q", ""))
        outcome = None
        if query.terms:
            outcome = search.run(
                query, translation.get_language(), self.request.GET.get("page") or 1
            )
        context.update(
            query=query,
            outcome=outcome,
            max_query_length=search.MAX_QUERY_LENGTH,
            # Result pages are for readers, not for search engines' indexes.
            page_meta=PageMeta(noindex=not query.is_blank),
        )
        return context


@require_GET
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap-index"))
    lines = ["User-agent: *", "Disallow: /i18n/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
