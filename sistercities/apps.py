from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SisterCitiesConfig(AppConfig):
    name = "sistercities"
    verbose_name = _("Sister cities")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from gorgan.kit import search, sitemaps, translation_registry
        from newsroom import api as release_api
        from newsroom import asides

        from . import api, indexing, roles
        from .dependencies import track_models
        from .search import AgreementSearch, CommitmentSearch
        from .sitemaps import AgreementSitemap, SisterCityPageSitemap

        indexing.connect_signals()
        search.register(AgreementSearch())
        search.register(CommitmentSearch())
        sitemaps.register("sister-cities", SisterCityPageSitemap)
        sitemaps.register("agreements", AgreementSitemap)
        roles.grant_permissions()
        track_models()
        release_api.register_release_filter(
            "agreement",
            "Only releases related to the public agreement with this id.",
            api.releases_of_agreement,
        )
        asides.register(
            "agreements",
            asides.ReleaseAside(
                "sistercities/includes/_release_agreements.html", public_agreements_prefetch
            ),
        )
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


def public_agreements_prefetch():
    """A release's public agreements, as the links of its page's box (``public_agreements``)."""
    from django.db.models import Prefetch

    from .models import Agreement

    return Prefetch(
        "agreements",
        queryset=Agreement.objects.public().with_link_text(),
        to_attr="public_agreements",
    )
