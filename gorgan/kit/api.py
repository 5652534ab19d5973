"""The public read API's machinery, shared by the apps' endpoints (``<app>/api.py``).

Everything here is about HTTP and names no app: the reader's language from ``?lang=``, JSON
whatever the ``Accept`` header says, keyset pages by primary key, the OpenAPI description of
what every endpoint shares, ``ApiMiddleware`` (conditional GET) above the page cache, and under
it ``ApiHeadersMiddleware`` (CORS, no cookies, stored with a cached answer) and
``ApiRateLimitMiddleware`` (the per-address rate limit).

The responses are cached like pages (``gorgan.kit.pagecache``): views only declare the query
parameters they read (``page_parameters``) and never call the cache themselves.
"""

import functools
import re
import time
from urllib.parse import quote

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.functional import cached_property
from django.utils.http import RFC3986_SUBDELIMS, http_date
from django.utils.translation import gettext as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.mixins import ListModelMixin
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.pagination import BasePagination
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from gorgan.kit import dates
from gorgan.kit.cache import UNREACHABLE
from gorgan.kit.security import client_ip
from gorgan.kit.translation_tracking import language_statuses

LANGUAGE_PARAMETER = "lang"
#: ``?limit=`` bounds for every list. Ten by default, as WordPress's REST API: a phone app's
#: first screen, and a cached page about the size of an article; harvesters ask for 100.
DEFAULT_LIMIT = 10
MAX_LIMIT = 100


def api_languages():
    return [code for code, _name in settings.LANGUAGES]


def requested_language(request):
    """The language of ``?lang=`` (Persian when absent); a 400 for any other value."""
    value = request.GET.get(LANGUAGE_PARAMETER, "")
    if not value:
        return settings.LANGUAGE_CODE
    if value.lower() in api_languages():
        return value.lower()
    raise ValidationError(
        {
            LANGUAGE_PARAMETER: _("Unknown language “%(value)s”; use one of: %(choices)s.")
            % {"value": value, "choices": ", ".join(api_languages())}
        }
    )


class JSONOnly(BaseContentNegotiation):
    """Always JSON, whatever ``Accept`` says: a response depends on its address alone, so a
    shared cache may keep one copy per address."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class ApiSchema(AutoSchema):
    """Every operation takes ``?lang=``."""

    def get_override_parameters(self):
        language = OpenApiParameter(
            LANGUAGE_PARAMETER,
            str,
            enum=api_languages(),
            default=settings.LANGUAGE_CODE,
            description=(
                "Language of texts, labels and addresses. Where an item has no translation "
                "into it, its Persian text is given and `is_fallback` is true."
            ),
        )
        return [language, *super().get_override_parameters()]


class ApiView(APIView):
    """Base of every API view: read-only, anonymous, in the language of ``?lang=``.

    The response is rendered while that language is active (labels and error messages are
    translated), not in the language ``LocaleMiddleware`` guessed from the browser.
    """

    schema = ApiSchema()
    content_negotiation_class = JSONOnly
    renderer_classes = (JSONRenderer,)
    page_parameters = (LANGUAGE_PARAMETER,)

    def dispatch(self, request, *args, **kwargs):
        language = request.GET.get(LANGUAGE_PARAMETER, "").lower()
        if language not in api_languages():
            language = settings.LANGUAGE_CODE
        with translation.override(language):
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        response["Content-Language"] = language
        if response.status_code == 200 and not response.streaming:
            # Stored with the answer by the page cache: a hit then needs no hashing.
            set_response_etag(response)
        return response

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.language = requested_language(request)

    def absolute(self, path):
        """``path`` (or a storage URL) as an absolute URL on this request's host."""
        if path.startswith("/") and not path.startswith("//"):
            return f"{self.origin}{path}"
        return self.request.build_absolute_uri(path)

    @cached_property
    def origin(self):
        return f"{self.request.scheme}://{self.request.get_host()}"

    def get_serializer_context(self):
        return {"request": self.request, "view": self, "language": self.language}


@functools.lru_cache(maxsize=512)
def _address_parts(name, language, argument, placeholder):
    with translation.override(language):
        path = reverse(name, kwargs={argument: placeholder} if argument else None)
    prefix, _placeholder, suffix = path.partition(placeholder)
    return prefix, suffix


