"""Pages that must render when the database cannot: the 500 and 503 error pages.

Both are rendered without context processors (nothing reads the session, the user or the
messages), so a template that needs the database cannot sneak in.
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)


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
