from django import template
from django.conf import settings
from js_asset import Media

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
