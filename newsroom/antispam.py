"""Protections for the public comment form that leave the article page cacheable.

Django's CSRF token is per visitor (a cookie plus a token in the HTML), so a page carrying it
cannot be served from a shared cache. The comment form instead carries a signed, time-stamped
token that is the same for every visitor, and the comment view checks the ``Origin`` header,
a honeypot field, a per-address rate limit and a link limit. See ``CommentCreateView``.
"""

import re
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.crypto import salted_hmac

from gorgan.security import client_ip

FORM_TOKEN_SALT = "newsroom.comment-form"
# Long enough for a page read from a cache or left open in a tab, short enough that a scraped
# token soon goes stale.
FORM_TOKEN_MAX_AGE = timedelta(days=2)

RATE_LIMIT = 5
RATE_WINDOW_SECONDS = 10 * 60
RATE_KEY = "newsroom:comment-rate:{}"

MAX_LINKS = 2
LINK_PATTERN = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|\b[a-z0-9-]+\.(?:com|net|org|info|biz|ir|ru|cn|xyz|top|io|me|co|site|online)\b",
    re.IGNORECASE,
)


class RateLimitUnavailable(Exception):
    """The cache that counts submissions cannot be reached; refuse rather than let all in."""


def client_ip_hash(request):
    """A keyed hash of the client's address: links one sender's comments, reveals no address."""
    secret = settings.IP_HASH_SECRET or settings.SECRET_KEY
    return salted_hmac(
        "newsroom.client-ip", client_ip(request), secret=secret, algorithm="sha256"
    ).hexdigest()


class HourlySigner(signing.TimestampSigner):
    """Signs with the time rounded down to the hour.

    Every render of a page within the hour then carries the same token, so the page's bytes do
    not depend on the moment or the worker that rendered it (caches and tests can compare them).
    """

    def timestamp(self):
        return signing.b62_encode(int(signing.time.time()) // 3600 * 3600)


def form_token(release):
    """A token for the comment form of ``release``; the same for every visitor."""
    return HourlySigner(salt=FORM_TOKEN_SALT).sign_object(release.pk)


def form_token_is_valid(token, release):
    try:
        value = HourlySigner(salt=FORM_TOKEN_SALT).unsign_object(
            token or "", max_age=FORM_TOKEN_MAX_AGE
        )
    except signing.BadSignature:
        return False
    return value == release.pk


def origin_is_allowed(request):
    """True unless the browser says the form was sent from another site.

    Browsers send ``Origin`` with every cross-site POST; a request without it comes from a
    non-browser client, which the token and the rate limit deal with.
    """
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    own = f"{request.scheme}://{request.get_host()}"
    return origin == own or origin in settings.CSRF_TRUSTED_ORIGINS


def over_rate_limit(request):
    """Count this submission against the sender's window; True once over ``RATE_LIMIT``.

    ``add`` then ``incr`` is atomic on Redis, so parallel requests cannot slip past the limit.
    """
    key = RATE_KEY.format(client_ip_hash(request))
    try:
        cache.add(key, 0, RATE_WINDOW_SECONDS)
        try:
            count = cache.incr(key)
        except ValueError:
            # The window ran out between add and incr: this is the first of a new one.
            cache.add(key, 1, RATE_WINDOW_SECONDS)
            count = 1
    except Exception as error:
        raise RateLimitUnavailable from error
    return count > RATE_LIMIT


def count_links(text):
    return len(LINK_PATTERN.findall(text or ""))
