"""How the sister-city pages describe themselves to search engines and link previews."""

from django.conf import settings
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from gorgan.kit.metadata import PageMeta

DESCRIPTION_LENGTH = 300


def index_page_meta():
    return PageMeta(
        description=_(
            "The cities Gorgan is twinned with, the agreements signed with them, and what has "
            "been done about each commitment."
        )
    )


def agreement_page_meta(request, agreement, is_fallback, filtered):
    """``PageMeta`` of an agreement's tracker.

    ``hreflang`` lists the languages the agreement is translated into. The Persian original
    shown under another language's address points its canonical URL at the Persian page and
    is not indexed; nor is a view filtered by sector or status (its canonical URL is the whole
    tracker).
    """
    available = agreement.get_available_languages()
    alternates = {
        code: agreement.get_absolute_url(code)
        for code, _name in settings.LANGUAGES
        if code in available
    }
    canonical = agreement.get_absolute_url(settings.LANGUAGE_CODE) if is_fallback else request.path
    return PageMeta(
        description=Truncator(agreement.summary).chars(DESCRIPTION_LENGTH),
        canonical=canonical,
        alternates=alternates,
        noindex=is_fallback or filtered,
    )
