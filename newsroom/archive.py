"""The news archive by month, in the reader's calendar.

The list of months that have releases is a stored part (``months_box``): counted again only
after a release changes or a scheduled one goes public, not on each page view.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from gorgan.kit import dates
from gorgan.kit.parts import stored_parts
from newsroom.models import PressRelease


@dataclass(frozen=True)
class ArchiveMonth:
    year: int
    month: int
    count: int
    language: str

    @property
    def label(self):
        return dates.format_month(self.year, self.month, self.language)

    def get_absolute_url(self):
        with translation.override(self.language):
            return reverse(
                "newsroom:archive-month", kwargs={"year": self.year, "month": self.month}
            )


def month_range(year, month, language):
    """The aware datetimes that bound a month of the reader's calendar: [start, end).

    Raises ``ValueError`` for a month that does not exist, lies outside the archive's years
    or has not begun yet.
    """
    first, following = dates.month_first_days(year, month, language)
    start, end = (
        timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
        for day in (first, following)
    )
    if start > timezone.now():
        raise ValueError("This month has not begun.")
    return start, end


def counterpart_urls(start, end, releases):
    """The archive page in each language's calendar that best matches ``[start, end)``.

    Another calendar's months do not line up with this one. Each language gets the month of
    its own calendar that holds most of ``releases`` (those shown for this span), so the
    switcher never leads from a month with news to an empty one; a span without releases maps
    through its middle (or today, if sooner). No query.
    """
    days = [timezone.localtime(release.publish_at).date() for release in releases]
    if not days:
        days = [timezone.localtime(min(start + (end - start) / 2, timezone.now())).date()]
    urls = {}
    for code, _name in settings.LANGUAGES:
        months = [dates.month_of(day, code) for day in days]
        # Most releases first; between equals, the newer month (lists run newest first).
        year, month = max(set(months), key=lambda key: (months.count(key), key))
        urls[code] = ArchiveMonth(year, month, 0, code).get_absolute_url()
    return urls


def _count_months(language):
    days = (
        PressRelease.objects.published()
        .in_language(language)
        .annotate(day=TruncDate("publish_at"))
        .values("day")
        .annotate(count=Count("pk", distinct=True))
        .order_by()
    )
    counts = {}
    for row in days:
        key = dates.month_of(row["day"], language)
        counts[key] = counts.get(key, 0) + row["count"]
    return [
        ArchiveMonth(year, month, count, language)
        for (year, month), count in sorted(counts.items(), reverse=True)
    ]


def months_with_releases(language=None):
    """The months with public releases in ``language``, newest first."""
    return _count_months(language or translation.get_language())


def months_box(request, month_label=""):
    """The archive's list of months as HTML (``month_label`` is the page's own month).

    Counting the months reads every public release, so the box is a stored part: rendered
    again only after a release changes or a scheduled one goes public.
    """

    def render():
        context = {"archive_months": months_with_releases(), "month_label": month_label}
        return render_to_string("newsroom/includes/_archive_months.html", context, request)

    name = f"archive-months|{month_label}"
    return stored_parts(request, {name: render})[name]