def address(name, language, argument=None, value=None, placeholder="placeholder"):
    """The path of URL ``name`` in ``language`` with ``argument=value``, as ``reverse()``
    gives it, resolved once per name and language: a list of a hundred items with a dozen
    links each would otherwise spend most of its time in ``reverse()``.

    ``placeholder`` must match the argument's converter and appear nowhere else in the path.
    """
    prefix, suffix = _address_parts(name, language, argument, placeholder)
    if argument is None:
        return prefix
    return f"{prefix}{quote(str(value), safe=RFC3986_SUBDELIMS + '/~:@')}{suffix}"


def with_language(path, language):
    """``path`` with ``?lang=`` (or ``&lang=``) for ``language``."""
    separator = "&" if "?" in path else "?"
    return f"{path}{separator}{LANGUAGE_PARAMETER}={language}"


def show_in_language(obj, language):
    """Switch a parler object to ``language``, or to Persian where it is not translated.

    Returns ``(content_language, is_fallback)``, as the site's pages mark a fallback.
    """
    available = obj.get_available_languages()
    is_fallback = language not in available
    content_language = settings.LANGUAGE_CODE if is_fallback else language
    obj.set_current_language(content_language)
    return content_language, is_fallback


def translation_statuses(obj, url_for=None):
    """``[{language, status, url}]`` from prefetched translations (``language_statuses``)."""
    return [
        {
            "language": code,
            "status": status,
            "url": url_for(code) if url_for and status != "missing" else None,
        }
        for code, status in language_statuses(obj).items()
    ]


def iso_datetime(value):
    """ISO 8601 in the site's time zone, with its offset: ``2026-11-26T10:00:00+03:30``."""
    return timezone.localtime(value).isoformat() if value else None


def solar_hijri(value, precision="day"):
    """The Solar Hijri date (Latin digits) of a date or moment: ``1405-09-05``; with a
    ``"month"`` or ``"year"`` precision only ``1405-09`` or ``1405``."""
    if value is None:
        return None
    year, month, day = dates.solar_hijri_parts(value)
    return {"year": f"{year:04d}", "month": f"{year:04d}-{month:02d}"}.get(
        precision, f"{year:04d}-{month:02d}-{day:02d}"
    )


def parse_moment(name, value):
    """A query parameter's ISO 8601 moment (a date alone is its midnight, local time).

    A ``+`` in an offset must be sent as ``%2B``; one sent bare arrives as a space and is read
    as the ``+`` it was.
    """
    text = re.sub(r" (\d\d(:?\d\d)?)$", r"+\1", value.strip())
    try:
        moment = parse_datetime(text)
        if moment is None and (day := parse_date(text)) is not None:
            moment = timezone.datetime(day.year, day.month, day.day)
    except (ValueError, OverflowError):
        moment = None
    if moment is None:
        raise ValidationError(
            {
                name: _("“%(value)s” is not a date and time in %(standard)s, e.g. %(example)s.")
                % {
                    "value": value,
                    "standard": "ISO 8601",
                    "example": "2026-11-26T10:00:00+03:30, 2026-11-26",
                }
            }
        )
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def parse_limit(request):
    value = request.GET.get("limit", "")
    if not value:
        return DEFAULT_LIMIT
    if value.isdecimal() and len(value) <= 4 and 1 <= int(value) <= MAX_LIMIT:
        return int(value)
    raise ValidationError(
        {"limit": _("The limit must be a whole number from 1 to %(max)s.") % {"max": MAX_LIMIT}}
    )


LIMIT_PARAMETER = OpenApiParameter(
    "limit",
    int,
    description=f"Items per page, 1 to {MAX_LIMIT} (default {DEFAULT_LIMIT}).",
)
CURSOR_PARAMETER = OpenApiParameter(
    "cursor",
    str,
    description="Where the page starts: the `next` address of the previous page carries it.",
)


