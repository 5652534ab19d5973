"""Public agreements and the sister-cities page in ``sitemap.xml``."""

from django.urls import reverse
from django.utils import translation

from gorgan.kit.sitemaps import StaticPageSitemap, TranslationSitemap

from .models import Agreement


class AgreementSitemap(TranslationSitemap):
    """Agreements no longer under negotiation, in the languages they are translated into."""

    url_fields = ("slug",)
    lastmod_fields = ("master__updated_at",)
    changefreq = "monthly"

    def public_items(self):
        return Agreement.objects.public()

    def location_for(self, language_code, row):
        # As Agreement.get_absolute_url(), from the translation's slug alone.
        with translation.override(language_code):
            return reverse("sistercities:agreement-detail", kwargs={"slug": row["slug"]})


class SisterCityPageSitemap(StaticPageSitemap):
    """The sister-cities page, which exists in every language."""

    url_names = ["sistercities:index"]
    changefreq = "weekly"
