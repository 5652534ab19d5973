"""``sitemap.xml``: an index of paged sections, each URL with its language alternates.

Apps add their sections from ``AppConfig.ready()``::

    from gorgan import sitemaps
    sitemaps.register("releases", PressReleaseSitemap)

A URL lists as ``hreflang`` alternates only the languages its item is translated into, plus
``x-default`` pointing at the Persian page. Sections page through the database (``limit``
rows at a time), so a large archive is never loaded at once.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils import translation

URLS_PER_PAGE = 5000

registry = {}


def register(section, sitemap_class):
    registry[section] = sitemap_class


class AlternatesSitemap(Sitemap):
    """Adds ``hreflang`` alternates (and ``x-default``: Persian) to every URL."""

    limit = URLS_PER_PAGE

    def alternate_paths(self, item):
        """``{language_code: path}`` of the item in every language it exists in."""
        raise NotImplementedError

    def get_urls(self, page=1, site=None, protocol=None):
        protocol = self.get_protocol(protocol)
        domain = self.get_domain(site)
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            paths = self.alternate_paths(url["item"])
            url["alternates"] = [
                {"lang_code": code, "location": f"{protocol}://{domain}{path}"}
                for code, path in paths.items()
            ]
            if settings.LANGUAGE_CODE in paths:
                default = paths[settings.LANGUAGE_CODE]
                url["alternates"].append(
                    {"lang_code": "x-default", "location": f"{protocol}://{domain}{default}"}
                )
        return urls


class TranslationSitemap(AlternatesSitemap):
    """One URL per translation of the public items of a parler model.

    Subclasses return, from :meth:`public_items`, the items the public may see (through the
    app's publication rule); each translation row of those items is one page of the site.
    """

    lastmod_fields = ()  # on the translation model, e.g. ("saved_at", "master__updated_at")

    def public_items(self):
        raise NotImplementedError

    def translations(self):
        public = self.public_items()
        return public.model._parler_meta.root_model.objects.filter(master__in=public.values("pk"))

    def items(self):
        return (
            self.translations()
            .select_related("master")
            .prefetch_related("master__translations")
            .order_by("pk")
        )

    @staticmethod
    def path(master, language_code):
        master.set_current_language(language_code)
        with translation.override(language_code):
            return master.get_absolute_url()

    def location(self, item):
        return self.path(item.master, item.language_code)

    def alternate_paths(self, item):
        master = item.master
        languages = {row.language_code for row in master.translations.all()}
        paths = {
            code: self.path(master, code) for code, _name in settings.LANGUAGES if code in languages
        }
        master.set_current_language(item.language_code)
        return paths

    def lastmod(self, item):
        values = []
        for path in self.lastmod_fields:
            value = item
            for name in path.split("__"):
                value = getattr(value, name)
            values.append(value)
        return max(filter(None, values), default=None)

    def get_latest_lastmod(self):
        # One aggregate query: the default would load every item to find the latest.
        if not self.lastmod_fields:
            return None
        latest = self.translations().aggregate(
            **{f"latest_{index}": Max(path) for index, path in enumerate(self.lastmod_fields)}
        )
        return max(filter(None, latest.values()), default=None)


class StaticPageSitemap(AlternatesSitemap):
    """Pages that exist in every language: home, the news list, search."""

    url_names = ["home", "newsroom:release-list", "search"]
    changefreq = "daily"

    def items(self):
        return [(name, code) for name in self.url_names for code, _name in settings.LANGUAGES]

    @staticmethod
    def path(name, language_code):
        with translation.override(language_code):
            return reverse(name)

    def location(self, item):
        return self.path(*item)

    def alternate_paths(self, item):
        return {code: self.path(item[0], code) for code, _name in settings.LANGUAGES}


register("pages", StaticPageSitemap)
