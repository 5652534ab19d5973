"""How a press release describes itself to search engines and link previews."""

import functools

from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from gorgan.metadata import PageMeta

EMBLEM = "img/emblem.png"  # the municipality's emblem, used as the publisher's logo if present
HEADLINE_LENGTH = 110


@functools.cache
def emblem_path():
    return static(EMBLEM) if finders.find(EMBLEM) else ""


def _iso(moment):
    return timezone.localtime(moment).isoformat()


def news_article(request, release, canonical, content_language, image=""):
    """The schema.org ``NewsArticle`` of ``release`` as shown on its page (a dict)."""
    saved = [t.saved_at for t in release.translations.all() if t.language_code == content_language]
    modified = max([release.updated_at, *saved])
    publisher = {
        "@type": "GovernmentOrganization",
        "name": _("Gorgan Municipality"),
        "url": request.build_absolute_uri(reverse("home")),
    }
    if emblem_path():
        publisher["logo"] = {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(emblem_path()),
        }
    article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": Truncator(release.title).chars(HEADLINE_LENGTH),
        "description": release.lead,
        "datePublished": _iso(release.publish_at),
        "dateModified": _iso(modified),
        "inLanguage": content_language,
        "url": canonical,
        "mainEntityOfPage": canonical,
        # The article page annotates the names (see with_names()); other callers need not.
        "articleSection": getattr(release, "section_name", None) or str(release.section),
        "keywords": [str(tag) for tag in release.tag_list()],
        "author": {
            "@type": "Organization",
            "name": getattr(release, "office_name", None) or str(release.office),
        },
        "publisher": publisher,
    }
    if image:
        article["image"] = [request.build_absolute_uri(image)]
    return article


def release_page_meta(request, release, content_language, is_fallback, image=""):
    """``PageMeta`` of a release's page.

    ``hreflang`` lists only the languages the release is translated into. A page that shows
    the Persian original under another language's address points its canonical URL at the
    Persian page and is not indexed.
    """
    available = release.get_available_languages()
    alternates = {
        code: release.get_absolute_url(code)
        for code, _name in settings.LANGUAGES
        if code in available
    }
    if is_fallback:
        canonical_path = release.get_absolute_url(settings.LANGUAGE_CODE)
    else:
        canonical_path = request.path
    canonical = request.build_absolute_uri(canonical_path)
    return PageMeta(
        description=release.lead,
        canonical=canonical_path,
        alternates=alternates,
        og_type="article",
        image=image,
        noindex=is_fallback,
        structured_data=news_article(request, release, canonical, content_language, image),
    )
