"""Press releases and tags in ``sitemap.xml``."""

from gorgan.sitemaps import TranslationSitemap
from newsroom.models import PressRelease, Tag


class PressReleaseSitemap(TranslationSitemap):
    lastmod_fields = ("saved_at", "master__updated_at")
    changefreq = "monthly"

    def public_items(self):
        return PressRelease.objects.published()


class TagSitemap(TranslationSitemap):
    """Tags that have at least one public release, in the languages their name is given in."""

    changefreq = "daily"

    def public_items(self):
        return Tag.objects.filter(
            tagged_releases__content_object__in=PressRelease.objects.published()
        ).distinct()
