"""The read API's addresses: every app's endpoints under ``/api/v1/`` (namespace ``api``),
the OpenAPI schema, and the human-readable documentation page.

Part of the composition root: it names the apps whose endpoints make up version 1.
"""

from django.conf import settings
from django.http import JsonResponse
from django.urls import path, re_path
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.views import SpectacularJSONAPIView

from gorgan.kit.api import JSONOnly
from newsroom import api as newsroom_api
from sistercities import api as sistercities_api


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


def not_found(request, unknown):
    """Any other address under the API: a JSON 404 rather than the site's HTML page."""
    language = request.GET.get("lang", "").lower()
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        return JsonResponse({"detail": _("No such address in the API.")}, status=404)


urlpatterns = [
    path("schema.json", SchemaView.as_view(), name="schema"),
    path("releases/", newsroom_api.ReleaseList.as_view(), name="release-list"),
    path(
        "releases/<short_code:short_code>/",
        newsroom_api.ReleaseDetail.as_view(),
        name="release-detail",
    ),
    path("sections/", newsroom_api.SectionList.as_view(), name="section-list"),
    path("sections/<uslug:slug>/", newsroom_api.SectionDetail.as_view(), name="section-detail"),
    path("tags/", newsroom_api.TagList.as_view(), name="tag-list"),
    path("tags/<uslug:slug>/", newsroom_api.TagDetail.as_view(), name="tag-detail"),
    path("partner-cities/", sistercities_api.PartnerCityList.as_view(), name="partner-city-list"),
    path(
        "partner-cities/<uslug:slug>/",
        sistercities_api.PartnerCityDetail.as_view(),
        name="partner-city-detail",
    ),
    path("agreements/", sistercities_api.AgreementList.as_view(), name="agreement-list"),
    path(
        "agreements/<int:pk>/",
        sistercities_api.AgreementDetail.as_view(),
        name="agreement-detail",
    ),
    path(
        "agreements/<int:pk>/tracker.csv",
        sistercities_api.AgreementTrackerCSV.as_view(),
        name="agreement-tracker-csv",
    ),
    path(
        "agreements/<int:pk>/tracker.json",
        sistercities_api.AgreementTrackerJSON.as_view(),
        name="agreement-tracker-json",
    ),
    path("commitments/", sistercities_api.CommitmentList.as_view(), name="commitment-list"),
    path(
        "commitments/<int:pk>/",
        sistercities_api.CommitmentDetail.as_view(),
        name="commitment-detail",
    ),
    re_path(r"^(?P<unknown>.*)$", not_found),
]
