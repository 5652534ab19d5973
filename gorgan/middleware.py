import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme

from gorgan.availability import database_unavailable_response

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
        if length > settings.MAX_REQUEST_BODY_SIZE:
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
    """A 503 page with ``Retry-After`` instead of a 500 while the database is unreachable.

    Connections are health-checked before reuse (``conn_health_checks``), so the next request
    after the database returns gets a fresh connection: the site recovers by itself.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            logger.error("Database unavailable: %s", exception)
            return database_unavailable_response(request)
        return None
