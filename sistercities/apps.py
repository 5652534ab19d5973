from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SisterCitiesConfig(AppConfig):
    name = "sistercities"
    verbose_name = _("Sister cities")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from gorgan import search, sitemaps, translation_registry

        from . import indexing, roles
        from .search import AgreementSearch, CommitmentSearch
        from .sitemaps import AgreementSitemap, SisterCityPageSitemap

        indexing.connect_signals()
        search.register(AgreementSearch())
        search.register(CommitmentSearch())
        sitemaps.register("sister-cities", SisterCityPageSitemap)
        sitemaps.register("agreements", AgreementSitemap)
        roles.grant_permissions()
        translation_registry.register(
            "sistercities.Agreement",
            ("title", "slug", "summary", "signed_at_place", "signatories", "counterpart_bodies"),
            _("agreements"),
            slug_sources={"slug": "title"},
        )
        translation_registry.register(
            "sistercities.Commitment",
            ("title", "description", "responsible_body"),
            _("commitments"),
        )
        translation_registry.register(
            "sistercities.CommitmentUpdate", ("note",), _("commitment updates")
        )
        translation_registry.register(
            "sistercities.PartnerCity", ("name", "region", "description"), _("partner cities")
        )
