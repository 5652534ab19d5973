from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html

from gorgan.kit import dates, pagecache

register = template.Library()

# Chinese (and Japanese) full-width punctuation carries its own space in the glyph.
FULL_WIDTH_PUNCTUATION = "，。：；！？、）」』"


@register.filter
def local_date(value):
    """The date in the reader's calendar: «۵ آذر ۱۴۰۵», "November 26, 2026", "2026年11月26日"."""
    return dates.format_date(value)


@register.filter
def local_digits(value):
    """Numbers in the reader's digits (Persian digits on Persian pages)."""
    return dates.localize_digits(value)


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per language for the switcher: the same page in that language.

    Views that show one item pass ``alternate_urls`` (the item's own address in each language,
    or that language's home where it is not translated); other pages are the same path in the
    other language.
    """
    request = context["request"]
    alternates = context.get("alternate_urls") or {}
    current = translation.get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        url = alternates.get(code) or translate_url(pagecache.page_path(request), code)
        links.append(
            {
                "code": code,
                "name": translation.get_language_info(code)["name_local"],
                "url": url,
                "is_current": code == current,
            }
        )
    return links


@register.filter(is_safe=True)
def then_space(value):
    """``value`` and the space that follows a label or a dateline before the next words.

    Not after full-width punctuation («电话：», «报道，»): it already ends in a space's width,
    and a second space shows as a gap. Use it with no whitespace in the template after it.
    """
    text = str(value)
    return text if text.endswith(tuple(FULL_WIDTH_PUNCTUATION)) else f"{text} "


@register.simple_tag
def text_direction(language_code):
    return "rtl" if translation.get_language_info(language_code)["bidi"] else "ltr"


@register.simple_tag
def lang_attrs(language_code, surrounding_language=None):
    """`` lang="fa" dir="rtl"`` for text in ``language_code`` inside text in another language.

    ``surrounding_language`` defaults to the page's; nothing is printed when they are the same
    (or the text's language is unknown), so the markup stays minimal.
    """
    surrounding_language = surrounding_language or translation.get_language()
    if not language_code or language_code == surrounding_language:
        return ""
    return format_html(' lang="{}" dir="{}"', language_code, text_direction(language_code))


@register.filter
def lang_span(value, language_code):
    """``value`` in a ``<span lang dir>`` when it is in another language than the page's.

    For a name shown inside a translated sentence, e.g. an untranslated tag's Persian name in
    "Tag: …" on an English page.
    """
    attributes = lang_attrs(language_code)
    if not attributes:
        return value
    return format_html("<span{}>{}</span>", attributes, value)
