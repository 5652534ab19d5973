"""Admin login protection helpers, named in settings for django-axes; the client address."""

from django.conf import settings
from django.http import HttpResponse
from django.template import loader


def client_ip(request):
    """The visitor's address, read past ``TRUSTED_PROXY_COUNT`` reverse proxies.

    Each proxy of ours appends the address it received the request from to
    ``X-Forwarded-For``, so the client is the entry that many places from the end; anything
    further left was sent by the client and may be forged. The login lockout and the comment
    rate limit both count by this address.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.headers.get("X-Forwarded-For", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def lockout_response(request, original_response=None, credentials=None):
    """The admin login's lockout page (django-axes): our own page, in the admin's language."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    content = loader.render_to_string("registration/lockout.html", {"minutes": minutes})
    return HttpResponse(content, status=429)
