"""Staying up while a server we depend on is away: a circuit breaker for each, and the
pages that must render when the database cannot (the 500 and 503 error pages).

Both pages are rendered without context processors (nothing reads the session, the user or the
messages), so a template that needs the database cannot sneak in.
"""

import logging
import sys
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
# PostgreSQL's code for a statement cancelled by statement_timeout: the server answered.
QUERY_CANCELED = "57014"


class CircuitBreaker:
    """Whether to try a server now: not for ``skip_seconds`` after a failure, then one probe.

    Per process (it is about this process's connections); plain attribute writes, so threads
    may share it without a lock: at worst two of them probe at once.
    """

    def __init__(self, name, skip_seconds):
        self.name = name
        self.skip_seconds = skip_seconds
        self.skip_until = 0.0

    def allows(self):
        if not self.skip_until:
            return True
        now = time.monotonic()
        if now < self.skip_until:
            return False
        # This caller probes; the others keep skipping until it has an answer.
        self.skip_until = now + self.skip_seconds
        return True

    def succeeded(self):
        if self.skip_until:
            logger.warning("%s reachable again, back in use", self.name)
            self.skip_until = 0.0

    def failed(self, reason):
        if not self.skip_until:
            logger.warning(
                "%s unreachable (%s); skipped for %s s", self.name, reason, self.skip_seconds
            )
        self.skip_until = time.monotonic() + self.skip_seconds


def is_unreachable(error):
    """True for a database error that says the server could not be reached or did not answer,
    False for one it answered with (a statement cancelled by its timeout)."""
    return getattr(error.__cause__, "sqlstate", None) != QUERY_CANCELED


def database_unavailable_response(request):
    """The site's own 503 page, asking the visitor to come back in a little while."""
    content = loader.render_to_string("503.html", {"request_path": request.path})
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(settings.DATABASE_RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def server_error(request):
    """``handler500``: the 503 page when the error was the database going away.

    A view's database error is already turned into a 503 by ``DatabaseUnavailableMiddleware``;
    this catches the ones raised outside views (a middleware saving the session, say).
    """
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        return database_unavailable_response(request)
    return HttpResponseServerError(loader.render_to_string("500.html"))
