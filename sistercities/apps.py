from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SisterCitiesConfig(AppConfig):
    name = "sistercities"
    verbose_name = _("Sister cities")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from gorgan import search, sitemaps

        from . import indexing
        from .search import AgreementSearch, CommitmentSearch
        from .sitemaps import AgreementSitemap, SisterCityPageSitemap

        indexing.connect_signals()
        search.register(AgreementSearch())
        search.register(CommitmentSearch())
        sitemaps.register("sister-cities", SisterCityPageSitemap)
        sitemaps.register("agreements", AgreementSitemap)
