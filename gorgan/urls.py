from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, register_converter

from gorgan.kit import converters, pagecache, sitemaps
from gorgan.views import ApiDocsView, HomeView, SearchView, favicon, robots_txt, serve_media
from newsroom.views import short_link

register_converter(converters.UnicodeSlugConverter, "uslug")
register_converter(converters.ShortCodeConverter, "short_code")

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
    # The read API (gorgan/api.py); a new version gets a new address beside this one.
    path("api/v1/", include(("gorgan.api", "api"))),
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