class CursorPagination(BasePagination):
    """Keyset pages of ``{"next": …, "results": […]}``; ``next`` is ``null`` on the last page.

    No page counts the table: a page costs the same at the far end of the list as at its start.
    """

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        limit = parse_limit(request)
        cursor = request.GET.get("cursor", "")
        items, self.next_cursor = self.page(queryset, cursor, limit)
        return items

    def page(self, queryset, cursor, limit):
        """``(items, next cursor or None)``."""
        raise NotImplementedError

    def next_link(self):
        if self.next_cursor is None:
            return None
        query = self.request.GET.copy()
        query["cursor"] = self.next_cursor
        return self.request.build_absolute_uri(f"{self.request.path}?{query.urlencode()}")

    def get_paginated_response(self, data):
        return Response({"next": self.next_link(), "results": data})

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["next", "results"],
            "properties": {
                "next": {
                    "type": ["string", "null"],
                    "format": "uri",
                    "description": "The next page, or null on the last page.",
                },
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": parameter.name,
                "in": "query",
                "required": False,
                "description": parameter.description,
                "schema": {"type": "integer" if parameter.type is int else "string"},
            }
            for parameter in (CURSOR_PARAMETER, LIMIT_PARAMETER)
        ]


class PrimaryKeyPagination(CursorPagination):
    """Pages in primary-key order; the cursor is the last item's key."""

    def page(self, queryset, cursor, limit):
        if cursor:
            if not (cursor.isdecimal() and len(cursor) <= 18):
                raise ValidationError({"cursor": _("This page cursor is not valid.")})
            queryset = queryset.filter(pk__gt=int(cursor))
        rows = list(queryset.order_by("pk")[: limit + 1])
        items = rows[:limit]
        return items, (str(items[-1].pk) if len(rows) > limit else None)


class ApiListView(ListModelMixin, ApiView):
    """A paged list: ``item_data()`` of each item of ``get_queryset()`` after the filters,
    in the shape of ``serializer_class``."""

    pagination_class = PrimaryKeyPagination
    serializer_class = None
    filter_backends = ()
    page_parameters = (LANGUAGE_PARAMETER, "cursor", "limit")

    def get_queryset(self):
        raise NotImplementedError

    def item_data(self, item):
        raise NotImplementedError

    def filter_queryset(self, queryset):
        for backend in self.filter_backends:
            queryset = backend().filter_queryset(self.request, queryset, self)
        return queryset

    def get(self, request, *args, **kwargs):
        paginator = self.pagination_class()
        items = paginator.paginate_queryset(
            self.filter_queryset(self.get_queryset()), request, self
        )
        data = [self.item_data(item) for item in items]
        return paginator.get_paginated_response(self.serializer_class(data, many=True).data)

    # drf-spectacular describes a ListModelMixin view as a paged list of this serializer.
    def get_serializer(self, *args, **kwargs):
        return self.serializer_class(*args, **kwargs)


class ApiDetailView(ApiView):
    """One item: ``item_data()`` of ``get_object()`` (which raises 404 unless it is public)."""

    serializer_class = None

    def get_object(self):
        raise NotImplementedError

    def item_data(self, item):
        raise NotImplementedError

    def last_modified(self, item):
        """When ``item`` itself last changed, for ``Last-Modified``; ``None`` leaves it out."""
        return None

    def get(self, request, *args, **kwargs):
        item = self.get_object()
        response = Response(self.serializer_class(self.item_data(item)).data)
        if (moment := self.last_modified(item)) is not None:
            response["Last-Modified"] = http_date(moment.timestamp())
        return response

    def get_serializer(self, *args, **kwargs):
        return self.serializer_class(*args, **kwargs)


def modified_since(queryset, moment, *fields):
    """Items of ``queryset`` where any of ``fields`` is at or after ``moment``."""
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__gte": moment})
    return queryset.filter(condition)


# --- Shapes every app's serializers share ---


class CodeLabelSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Stable code, the same in every language.")
    label = serializers.CharField(help_text="The code's label in the requested language.")


def code_label(obj, field):
    """``{"code", "label"}`` of a choice field of ``obj`` in the active language."""
    return {"code": getattr(obj, field), "label": str(getattr(obj, f"get_{field}_display")())}


