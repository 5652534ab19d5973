"""``sitemap.xml``: an index of paged sections, each URL with its language alternates.

Apps add their sections from ``AppConfig.ready()``::

    from gorgan.kit import sitemaps
    sitemaps.register("releases", PressReleaseSitemap)

A URL lists as ``hreflang`` alternates only the languages its item is translated into, plus
``x-default`` pointing at the Persian page. Sections page through the database by ranges of
ids (:class:`ItemRangePaginator`), so a large archive is never loaded at once and a deep page
costs what the first one does.
"""

import functools
import math

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, Page, PageNotAnInteger
from django.urls import reverse
from django.utils import translation

URLS_PER_PAGE = 5000

ITEMS_PER_PAGE = 1000

registry = {}


class ItemRangePaginator:
    """Pages of translation rows by ranges of their item's id: page n holds the items with ids
    in ((n - 1) * per_page, n * per_page].

    Every page is an index range read, as cheap at the archive's end as at its start (an
    OFFSET would walk past every earlier row, and a COUNT read them all). Pages hold at most
    ``per_page`` items; gaps in the ids make some smaller.
    """

    def __init__(self, rows, per_page):
        self.rows = rows
        self.per_page = per_page

    @functools.cached_property
    def num_pages(self):
        last = self.rows.order_by("-master_id").values_list("master_id", flat=True).first()
        return max(1, math.ceil((last or 0) / self.per_page))

    def page(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger("That page number is not an integer") from error
        if not 1 <= number <= self.num_pages:
            raise EmptyPage("That page contains no results")
        start = (number - 1) * self.per_page
        rows = self.rows.filter(master_id__gt=start, master_id__lte=start + self.per_page)
        return Page(list(rows), number, self)


def register(section, sitemap_class):
    registry[section] = sitemap_class


class AlternatesSitemap(Sitemap):
    """Adds ``hreflang`` alternates (and ``x-default``: Persian) to every URL."""

    limit = URLS_PER_PAGE

    def prepare_alternates(self, items):
        """Load, in a fixed number of queries, what :meth:`alternate_paths` needs for a page."""

    def alternate_paths(self, item):
        """``{language_code: path}`` of the item in every language it exists in."""
        raise NotImplementedError

    def get_urls(self, page=1, site=None, protocol=None):
        protocol = self.get_protocol(protocol)
        domain = self.get_domain(site)
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        self.prepare_alternates([url["item"] for url in urls])
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

    Rows are read as plain values, never as model instances: a page of the sitemap holds
    thousands of URLs and must not load their texts. Subclasses say which items the public
    may see (:meth:`public_items`, through the app's publication rule), which fields an
    address needs (``url_fields``, on the translation model, ``master__...`` allowed) and how
    to build it (:meth:`location_for`).
    """

    url_fields = ()
    lastmod_fields = ()  # on the translation model, e.g. ("saved_at", "master__updated_at")
    limit = ITEMS_PER_PAGE  # items, not URLs: an item has a URL per language it is in

    def public_items(self):
        raise NotImplementedError

    def location_for(self, language_code, row):
        """The path of the item of ``row`` (a dict of ``url_fields``) in ``language_code``."""
        raise NotImplementedError

    def translations(self):
        public = self.public_items()
        return public.model._parler_meta.root_model.objects.filter(master__in=public.values("pk"))

    def items(self):
        fields = ["pk", "master_id", "language_code", *self.url_fields, *self.lastmod_fields]
        return self.translations().order_by("master_id", "language_code").values(*fields)

    @property
    def paginator(self):
        return ItemRangePaginator(self.items(), self.limit)

    def location(self, row):
        return self.location_for(row["language_code"], row)

    def lastmod(self, row):
        return max(filter(None, (row[name] for name in self.lastmod_fields)), default=None)

    def get_latest_lastmod(self):
        # The default loads every item to find the latest; an aggregate reads the whole table.
        # The index then simply lists the pages, and each URL keeps its own lastmod.
        return None

    def prepare_alternates(self, rows):
        siblings = self.translations().filter(master_id__in={row["master_id"] for row in rows})
        self._languages_of = {}
        for sibling in siblings.values("master_id", "language_code", *self.url_fields):
            self._languages_of.setdefault(sibling["master_id"], {})[sibling["language_code"]] = (
                sibling
            )

    def alternate_paths(self, row):
        translated = self._languages_of.get(row["master_id"], {})
        return {
            code: self.location_for(code, translated[code])
            for code, _name in settings.LANGUAGES
            if code in translated
        }


class StaticPageSitemap(AlternatesSitemap):
    """Pages that exist in every language: home, search, and the ones apps add."""

    url_names = ["home", "search"]
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


def register_page(url_name):
    """List the page named ``url_name`` (no arguments, in every language) in the sitemap."""
    if url_name not in StaticPageSitemap.url_names:
        StaticPageSitemap.url_names.append(url_name)
