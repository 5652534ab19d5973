"""Full-page cache for anonymous readers: the one cache in front of the site.

A cached page is served without touching the database, sessions or templates, in one round
trip to the shared cache. Each entry records the dependency keys of what the page showed, with
their versions (``gorgan.kit.dependencies``); it is fresh while those versions hold, so an
edit makes stale only the pages that show the edited thing, on every app server at once. An
entry that shows a list also expires at the next scheduled publication, so scheduled releases
appear on time without a background job. Views and templates know nothing of it.

Never cached: staff (anyone with a session cookie), non-GET requests, the admin, responses
that set cookies or say ``private``/``no-store``, and anything but 200 responses.

Only the query parameters a view declares are in the key (see ``page_parameters``): a shared
link with tracking codes, or an address with made-up parameters, is served the cached page of
the address without them, and never rendered or stored anew for them.
"""

import functools
import hashlib
import pickle
import threading
from collections import OrderedDict
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, QueryDict
from django.urls import Resolver404, get_urlconf, resolve
from django.utils import timezone, translation
from django.utils.encoding import escape_uri_path

from gorgan.kit import dependencies
from gorgan.kit.cache import UNREACHABLE

UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache")


def now():
    return timezone.now().timestamp()


class RecentPages:
    """What this process learnt of each page when it last stored or served it: the page's
    dependency keys, which entry it was (``stamp``), and the last change (``LAST_CHANGE_KEY``)
    at which that entry was found fresh.

    Only a hint that saves work: the keys let a hit read the page and its keys' versions in
    one round trip, and while the shared last change is the one the entry was found fresh at,
    nothing anywhere has changed since, so its versions need not be read at all. Every fact
    still comes from the shared cache, so all app servers agree.
    """

    def __init__(self, max_entries):
        self.max_entries = max_entries
        self.entries = OrderedDict()
        self.lock = threading.Lock()
        #: The last change this process has seen, from any page.
        self.last_change = None

    def get(self, key):
        with self.lock:
            return self.entries.get(key)

    def set(self, key, keys, stamp, fresh_at_change):
        with self.lock:
            self.entries[key] = RecentPage(keys, stamp, fresh_at_change)
            self.entries.move_to_end(key)
            while len(self.entries) > self.max_entries:
                self.entries.popitem(last=False)

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.last_change = None


@dataclass(frozen=True)
class RecentPage:
    keys: tuple
    stamp: int
    fresh_at_change: int | None

    def fresh_at(self, last_change):
        """Whether the entry was found fresh at ``last_change`` (``None``: not known)."""
        return last_change is not None and self.fresh_at_change == last_change


recent_pages = RecentPages(max_entries=20_000)


def seconds_fresh(shown, next_publication_cached=None):
    """How long a page showing ``shown`` may be kept: PAGE_CACHE_SECONDS, or less when it
    shows a list and a scheduled item goes public sooner."""
    expires = now() + settings.PAGE_CACHE_SECONDS
    if any(dependencies.is_collection(k) for k in shown):
        next_publication = dependencies.next_publication_timestamp(cached=next_publication_cached)
        if next_publication:
            expires = min(expires, next_publication)
    return max(1, int(expires - now()))


# Query parameters a view reads are the ones that make a different page; views declare them
# (``page_parameters`` on the view class, or the ``page_parameters()`` decorator on a view
# function). Any other parameter (a campaign's ``utm_*`` code, a social network's click id, a
# random string) changes nothing on the page: the page cache serves the page of the address
# without it, the view never sees it, and the canonical URL and the language links leave it out.


def page_parameters(*names):
    """Declare the query parameters a view function reads (a class sets ``page_parameters``).

    Returns a new view: a view that is not our own (Django's sitemap) is left as it is.
    """

    def declare(view):
        @functools.wraps(view)
        def declared(*args, **kwargs):
            return view(*args, **kwargs)

        declared.page_parameters = tuple(names)
        return declared

    return declare


def declared_parameters(view):
    """The query parameters ``view`` (a URL's callable) declares, in declaration order."""
    names = getattr(view, "page_parameters", None)
    if names is None:
        names = getattr(getattr(view, "view_class", None), "page_parameters", ())
    return tuple(names)


@functools.lru_cache(maxsize=1024)
def parameters_for_path(urlconf, path_info):
    """The parameters declared by the view at ``path_info``, or ``None`` for no view.

    Asked before ``LocaleMiddleware`` has activated the address's language, so the language
    prefix is matched under that language. Cached per path: a cached page costs no URL
    resolution, and a flood of random paths costs at most one resolution each.
    """
    language = translation.get_language_from_path(path_info)
    try:
        with translation.override(language):
            match = resolve(path_info, urlconf)
    except Resolver404:
        return None
    return declared_parameters(match.func)


@functools.lru_cache(maxsize=1024)
def page_query(query_string, names):
    """``query_string`` with only the parameters in ``names``, in that order.

    Two addresses of the same page (parameters in another order, an extra parameter) give the
    same string, so they share one cache entry and one canonical URL. Remembered per process:
    the popular addresses (an API list, a second page) are parsed once, not on every hit.
    """
    query = parse_qsl(query_string, keep_blank_values=True)
    return urlencode([(name, value) for wanted in names for name, value in query if name == wanted])


