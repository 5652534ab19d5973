"""Full-page cache for anonymous readers, and the fragment cache under it.

A cached page is served without touching the database, sessions or templates. Entries carry
the content *generation* they were rendered under; any change to public content starts a new
generation (after the transaction commits), so every page is fresh at the next request. An
entry also expires no later than the next scheduled publication, so scheduled releases appear
on time without a background job. The state lives in the shared cache (Redis in production),
so several app servers agree on it.

Never cached: staff (anyone with a session cookie), non-GET requests, the admin, responses
that set cookies or say ``private``/``no-store``, and anything but 200 responses.

Only the query parameters a view declares are in the key (see ``page_parameters``): a shared
link with tracking codes, or an address with made-up parameters, is served the cached page of
the address without them, and never rendered or stored anew for them. Requests the page
cache does not answer (a page not cached yet, a reader with a session) still reuse the
expensive parts of a page, rendered once per generation: see ``cached_fragment``.
"""

import functools
import hashlib
import secrets
import threading
from collections import OrderedDict
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, QueryDict
from django.urls import Resolver404, get_urlconf, resolve
from django.utils import timezone, translation
from django.utils.encoding import escape_uri_path

from gorgan.kit.cache import UNREACHABLE

GENERATION_KEY = "pagecache:generation"
NEXT_PUBLICATION_KEY = "pagecache:next-publication"
#: Apps whose saved or deleted objects can change public pages; apps add themselves.
CONTENT_APPS = {"gorgan"}
#: Callables returning when an app's next scheduled item becomes public (or ``None``).
SCHEDULES = []
UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache")


def now():
    return timezone.now().timestamp()


def start_new_generation():
    """Make every cached page stale; called after content changes commit."""
    cache.set_many({GENERATION_KEY: secrets.token_hex(8)}, timeout=None)
    cache.delete(NEXT_PUBLICATION_KEY)


def public_pages_changed():
    """Start a new generation once the current transaction commits.

    Saves and deletes call it through signals; code that changes public content without
    them (``QuerySet.update()``) calls it itself.
    """
    transaction.on_commit(start_new_generation)


def content_changed(sender, instance=None, **kwargs):
    if sender._meta.app_label not in CONTENT_APPS:
        return
    # Models can say that a change is invisible to readers (e.g. a comment awaiting moderation).
    changes_public_pages = getattr(instance, "changes_public_pages", None)
    if changes_public_pages is not None and not changes_public_pages():
        return
    public_pages_changed()


def register_content(app_label, next_publication=None):
    """Pages change when ``app_label``'s objects are saved or deleted; ``next_publication``
    tells when the app's next scheduled item goes public, so that cached pages expire then.

    Apps call it from ``AppConfig.ready()``.
    """
    CONTENT_APPS.add(app_label)
    if next_publication is not None and next_publication not in SCHEDULES:
        SCHEDULES.append(next_publication)


def connect_signals():
    for signal in (post_save, post_delete):
        signal.connect(content_changed, dispatch_uid=f"pagecache-{signal}")
    m2m_changed.connect(content_changed, dispatch_uid="pagecache-m2m")


def next_publication_timestamp():
    """When the next scheduled item goes live (epoch seconds), or ``None``; cached."""
    cached = cache.get(NEXT_PUBLICATION_KEY)
    if cached is not None and (cached == 0 or cached > now()):
        return cached or None
    moments = [moment for schedule in SCHEDULES if (moment := schedule()) is not None]
    moment = min(moments, default=None)
    timestamp = moment.timestamp() if moment else 0
    # Scheduling a release starts a new generation and deletes this key, so the value only
    # needs a bound for releases whose time has come.
    timeout = max(settings.PAGE_CACHE_SECONDS, settings.FRAGMENT_CACHE_SECONDS, 1)
    cache.set(NEXT_PUBLICATION_KEY, timestamp, timeout=timeout)
    return timestamp or None


def current_generation(request=None):
    """The content generation that cached pages and fragments must carry to be fresh, or
    ``None`` while the shared cache is unreachable (then nothing is cached or reused).

    Read once per request: every part of one page is then of the same generation.
    """
    generation = getattr(request, "content_generation", None)
    if generation is None:
        generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = secrets.token_hex(8)
        try:
            # Another process may have started one meanwhile: theirs wins.
            cache.add(GENERATION_KEY, generation, timeout=None)
        except UNREACHABLE:
            return None
        generation = cache.get(GENERATION_KEY, generation)
    if request is not None:
        request.content_generation = generation
    return generation


