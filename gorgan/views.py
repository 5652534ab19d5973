from pathlib import PurePosixPath

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView
from django.views.static import serve
from drf_spectacular.views import SpectacularJSONAPIView

from gorgan.kit import api, search
from gorgan.kit.api import JSONOnly
from gorgan.kit.metadata import PageMeta
from newsroom.models import PressRelease
from sistercities.export import OPEN_DATA_FIELDS
from sistercities.models import Agreement

HOME_RELEASE_COUNT = 10
FAVICON_MAX_AGE = 24 * 60 * 60
DOWNLOAD_ONLY_SUFFIXES = {".pdf"}


class HomeView(TemplateView):
    """The lead story, the latest news and the most recently signed sister-city agreement."""

    template_name = "gorgan/home.html"

    def get_context_data(self, **kwargs):
        releases = PressRelease.objects.published().in_language().for_listing().newest_first()
        return super().get_context_data(
            releases=list(releases[:HOME_RELEASE_COUNT]),
            featured_agreement=Agreement.objects.public().for_teaser().first(),
            **kwargs,
        )


def favicon(request):
    """``/favicon.ico``, asked for by browsers and crawlers that ignore the page's icon link.

    The file is a (fingerprinted) static file; a temporary redirect lets its address change.
    """
    response = redirect(static("img/favicon.ico"))
    patch_cache_control(response, public=True, max_age=FAVICON_MAX_AGE)
    return response


def serve_media(request, path):
    """Uploaded files in development; documents are downloaded, never shown inline.

    A PDF opened inside the site's origin could run script in some viewers; as an attachment
    it cannot. Production serves media from the web server with the same headers.
    """
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    name = PurePosixPath(path).name
    if PurePosixPath(name).suffix.lower() in DOWNLOAD_ONLY_SUFFIXES:
        response.headers["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=name
        )
    return response


class SearchView(TemplateView):
    """``?q=``: published content in the page's language, ranked, with matches highlighted.

    Blank, punctuation-only and over-long queries get a friendly page, never an error.
    """

    template_name = "gorgan/search.html"
    page_parameters = ("q", "page")

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
            # Result pages stay indexable: a "noindex" here fails the SEO audit the site is held
            # to, and the canonical link keeps each query's page a single address.
            page_meta=PageMeta(),
        )
        return context


@require_GET
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap-index"))
    lines = ["User-agent: *", "Disallow: /i18n/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


class ApiDocsView(TemplateView):
    """The read API's documentation for people (``/<lang>/api/``), in the page's language."""

    template_name = "gorgan/api_docs.html"

    def get_context_data(self, **kwargs):
        base = self.request.build_absolute_uri(reverse("api:release-list")).removesuffix(
            "releases/"
        )
        return super().get_context_data(
            api_base=base,
            schema_url=self.request.build_absolute_uri(reverse("api:schema")),
            default_limit=api.DEFAULT_LIMIT,
            max_limit=api.MAX_LIMIT,
            rate_limit=settings.API_RATE_LIMIT,
            rate_window=settings.API_RATE_WINDOW_SECONDS,
            open_data_fields=OPEN_DATA_FIELDS,
            page_meta=PageMeta(
                description=_("The open data of Gorgan Municipality as JSON: how to read it.")
            ),
            **kwargs,
        )


# The read API (/api/v1/): its schema and its 404.


class SchemaView(SpectacularJSONAPIView):
    """The OpenAPI 3.1 schema of version 1, in English whatever the reader's language (one
    schema per address, kept by the page cache like any answer)."""

    page_parameters = ()
    content_negotiation_class = JSONOnly

    def dispatch(self, request, *args, **kwargs):
        with translation.override("en"):
            response = super().dispatch(request, *args, **kwargs)
            response.render()
        return response


def api_not_found(request, unknown):
    """Any other address under the API: a JSON 404 rather than the site's HTML page."""
    language = request.GET.get("lang", "").lower()
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        return JsonResponse({"detail": _("No such address in the API.")}, status=404)
