"""What every page tells search engines and link previews about itself.

Views describe their page with a :class:`PageMeta` in the ``page_meta`` context variable;
anything they leave out gets the site-wide default. ``templates/includes/_page_meta.html``
renders it: canonical URL, ``hreflang`` alternates (plus ``x-default``: Persian), the meta
description, Open Graph and Twitter card tags, feed links and, where given, JSON-LD.

It is the only place a page's ``<head>`` gets these tags: a template that printed its own
description or canonical link would give crawlers two that disagree.
"""

import json
from dataclasses import dataclass, field

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from gorgan.kit import pagecache

OPEN_GRAPH_LOCALES = {"fa": "fa_IR", "en": "en_US", "zh-hans": "zh_CN"}
# The site card: what link previews show for a page without a picture of its own.
SITE_CARD = "img/site-card.png"
SITE_CARD_SIZE = (1200, 630)
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@dataclass
class PageMeta:
    description: str = ""
    canonical: str = ""  # a path; default: the requested path with its paging parameters
    alternates: dict | None = None  # {language: path}; default: this page in every language
    og_type: str = "website"
    image: str = ""  # a path or an absolute URL; default: the site card
    image_width: int | None = None
    image_height: int | None = None
    image_alt: str = ""
    noindex: bool = False
    structured_data: dict | None = None
    feeds: list = field(default_factory=list)  # extra (title, path, MIME type) links


def site_description():
    return _(
        "Official website of Gorgan Municipality: news, announcements and services for the "
        "citizens of Gorgan."
    )


def site_card_alt():
    return _("The emblem of Gorgan Municipality and its name in Persian, English and Chinese")


#: ``(title, URL name, MIME type)`` of the feeds every page links to; apps add theirs.
SITE_FEEDS = []


def register_site_feed(title, url_name, mime_type):
    """Link every page to the feed named ``url_name``; apps call it from ``ready()``."""
    if url_name not in {name for _title, name, _type in SITE_FEEDS}:
        SITE_FEEDS.append((title, url_name, mime_type))


def site_feeds():
    return [(title, reverse(url_name), mime_type) for title, url_name, mime_type in SITE_FEEDS]


def page_path(request):
    """The requested path with only the query parameters its view declares (paging, the
    search); others (tracking codes) are left out of the canonical URL."""
    return pagecache.page_path(request)


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
    if meta.image:
        image = (meta.image, meta.image_width, meta.image_height, meta.image_alt)
    else:
        image = (static(SITE_CARD), *SITE_CARD_SIZE, site_card_alt())
    return {
        "canonical": absolute(meta.canonical or path),
        "hreflang": hreflang,
        "description": meta.description or site_description(),
        "og_type": meta.og_type,
        "og_locale": OPEN_GRAPH_LOCALES.get(language, language),
        "og_locale_alternates": [
            OPEN_GRAPH_LOCALES.get(code, code) for code in alternates if code != language
        ],
        "image": absolute(image[0]),
        "image_width": image[1],
        "image_height": image[2],
        "image_alt": image[3],
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
