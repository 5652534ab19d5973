"""What every page tells search engines and link previews about itself.

Views describe their page with a :class:`PageMeta` in the ``page_meta`` context variable;
anything they leave out gets the site-wide default. ``templates/includes/_page_meta.html``
renders it: canonical URL, ``hreflang`` alternates (plus ``x-default``: Persian), the meta
description, Open Graph and Twitter card tags, feed links and, where given, JSON-LD.
"""

import json
from dataclasses import dataclass, field

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

OPEN_GRAPH_LOCALES = {"fa": "fa_IR", "en": "en_US", "zh-hans": "zh_CN"}
# Query parameters that make a different page (paging, the search); others (tracking codes)
# are left out of the canonical URL.
PAGE_PARAMETERS = ("q", "page", "before", "after")
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@dataclass
class PageMeta:
    description: str = ""
    canonical: str = ""  # a path; default: the requested path with its paging parameters
    alternates: dict | None = None  # {language: path}; default: this page in every language
    og_type: str = "website"
    image: str = ""  # a path or an absolute URL
    noindex: bool = False
    structured_data: dict | None = None
    feeds: list = field(default_factory=list)  # extra (title, path, MIME type) links


def site_description():
    return _(
        "Official website of Gorgan Municipality: news, announcements and services for the "
        "citizens of Gorgan."
    )


#: ``(title, URL name, MIME type)`` of the feeds every page links to; apps add theirs.
SITE_FEEDS = []


def register_site_feed(title, url_name, mime_type):
    """Link every page to the feed named ``url_name``; apps call it from ``ready()``."""
    if url_name not in {name for _title, name, _type in SITE_FEEDS}:
        SITE_FEEDS.append((title, url_name, mime_type))


def site_feeds():
    return [(title, reverse(url_name), mime_type) for title, url_name, mime_type in SITE_FEEDS]


def page_path(request):
    """The requested path with only the query parameters that make it a different page."""
    kept = request.GET.copy()
    for name in list(kept):
        if name not in PAGE_PARAMETERS:
            del kept[name]
    query = kept.urlencode()
    return f"{request.path}?{query}" if query else request.path


def resolve(request, meta=None):
    """Everything ``_page_meta.html`` prints, with absolute URLs.

    Without a request (an error page rendered on its own) only the description is known.
    """
    meta = meta or PageMeta()
    language = translation.get_language()
    if request is None:
        return {"description": meta.description or site_description(), "hreflang": []}
    path = page_path(request)
    alternates = meta.alternates
    if alternates is None:
        alternates = {code: translate_url(path, code) for code, _name in settings.LANGUAGES}
    absolute = request.build_absolute_uri
    hreflang = [
        (code, absolute(alternates[code])) for code, _n in settings.LANGUAGES if code in alternates
    ]
    if settings.LANGUAGE_CODE in alternates:
        hreflang.append(("x-default", absolute(alternates[settings.LANGUAGE_CODE])))
    return {
        "canonical": absolute(meta.canonical or path),
        "hreflang": hreflang,
        "description": meta.description or site_description(),
        "og_type": meta.og_type,
        "og_locale": OPEN_GRAPH_LOCALES.get(language, language),
        "og_locale_alternates": [
            OPEN_GRAPH_LOCALES.get(code, code) for code in alternates if code != language
        ],
        "image": absolute(meta.image) if meta.image else "",
        "noindex": meta.noindex,
        "feeds": [(title, absolute(url), kind) for title, url, kind in site_feeds() + meta.feeds],
        "structured_data": meta.structured_data,
    }


def json_ld_script(data):
    """``data`` as a ``<script type="application/ld+json">`` data block.

    Like Django's ``json_script``: ``<``, ``>`` and ``&`` are escaped inside the JSON, so text
    such as ``</script>`` cannot end the block early. The block is data, never executed.
    """
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),  # made safe for a script block just here
    )