def page_path(request):
    """The request's path with only the query parameters its view declares.

    The canonical URL and the language links use it, so they name the page the cache holds.
    """
    match = getattr(request, "resolver_match", None)
    names = declared_parameters(match.func) if match else ()
    query = page_query(request.META.get("QUERY_STRING", ""), names)
    path = escape_uri_path(request.path)
    return f"{path}?{query}" if query else path


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.skipped_prefixes = (
            "/" + settings.ADMIN_URL,
            settings.STATIC_URL,
            settings.MEDIA_URL,
        )

    def __call__(self, request):
        if not self.is_cacheable_request(request):
            return self.get_response(request)
        self.drop_undeclared_parameters(request)
        query = request.META.get("QUERY_STRING", "")
        address = f"{request.get_host()}{escape_uri_path(request.path)}?{query}"
        key = "pagecache:page:v3:" + hashlib.sha256(address.encode()).hexdigest()
        recent = recent_pages.get(key)
        names = [
            key,
            dependencies.CLOCK_KEY,
            # A miss needs it to store the page, and reads it here for no extra round trip.
            dependencies.NEXT_PUBLICATION_KEY,
            dependencies.LAST_CHANGE_KEY,
        ]
        if recent is not None and not recent.fresh_at(recent_pages.last_change):
            # Something changed since this process found the page fresh: check its keys.
            names += [dependencies.version_key(k) for k in recent.keys]
        found = cache.get_many(names)
        recent_pages.last_change = found.get(dependencies.LAST_CHANGE_KEY)
        if recent_pages.last_change is None and dependencies.CLOCK_KEY in found:
            dependencies.start_last_change()  # for the next hits; this one checks versions
        entry = found.get(key)
        if entry is not None and self.is_fresh(key, entry, recent, found):
            return self.rebuild(entry)

        # Read before anything the page shows, to tell whether it changed while rendering.
        start = found.get(dependencies.CLOCK_KEY) or dependencies.clock()
        if start is None:  # the shared cache is unreachable: nothing is kept
            return self.get_response(request)
        with dependencies.recording() as shown:
            response = self.get_response(request)
        if self.is_storable(request, response):
            self.store(key, response, shown, start, found.get(dependencies.NEXT_PUBLICATION_KEY))
        return response

    def is_fresh(self, key, entry, recent, found):
        packed_versions, expires, stamp = entry[:3]
        if now() >= expires:
            return False
        last_change = found.get(dependencies.LAST_CHANGE_KEY)
        if recent is not None and recent.stamp == stamp and recent.fresh_at(last_change):
            return True  # this entry was fresh at the last change, and none came since
        recorded = pickle.loads(packed_versions)
        unread = [name for name in map(dependencies.version_key, recorded) if name not in found]
        if unread:  # this process has not seen the page's keys yet: a second round trip
            found = found | cache.get_many(unread)
        if not dependencies.fresh(recorded, found):
            return False
        recent_pages.set(key, tuple(recorded), stamp, last_change)
        return True

    def store(self, key, response, shown, start, next_publication=None):
        try:
            recorded = dependencies.versions(shown, start)
        except UNREACHABLE:  # Redis went away while the page rendered: serve it, keep nothing
            return
        if dependencies.changed_since(start, recorded):
            return  # what it shows changed while it rendered: the next reader renders it
        timeout = seconds_fresh(shown, next_publication)
        headers = [(k, v) for k, v in response.items() if k.lower() != "set-cookie"]
        # The versions stay packed: a hit that needs no check (the usual one) never unpacks
        # them, and a list's hundred keys would cost more to unpickle than its body.
        packed_versions = pickle.dumps(recorded, pickle.HIGHEST_PROTOCOL)
        entry = (packed_versions, now() + timeout, start, response.status_code, headers)
        cache.set(key, (*entry, response.content), timeout=timeout)
        # Not known fresh at any change yet: the next hit checks the versions once.
        recent_pages.set(key, tuple(recorded), start, None)
        response["X-Page-Cache"] = "miss"

    def drop_undeclared_parameters(self, request):
        """Hand the view the request as if it came without undeclared query parameters.

        Then what is rendered and stored under the key is the page the key names. An address
        that matches no view keeps its query string (``CommonMiddleware`` may still redirect
        it to the address with a slash, query and all); its 404 is never stored.
        """
        query = request.META.get("QUERY_STRING", "")
        if not query:
            return
        names = parameters_for_path(get_urlconf(settings.ROOT_URLCONF), request.path_info)
        if names is None:
            return
        kept = page_query(query, names)
        if kept != query:
            request.META["QUERY_STRING"] = kept
            request.GET = QueryDict(kept)

    def is_cacheable_request(self, request):
        return (
            request.method == "GET"
            and settings.PAGE_CACHE_SECONDS > 0
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path_info.startswith(self.skipped_prefixes)
        )

    def is_storable(self, request, response):
        cache_control = response.get("Cache-Control", "")
        user = getattr(request, "user", None)
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not any(word in cache_control for word in UNCACHEABLE_DIRECTIVES)
            and not (user is not None and user.is_authenticated)
        )

    def rebuild(self, entry):
        _versions, _expires, _stamp, status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response
