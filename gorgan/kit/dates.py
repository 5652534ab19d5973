"""Dates and numbers as each language's readers write them.

Persian readers get the Solar Hijri calendar and Persian digits («۵ آذر ۱۴۰۵»); English and
Chinese readers get the Gregorian calendar in their usual form.
"""

import datetime

import jdatetime
from django.utils import timezone, translation
from django.utils.dateformat import format as django_format

PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
PERSIAN_MONTHS = (
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
)
GREGORIAN_FORMATS = {"en": "F j, Y", "zh-hans": "Y年n月j日"}
GREGORIAN_MONTH_FORMATS = {"en": "F Y", "zh-hans": "Y年n月"}


def uses_persian(language_code=None):
    return (language_code or translation.get_language() or "").startswith("fa")


def localize_digits(value, language_code=None):
    """``value`` as text, with Persian digits when the language is Persian."""
    text = str(value)
    return text.translate(PERSIAN_DIGITS) if uses_persian(language_code) else text


def _as_local_date(value):
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


def format_date(value, language_code=None):
    """A date (or datetime, shown in local time) in the reader's calendar, without the time."""
    if value is None:
        return ""
    language_code = language_code or translation.get_language()
    day = _as_local_date(value)
    if uses_persian(language_code):
        jalali = jdatetime.date.fromgregorian(date=day)
        return localize_digits(
            f"{jalali.day} {PERSIAN_MONTHS[jalali.month - 1]} {jalali.year}", "fa"
        )
    with translation.override(language_code):
        return django_format(day, GREGORIAN_FORMATS.get(language_code, "Y-m-d"))


def solar_hijri_parts(value):
    """(year, month, day) of a date, or of a moment in local time, in the Solar Hijri calendar."""
    jalali = jdatetime.date.fromgregorian(date=_as_local_date(value))
    return jalali.year, jalali.month, jalali.day


def format_partial_date(value, precision, language_code=None):
    """A date known only to the ``"year"``, ``"month"`` or ``"day"``, in the reader's calendar.

    ``value`` is a representative day inside the known period (for instance 1 July for a date
    known only to the year). The Gregorian and Solar Hijri years do not coincide (1397 runs from
    21 March 2018 to 20 March 2019), so each calendar shows the year, or month, that contains
    that day: 1 July 2018 at year precision is "2018" in English and «۱۳۹۷» in Persian.
    Whoever records such a date should therefore choose a day that lies inside the intended
    period in both calendars where possible; the middle of the year or month does.
    """
    if value is None:
        return ""
    if precision not in {"year", "month"}:
        return format_date(value, language_code)
    language_code = language_code or translation.get_language()
    day = _as_local_date(value)
    if uses_persian(language_code):
        jalali = jdatetime.date.fromgregorian(date=day)
        text = str(jalali.year)
        if precision == "month":
            text = f"{PERSIAN_MONTHS[jalali.month - 1]} {jalali.year}"
        return localize_digits(text, "fa")
    if precision == "year":
        return django_format(day, "Y年" if language_code == "zh-hans" else "Y")
    with translation.override(language_code):
        return django_format(day, GREGORIAN_MONTH_FORMATS.get(language_code, "Y-m"))


# Calendar months, for the news archive. Years outside these bounds are not archive pages.
JALALI_YEARS = range(1300, 1501)
GREGORIAN_YEARS = range(1921, 2122)


def month_of(day, language_code=None):
    """(year, month) of ``day`` in the reader's calendar (Solar Hijri in Persian)."""
    if uses_persian(language_code):
        jalali = jdatetime.date.fromgregorian(date=day)
        return jalali.year, jalali.month
    return day.year, day.month


def month_first_days(year, month, language_code=None):
    """The Gregorian dates that start the given month of the reader's calendar and the next.

    Raises ``ValueError`` for a month that does not exist or lies outside the archive's years.
    """
    if not 1 <= month <= 12:
        raise ValueError("No such month.")
    next_year, next_month = (year + 1, 1) if month == 12 else (year, month + 1)
    if uses_persian(language_code):
        if year not in JALALI_YEARS:
            raise ValueError("Year outside the archive.")
        return (
            jdatetime.date(year, month, 1).togregorian(),
            jdatetime.date(next_year, next_month, 1).togregorian(),
        )
    if year not in GREGORIAN_YEARS:
        raise ValueError("Year outside the archive.")
    return datetime.date(year, month, 1), datetime.date(next_year, next_month, 1)


def format_month(year, month, language_code=None):
    """A month of the reader's calendar: «آذر ۱۴۰۵», "November 2026", "2026年11月"."""
    language_code = language_code or translation.get_language()
    if uses_persian(language_code):
        return localize_digits(f"{PERSIAN_MONTHS[month - 1]} {year}", "fa")
    with translation.override(language_code):
        return django_format(
            datetime.date(year, month, 1), GREGORIAN_MONTH_FORMATS.get(language_code, "Y-m")
        )
