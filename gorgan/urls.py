from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path, register_converter

from gorgan import views
from gorgan.kit import converters, pagecache, sitemaps
from gorgan.views import ApiDocsView, HomeView, SearchView, favicon, robots_txt, serve_media
from newsroom import api as newsroom_api
from newsroom.views import short_link
from sistercities import api as sistercities_api

register_converter(converters.UnicodeSlugConverter, "uslug")
register_converter(converters.ShortCodeConverter, "short_code")

# Version 1 of the read API (namespace ``api``): every app's endpoints, the OpenAPI schema.
api_v1_patterns = [
    path("schema.json", views.SchemaView.as_view(), name="schema"),
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
    re_path(r"^(?P<unknown>.*)$", views.api_not_found),
]

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("n/<short_code:short_code>", short_link, name="short-link"),
    path("robots.txt", robots_txt, name="robots-txt"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": sitemaps.registry, "sitemap_url_name": "sitemap-section"},
        name="sitemap-index",
    ),
    path(
        "sitemap-<section>.xml",
        pagecache.page_parameters("p")(sitemap_views.sitemap),
        {"sitemaps": sitemaps.registry},
        name="sitemap-section",
    ),
    path("favicon.ico", favicon, name="favicon"),
    # The read API; a new version gets a new address beside this one.
    path("api/v1/", include((api_v1_patterns, "api"))),
]

urlpatterns += i18n_patterns(
    path("", HomeView.as_view(), name="home"),
    path("search/", SearchView.as_view(), name="search"),
    path("api/", ApiDocsView.as_view(), name="api-docs"),
    path("news/", include("newsroom.urls")),
    path("sister-cities/", include("sistercities.urls")),
)

if settings.SERVE_MEDIA:
    urlpatterns += [
        path(f"{settings.MEDIA_URL.lstrip('/')}<path:path>", serve_media, name="media"),
    ]

handler500 = "gorgan.kit.availability.server_error"
