"""Public agreements and the sister-cities page in ``sitemap.xml``."""

from gorgan.sitemaps import StaticPageSitemap, TranslationSitemap

from .models import Agreement


class AgreementSitemap(TranslationSitemap):
    """Agreements no longer under negotiation, in the languages they are translated into."""

    lastmod_fields = ("master__updated_at",)
    changefreq = "monthly"

    def public_items(self):
        return Agreement.objects.public()


class SisterCityPageSitemap(StaticPageSitemap):
    """The sister-cities page, which exists in every language."""

    url_names = ["sistercities:index"]
    changefreq = "weekly"
