"""The news archive by month, in the reader's calendar.

The list of months that have releases is read from the cache. It is rebuilt after any release
or translation is saved or deleted, and when the next scheduled release goes public (the cache
entry knows when that is), so it never needs a scan per page view.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Min
from django.db.models.functions import TruncDate
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils import timezone, translation

from gorgan.kit import dates
from newsroom.models import PressRelease, PressReleaseTranslation

CACHE_KEY = "newsroom:archive-months:{language}"
CACHE_SECONDS = 24 * 60 * 60


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
    """The months with public releases in ``language``, newest first, from the cache."""
    language = language or translation.get_language()
    key = CACHE_KEY.format(language=language)
    now = timezone.now()
    cached = cache.get(key)
    if cached is not None and (cached["valid_until"] is None or cached["valid_until"] > now):
        return cached["months"]
    months = _count_months(language)
    # A scheduled release appears by itself, without a save: the list is valid until then.
    next_release = PressRelease.objects.filter(
        status=PressRelease.Status.PUBLISHED, publish_at__gt=now
    ).aggregate(first=Min("publish_at"))["first"]
    cache.set(key, {"months": months, "valid_until": next_release}, CACHE_SECONDS)
    return months


def forget_months(**kwargs):
    cache.delete_many([CACHE_KEY.format(language=code) for code, _name in settings.LANGUAGES])


def connect_signals():
    for model in (PressRelease, PressReleaseTranslation):
        post_save.connect(
            forget_months, sender=model, dispatch_uid=f"archive-save-{model.__name__}"
        )
        post_delete.connect(
            forget_months, sender=model, dispatch_uid=f"archive-delete-{model.__name__}"
        )
