"""Admin login protection helpers, named in settings for django-axes."""

from django.conf import settings
from django.http import HttpResponse
from django.template import loader


def client_ip(request):
    """The visitor's address, as seen by the first machine that is ours.

    Behind the reverse proxy every request comes from the proxy; the proxy appends the
    address it saw to ``X-Forwarded-For``, so the last entry is the one to trust (anything
    before it was sent by the client and may be forged).
    """
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return request.META.get("REMOTE_ADDR")


def lockout_response(request, original_response=None, credentials=None):
    """The admin login's lockout page (django-axes): our own page, in the admin's language."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    content = loader.render_to_string("registration/lockout.html", {"minutes": minutes})
    return HttpResponse(content, status=429)
