"""Keyset ("older / newer") paging for newest-first lists.

Page N of an OFFSET paginator makes the database walk past every earlier row and needs a
COUNT(*) of the whole list; a keyset page costs the same at the archive's far end as at its
start. A cursor is the last row's publish time and primary key: ``<microseconds>-<pk>``.
"""

import datetime
import re
from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404
from django.utils import timezone

CURSOR_PATTERN = re.compile(r"^(\d{1,20})-(\d{1,18})$")
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
MICROSECOND = datetime.timedelta(microseconds=1)


@dataclass
class KeysetPage:
    items: list
    older_cursor: str | None
    newer_cursor: str | None


def encode_cursor(item):
    micros = (item.publish_at - EPOCH) // MICROSECOND
    return f"{micros}-{item.pk}"


def decode_cursor(cursor):
    match = CURSOR_PATTERN.match(cursor)
    if not match:
        raise Http404("Malformed page cursor.")
    micros, pk = int(match[1]), int(match[2])
    try:
        # Near year 9999 the sum fits in UTC but not once shifted to local time.
        moment = timezone.localtime(EPOCH + micros * MICROSECOND)
    except (OverflowError, ValueError) as error:
        raise Http404("Malformed page cursor.") from error
    return moment, pk


def newest_first_page(queryset, *, before=None, after=None, per_page=20):
    """One page of ``queryset`` (newest first) strictly before or after a cursor."""
    if before:
        moment, pk = decode_cursor(before)
        queryset = queryset.filter(Q(publish_at__lt=moment) | Q(publish_at=moment, pk__lt=pk))
    elif after:
        moment, pk = decode_cursor(after)
        queryset = queryset.filter(Q(publish_at__gt=moment) | Q(publish_at=moment, pk__gt=pk))
    if after:
        # Walk forward from the cursor, then show the rows newest first again.
        rows = list(queryset.order_by("publish_at", "pk")[: per_page + 1])
        has_newer = len(rows) > per_page
        items = list(reversed(rows[:per_page]))
        has_older = True
    else:
        rows = list(queryset.order_by("-publish_at", "-pk")[: per_page + 1])
        has_older = len(rows) > per_page
        items = rows[:per_page]
        has_newer = bool(before)
    return KeysetPage(
        items=items,
        older_cursor=encode_cursor(items[-1]) if items and has_older else None,
        newer_cursor=encode_cursor(items[0]) if items and has_newer else None,
    )


def page_number(query):
    """The page's position for display ("Page 3"), carried along in the older/newer links.

    Keyset pages have no index of their own: the first page is 1, later pages take the number
    from the link that led there, and a missing or malformed number simply shows none.
    """
    if not query.get("before") and not query.get("after"):
        return 1
    raw = query.get("page", "")
    if raw.isdecimal() and len(raw) <= 7 and int(raw) >= 1:
        return int(raw)
    return None
