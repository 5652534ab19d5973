import logging

from django.conf import settings
from django.http import HttpResponse
from django.template import loader
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme

from gorgan.kit.availability import (
    DATABASE_ERRORS,
    CircuitBreaker,
    database_unavailable_response,
    is_unreachable,
)
from gorgan.kit.database import bounded_waits

logger = logging.getLogger(__name__)


class AdminLanguageMiddleware:
    """Serve the admin in Persian unless the staff member chose another language.

    The admin sits outside the language-prefixed URLs, so without this the browser's
    Accept-Language would decide; the office works in Persian, so Persian is the default
    and the language cookie (set by the switcher in the admin header) overrides it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_URL

    def __call__(self, request):
        if request.path_info.startswith(self.admin_prefix):
            chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
            supported = {code for code, _name in settings.LANGUAGES}
            language = chosen if chosen in supported else settings.LANGUAGE_CODE
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)


class CrossOriginResourcePolicyMiddleware:
    """``Cross-Origin-Resource-Policy`` on every response (Django sets only COOP itself)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.CROSS_ORIGIN_RESOURCE_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Cross-Origin-Resource-Policy", self.policy)
        return response


class RequestSizeLimitMiddleware:
    """Refuse a request body larger than ``MAX_REQUEST_BODY_SIZE`` before anything reads it.

    Django caps form bodies (``DATA_UPLOAD_MAX_MEMORY_SIZE``) but streams file uploads to disk
    without a limit; this puts one ceiling on both. The web server in front should enforce
    the same limit (``client_max_body_size``) so that oversized bodies never reach Python.
    An address longer than ``MAX_REQUEST_URI_LENGTH`` is refused too (414), before a redirect
    could echo it into a header larger than the proxy in front accepts.

    The refusal is a page in the visitor's language that says the limit (so it sits after the
    language middleware, which reads no body); the admin's forms check the size in the
    browser first (``static/js/upload-limit.js``), so staff rarely see it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if len(request.get_full_path()) > settings.MAX_REQUEST_URI_LENGTH:
            return HttpResponse(status=414)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponse(status=400)
        # The proxy in front refuses larger bodies itself and hands the refusal on (without
        # the body) so that it reads in the visitor's language: deploy/nginx.
        if length > settings.MAX_REQUEST_BODY_SIZE or request.META.get("HTTP_X_REQUEST_TOO_LARGE"):
            return self.too_large(request)
        return self.get_response(request)

    def too_large(self, request):
        back = request.META.get("HTTP_REFERER", "")
        if not url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            back = ""
        content = loader.render_to_string(
            "413.html", {"limit": filesizeformat(settings.MAX_REQUEST_BODY_SIZE), "back_url": back}
        )
        response = HttpResponse(content, status=413)
        add_never_cache_headers(response)
        return response


class DatabaseUnavailableMiddleware:
    """Bounded waits on the database, and a 503 page with ``Retry-After`` instead of a 500
    while it is unreachable or does not answer.

    It stands after the page cache and the language, before anything that may touch the
    database (sessions, users, the login lockout), so cached pages are served without it,
    the 503 page speaks the page's language, and every other wait is bounded: statements by
    ``DATABASE_STATEMENT_TIMEOUT`` (in the admin ``DATABASE_STAFF_STATEMENT_TIMEOUT``),
    connecting and the health check of a reused connection by ``DATABASE_CONNECT_TIMEOUT``
    (see ``gorgan.kit.database.bounded_waits``). A connection that failed is dropped, so the site
    recovers by itself when the database returns.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_URL
        self.public_timeout = settings.DATABASE_STATEMENT_TIMEOUT
        self.staff_timeout = settings.DATABASE_STAFF_STATEMENT_TIMEOUT
        # After the database could not be reached, this process answers 503 at once for
        # DATABASE_SKIP_SECONDS instead of every request waiting out the timeouts again (its
        # workers stay free for the pages the page cache holds); then one request tries again.
        self.breaker = CircuitBreaker("Database", settings.DATABASE_SKIP_SECONDS)

    def __call__(self, request):
        if not self.breaker.allows():
            return database_unavailable_response(request)
        staff = request.path_info.startswith(self.admin_prefix)
        request.database_unreachable = False
        try:
            with bounded_waits(self.staff_timeout if staff else self.public_timeout):
                response = self.get_response(request)
        except DATABASE_ERRORS as error:
            # Raised here only by the health check or reconnection before the view; the
            # view's own errors come to process_exception.
            response = self.unavailable(request, error)
        if not request.database_unreachable:
            self.breaker.succeeded()
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            return self.unavailable(request, exception)
        return None

    def unavailable(self, request, error):
        logger.error("Database unavailable: %s", error)
        if is_unreachable(error):
            request.database_unreachable = True
            self.breaker.failed(str(error).splitlines()[0] if str(error) else type(error).__name__)
        return database_unavailable_response(request)
