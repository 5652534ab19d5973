"""How a press release describes itself to search engines and link previews."""

import functools

from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from gorgan.kit.metadata import PageMeta
from newsroom import renditions
from newsroom.models.images import images_for_release

EMBLEM = "img/emblem.png"  # the municipality's emblem, used as the publisher's logo if present
HEADLINE_LENGTH = 110


@functools.cache
def emblem_path():
    return static(EMBLEM) if finders.find(EMBLEM) else ""


def _iso(moment):
    return timezone.localtime(moment).isoformat()


def content_modified(release, language_code):
    """When what readers see of ``release`` in ``language_code`` last changed.

    The later of the release's and that translation's last save (from prefetched
    translations), never before its publication: a release scheduled after its last edit
    changed when it went public.
    """
    saved = [t.saved_at for t in release.translations.all() if t.language_code == language_code]
    return max([release.publish_at, release.updated_at, *saved])


def featured_images(release, content_language):
    """(Open Graph crop URL, its alternative text, structured-data crop URLs) of the release's
    featured image; empty without one or when its original is lost."""
    # The images and texts the article shows: read once for the page (``images_for_release``).
    image = images_for_release(release).featured
    if image is None:
        return "", "", []
    try:
        og = renditions.og_url(image)
        crops = renditions.article_crop_urls(image)
    except OSError:  # the original is lost and no crop was made: the page still renders
        return "", "", []
    alt, _alt_language = image.alt_text_for(content_language)
    return og, alt, crops


def news_article(request, release, canonical, content_language, images=()):
    """The schema.org ``NewsArticle`` of ``release`` as shown on its page (a dict).

    ``images`` are the featured image's 16:9, 4:3 and 1:1 crops.
    """
    modified = content_modified(release, content_language)
    publisher = {
        "@type": "GovernmentOrganization",
        "name": _("Gorgan Municipality"),
        "url": request.build_absolute_uri(reverse("home")),
    }
    # The office has no page of its own: it is part of the municipality, whose site this is.
    author_url = publisher["url"]
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
            "url": author_url,
        },
        "publisher": publisher,
    }
    if images:
        article["image"] = [request.build_absolute_uri(url) for url in images]
    return article


def release_page_meta(request, release, content_language, is_fallback):
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
    og_image, image_alt, crops = featured_images(release, content_language)
    return PageMeta(
        description=release.lead,
        canonical=canonical_path,
        alternates=alternates,
        og_type="article",
        image=og_image,
        image_width=renditions.CROPS[renditions.OG_CROP][0] if og_image else None,
        image_height=renditions.CROPS[renditions.OG_CROP][1] if og_image else None,
        image_alt=image_alt,
        noindex=is_fallback,
        structured_data=news_article(request, release, canonical, content_language, crops),
    )
