from django import template
from django.conf import settings
from django.utils.html import json_script
from js_asset import Media

from gorgan.kit import admin_dates, admin_editor

register = template.Library()


@register.filter
def with_csp_nonce(media, request):
    """Form media with the request's CSP nonce on its tags (the editor's import map needs it).

    Media without an import map is left alone, so pages that do not need the nonce do not
    put one in their Content-Security-Policy header.
    """
    nonce = getattr(request, "csp_nonce", None)
    if nonce is None or not isinstance(media, Media) or not media.render_importmap():
        return media
    return media.with_nonce(str(nonce))


@register.simple_tag
def upload_limit():
    """The largest request body the site accepts, in bytes (for the browser's own check)."""
    return settings.MAX_REQUEST_BODY_SIZE


@register.filter
def local_moment(value):
    """A moment in the staff member's calendar and local time: «۱۰ دی ۱۴۰۵، ۹:۰۰»."""
    return admin_dates.format_moment(value)


@register.simple_tag
def editor_texts():
    """The rich-text editor's texts in the admin's language, as JSON for admin-editor.js."""
    return json_script(admin_editor.editor_texts(), "prose-editor-texts")
