"""Protections for the public comment form that leave the article page cacheable.

Django's CSRF token is per visitor (a cookie plus a token in the HTML), so a page carrying it
cannot be served from a shared cache. The comment form instead carries a signed, time-stamped
token that is the same for every visitor, and the comment view checks the ``Origin`` header,
a honeypot field, a per-address rate limit and a link limit. See ``CommentCreateView``.
"""

import functools
import re
import unicodedata
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.crypto import salted_hmac
from publicsuffixlist import PublicSuffixList

from gorgan.kit.cache import UNREACHABLE
from gorgan.kit.security import client_ip

FORM_TOKEN_SALT = "newsroom.comment-form"
# Long enough for a page read from a cache or left open in a tab, short enough that a scraped
# token soon goes stale.
FORM_TOKEN_MAX_AGE = timedelta(days=2)

# Counted per client address. Readers on mobile networks share one public address with many
# others (carrier-grade NAT), so the limits are set for a crowd: accepted comments (each one
# still waits for a moderator) and, far higher, any posts at all, which bounds a flood of
# refused ones. See docs/operations.md.
RATE_LIMIT = 30
ATTEMPT_LIMIT = 120
RATE_WINDOW_SECONDS = 10 * 60
RATE_KEY = "newsroom:comment-rate:{}"
ATTEMPT_KEY = "newsroom:comment-attempts:{}"

MAX_LINKS = 2
# A link is anything with a scheme (``https://``, ``hxxp://``), a host starting ``www.``, or a
# dotted name ending in a top-level domain of the public suffix list (``.de``, ``.shop``,
# ``.ایران``), each with its path; a comma ends a link, so joined links count one by one.
LINK_CANDIDATE = re.compile(
    r"(?P<scheme>\b[a-z][a-z0-9+.-]{0,15}://)?(?P<host>[\w-]+(?:\.[\w-]+)*)(?:[/?#][^\s,]*)?",
    re.IGNORECASE,
)
# Spellings that hide a dot from a naive filter: ``example[.]com``, ``example(dot)com``, and
# the ideographic full stops that browsers read as dots in a host name.
HIDDEN_DOT = re.compile(r"\s*[\[({]\s*(?:\.|dot)\s*[\])}]\s*|[\u3002\uff0e\uff61]", re.IGNORECASE)


@functools.cache
def top_level_domains():
    """The ICANN section of the public suffix list shipped with ``publicsuffixlist`` (read from
    the package, never fetched)."""
    return PublicSuffixList(only_icann=True, accept_unknown=False)


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


def count_against(key_template, request, limit):
    """Add one to the sender's count in the current window; True once over ``limit``.

    ``add`` then ``incr`` is atomic on Redis, so parallel requests cannot slip past the limit.
    """
    key = key_template.format(client_ip_hash(request))
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
    return count > limit


def over_rate_limit(request):
    """Reserve a place for this submission in the sender's window; True when none is left.

    A submission that is then refused (over the limit, or an invalid form) gives its place
    back with ``release_rate_limit``, so only accepted comments use up the limit. Every post
    also counts against ``ATTEMPT_LIMIT``, which is never given back.
    """
    if count_against(ATTEMPT_KEY, request, ATTEMPT_LIMIT):
        return True
    if count_against(RATE_KEY, request, RATE_LIMIT):
        release_rate_limit(request)
        return True
    return False


def release_rate_limit(request):
    """Give back the place ``over_rate_limit`` reserved for a submission that was refused."""
    try:
        cache.decr(RATE_KEY.format(client_ip_hash(request)))
    except ValueError:
        pass  # the window ran out meanwhile: nothing to give back
    except UNREACHABLE:
        pass  # the reader's refusal is already decided; the place ages out with the window


def count_links(text):
    """How many web addresses ``text`` holds, however written (see ``LINK_CANDIDATE``).

    Full-width forms (``ｈｔｔｐ：／／ｅｘａｍｐｌｅ．ｄｅ``) are read as their plain letters.
    """
    text = HIDDEN_DOT.sub(".", unicodedata.normalize("NFKC", text or ""))
    return sum(is_link(match) for match in LINK_CANDIDATE.finditer(text))


def is_link(match):
    host = match["host"]
    if match["scheme"] or host.lower().startswith("www."):
        return True
    labels = host.strip(".").split(".")
    return len(labels) > 1 and all(labels) and top_level_domains().is_public(labels[-1])