def seconds_fresh(limit):
    """How long something rendered now may be kept: ``limit``, or less when a scheduled
    release goes public sooner (the generation does not change at that moment)."""
    expires = now() + limit
    next_publication = next_publication_timestamp()
    if next_publication:
        expires = min(expires, next_publication)
    return max(1, int(expires - now()))


class RecentFragments:
    """The parts this process rendered or fetched lately, up to a size in characters.

    Keys carry the generation, so a part of an old generation is never asked for again and
    ages out; each entry also keeps its expiry time (the next scheduled publication).
    """

    def __init__(self, max_size):
        self.max_size = max_size
        self.size = 0
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            if entry[0] <= now():
                self._remove(key)
                return None
            self.entries.move_to_end(key)
            return entry[1]

    def set(self, key, html, expires, size=None):
        """Keep ``html`` (or any value of the given ``size``) until ``expires``."""
        with self.lock:
            if key in self.entries:
                self._remove(key)
            self.entries[key] = (expires, html, len(html) if size is None else size)
            self.size += self.entries[key][2]
            while self.size > self.max_size and self.entries:
                self._remove(next(iter(self.entries)))

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.size = 0

    def _remove(self, key):
        _expires, _value, size = self.entries.pop(key)
        self.size -= size


# 8 million characters per process (up to 16 MB for Persian text): a few hundred articles
# and every page's shared parts.
recent_fragments = RecentFragments(max_size=8_000_000)


def cached_fragment(request, name, vary, render):
    """The HTML of a page part, rendered by ``render()`` once per content generation.

    The key holds ``name``, the ``vary`` values, the language and the scheme and host (parts
    may hold absolute links). A part must not depend on the visitor: views render the
    visitor's own variants (a bound form, a notice) without this. Any change to public
    content starts a new generation, so a part is never staler than a cached page would be.
    Parts are looked up in this process first, then in the shared cache.
    """
    if settings.FRAGMENT_CACHE_SECONDS <= 0:
        return render()
    generation = current_generation(request)
    if generation is None:  # the shared cache is unreachable
        return render()
    key_source = "|".join(
        str(part)
        for part in (
            name,
            translation.get_language(),
            request.scheme,
            request.get_host(),
            generation,
            *vary,
        )
    )
    key = "pagecache:fragment:" + hashlib.sha256(key_source.encode()).hexdigest()
    html = recent_fragments.get(key)
    if html is not None:
        return html
    found = cache.get(key)
    if isinstance(found, tuple) and len(found) == 2 and found[0] > now():
        expires, html = found
    else:
        timeout = seconds_fresh(settings.FRAGMENT_CACHE_SECONDS)
        expires = now() + timeout
        html = render()
        cache.set(key, (expires, html), timeout=timeout)
    recent_fragments.set(key, html, expires)
    return html


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


def page_query(query_string, names):
    """``query_string`` with only the parameters in ``names``, in that order.

    Two addresses of the same page (parameters in another order, an extra parameter) give the
    same string, so they share one cache entry and one canonical URL.
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


def reused_per_generation(request, name, load):
    """``load()``, computed once per content generation in this process.

    For small site-wide values every page reads (the site's identity): the request's
    generation is read anyway, and is all it costs. Uncached where page parts are off.
    """
    if request is None or settings.FRAGMENT_CACHE_SECONDS <= 0:
        return load()
    generation = current_generation(request)
    if generation is None:
        return load()
    key = f"pagecache:value:{name}|{generation}"
    value = recent_fragments.get(key)
    if value is None:
        value = load()
        recent_fragments.set(key, value, now() + settings.FRAGMENT_CACHE_SECONDS, size=1)
    return value


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
        key = "pagecache:page:" + hashlib.sha256(address.encode()).hexdigest()
        found = cache.get_many([GENERATION_KEY, key])
        # The parts of a page rendered below must carry this same generation.
        request.content_generation = found.get(GENERATION_KEY)
        generation = current_generation(request)
        if generation is None:
            return self.get_response(request)
        entry = found.get(key)
        if entry and entry[0] == generation and now() < entry[1]:
            return self.rebuild(entry)

        response = self.get_response(request)
        if self.is_storable(request, response):
            timeout = seconds_fresh(settings.PAGE_CACHE_SECONDS)
            expires = now() + timeout
            headers = [(k, v) for k, v in response.items() if k.lower() != "set-cookie"]
            cache.set(
                key,
                (generation, expires, response.status_code, headers, response.content),
                timeout=timeout,
            )
            response["X-Page-Cache"] = "miss"
        return response

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
        _generation, _expires, status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response