class TranslationStatusSerializer(serializers.Serializer):
    language = serializers.ChoiceField(choices=[])
    status = serializers.ChoiceField(
        choices=["source", "translated", "outdated", "missing"],
        help_text=(
            "source: the Persian original; outdated: translated from an older Persian text; "
            "missing: not translated (the Persian text is shown)."
        ),
    )
    url = serializers.URLField(
        allow_null=True, help_text="This item in that language, or null when missing."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = api_languages()


# --- Rate limit, CORS and conditional GET for every address under the API's prefix ---

RATE_KEY = "api:rate:{}:{}"


def over_rate_limit(request):
    """Seconds to wait when the client's address has used up this window, else ``None``.

    Counted in the shared cache, so every app server counts the same requests. Without the
    cache (Redis away) nothing is counted and nothing refused: the API stays up.
    """
    limit, window = settings.API_RATE_LIMIT, settings.API_RATE_WINDOW_SECONDS
    if limit <= 0:
        return None
    now = time.time()
    window_number = int(now // window)
    key = RATE_KEY.format(client_ip(request), window_number)
    try:
        try:
            count = cache.incr(key)
        except ValueError:  # the window's first request (or two at once: one add() wins)
            count = 1 if cache.add(key, 1, window + 1) else cache.incr(key)
    except UNREACHABLE:
        return None
    if count <= limit:
        return None
    return max(1, int((window_number + 1) * window - now) + 1)


CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Retry-After",
}


class ApiMiddleware:
    """Conditional GET for every address under ``API_URL_PREFIX``, cached or not; above the
    page cache.

    A repeated request that sends the ``ETag`` back in ``If-None-Match`` gets ``304``.
    ``Last-Modified`` is informative: an item shows parts (a section's name, a tag's label)
    edited later than it, so only the ETag decides a 304. Everything else an API answer
    carries is set below the page cache (``ApiHeadersMiddleware``) and stored with it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = settings.API_URL_PREFIX

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and "HTTP_IF_NONE_MATCH" in request.META
            and request.path_info.startswith(self.prefix)
            and response.has_header("ETag")
        ):
            full = response
            response = get_conditional_response(request, etag=full["ETag"], response=full)
            if response is not full:  # a 304 keeps what a browser needs to read it
                for name in (*CORS_HEADERS, "Cross-Origin-Resource-Policy"):
                    response[name] = full[name]
        return response


class ApiHeadersMiddleware:
    """What every answer under ``API_URL_PREFIX`` carries; just below the page cache, so that
    a cached answer has it already.

    - ``Access-Control-Allow-Origin: *``: any site may read the open data from a browser (the
      API reads no cookies and sets none, so there is nothing to protect across origins);
      a preflight ``OPTIONS`` is answered here.
    - An ``ETag`` (set by the view, else from the body) for conditional GET.
    - No cookies and no ``Vary``: the answer depends on the address alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = settings.API_URL_PREFIX

    def __call__(self, request):
        if not request.path_info.startswith(self.prefix):
            return self.get_response(request)
        if request.method == "OPTIONS":
            response = self.preflight()
        else:
            response = self.get_response(request)
            if (
                request.method in ("GET", "HEAD")
                and response.status_code == 200
                and not response.streaming
                and not response.has_header("ETag")
            ):
                set_response_etag(response)
        response.cookies.clear()
        if response.has_header("Vary"):
            del response["Vary"]
        for name, value in CORS_HEADERS.items():
            response[name] = value
        response["Cross-Origin-Resource-Policy"] = "cross-origin"
        return response

    def preflight(self):
        response = HttpResponse()
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
        response["Access-Control-Max-Age"] = "86400"
        response["Allow"] = "GET, HEAD, OPTIONS"
        return response


class ApiRateLimitMiddleware:
    """The per-address rate limit on API requests the page cache does not answer: ``429``
    with ``Retry-After`` (``over_rate_limit``).

    It sits below the page cache on purpose: the limit protects the workers and the database,
    and an answer from a cache (the page cache's, or nginx's micro-cache in front) costs
    neither, so counting it would only cost every reader two more round trips to Redis.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = settings.API_URL_PREFIX

    def __call__(self, request):
        if request.path_info.startswith(self.prefix) and request.method != "OPTIONS":
            retry_after = over_rate_limit(request)
            if retry_after is not None:
                return too_many_requests(request, retry_after)
        return self.get_response(request)


def too_many_requests(request, retry_after):
    language = request.GET.get(LANGUAGE_PARAMETER, "").lower()
    if language not in api_languages():
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        message = _("Too many requests from your address. Please wait %(seconds)s seconds.") % {
            "seconds": retry_after
        }
    response = JsonResponse({"detail": message}, status=429)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response
