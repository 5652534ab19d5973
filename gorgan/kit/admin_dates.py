"""Dates in the admin in the staff member's calendar: Solar Hijri in Persian, Gregorian otherwise.

Stored values never change: a ``DateTimeField`` keeps an aware UTC moment, shown and entered in
the site's time zone (Tehran). What changes is the text around them:

- ``LocalDateField`` / ``LocalDateTimeField`` with ``LocalDateInput`` / ``LocalDateTimeInput``:
  the one form-field/widget pair for every admin date(time) field (``LocalCalendarAdminMixin``
  puts them on every date field of a model admin or inline). In Persian the input reads
  «۱۴۰۵/۱۰/۱۰ ۰۹:۰۰» and opens a Solar Hijri picker; Persian, Arabic-Indic and Latin digits are
  all accepted when typed. In English and Chinese it is the browser's own date(time) input.
- ``LocalPartialDateField`` for dates known only to the year or month (a signing date in an
  old report): «۱۳۹۷» and «۱۳۹۷/۴» are accepted and shown as such.
- ``date_display()`` for list columns and read-only fields, ``LocalDateFieldListFilter`` for
  date filters whose "this month" and "this year" follow the staff member's calendar.

The picker is JalaliDatePicker (MIT), vendored in ``static/vendor/jalalidatepicker``: no
dependencies, no inline script or style, so it runs under the strict Content-Security-Policy.
"""

import datetime
import re
import types

import jdatetime
from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from gorgan.kit import dates

LATIN_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_NUMERIC = re.compile(
    r"(?P<year>\d{4})(?:\s*[/\-.]\s*(?P<month>\d{1,2})(?:\s*[/\-.]\s*(?P<day>\d{1,2}))?)?"
    r"(?:(?:\s+|\s*[T،,]\s*)(?:ساعت\s*)?(?P<hour>\d{1,2})(?:\s*:\s*(?P<minute>\d{1,2}))?"
    r"(?:\s*:\s*(?P<second>\d{1,2}))?)?"
)
# «۱۰ دی ۱۴۰۵ ساعت ۹», as dates are written (and shown in the admin's lists) in Persian.
_WRITTEN_PERSIAN = re.compile(
    r"(?:(?P<day>\d{1,2})\s+)?(?P<month_name>" + "|".join(dates.PERSIAN_MONTHS) + r")\s+"
    r"(?P<year>\d{4})(?:\s*[،,]?\s*(?:ساعت\s*)?(?P<hour>\d{1,2})(?:\s*:\s*(?P<minute>\d{1,2}))?)?"
)
PRECISIONS = ("year", "month", "day")


class PartialDate(datetime.date):
    """A date read from text, remembering how much of it was written (``precision``)."""

    precision = "day"


def _normalise(text):
    # Persian text may carry direction marks and the Arabic comma around numbers.
    text = str(text).translate(LATIN_DIGITS).replace("\u200f", "").replace("\u200e", "")
    return " ".join(text.split())


def parse(text, language_code=None, *, with_time=False):
    """``text`` as ``(parts, precision)`` in the calendar of ``language_code``.

    ``parts`` is a naive ``datetime`` (``with_time``) or a ``date``; a date written to
    the year or month only is represented by a day inside that period in both calendars
    (1 July of the year, the 15th of the month), as ``gorgan.kit.dates.format_partial_date``
    expects. Raises ``ValueError`` for text that is not such a date.
    """
    persian = dates.uses_persian(language_code)
    text = _normalise(text)
    match = _NUMERIC.fullmatch(text)
    month_name = None
    if match is None and persian:
        match = _WRITTEN_PERSIAN.fullmatch(text)
        month_name = match and match["month_name"]
    if match is None:
        raise ValueError("Not a date.")
    parts = match.groupdict()
    year = int(parts["year"])
    month = dates.PERSIAN_MONTHS.index(month_name) + 1 if month_name else parts.get("month")
    month = int(month) if month else None
    day = int(parts["day"]) if parts.get("day") else None
    precision = "day" if day else "month" if month else "year"
    if parts.get("hour") is not None and precision != "day":
        raise ValueError("A time needs a full date.")
    # In Persian a Gregorian year (ISO dates pasted from elsewhere) is read as Gregorian: the
    # two ranges of years do not overlap.
    if persian and year not in dates.GREGORIAN_YEARS:
        if year not in dates.JALALI_YEARS:
            raise ValueError("Year out of range.")
        if precision == "year":
            gregorian = datetime.date(year + 621, 7, 1)
        else:
            gregorian = jdatetime.date(year, month, day or 15).togregorian()
    else:
        if year not in dates.GREGORIAN_YEARS:
            raise ValueError("Year out of range.")
        gregorian = datetime.date(year, month or 7, day or (15 if month else 1))
    if with_time:
        hour, minute, second = (int(parts.get(key) or 0) for key in ("hour", "minute", "second"))
        return datetime.datetime.combine(gregorian, datetime.time(hour, minute, second)), precision
    return gregorian, precision


def input_text(value, language_code=None, *, with_time=False, precision="day"):
    """``value`` as the admin's date input shows it: «۱۴۰۵/۱۰/۱۰ ۰۹:۰۰», "2026-12-31 09:00"."""
    if value is None:
        return ""
    language_code = language_code or translation.get_language()
    moment = value
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        moment = timezone.localtime(value)
    day = moment.date() if isinstance(moment, datetime.datetime) else moment
    if dates.uses_persian(language_code):
        jalali = jdatetime.date.fromgregorian(date=day)
        year, month, day_number = jalali.year, jalali.month, jalali.day
        separator = "/"
    else:
        year, month, day_number = day.year, day.month, day.day
        separator = "-"
    text = {
        "year": f"{year}",
        "month": f"{year}{separator}{month:02}",
    }.get(precision, f"{year}{separator}{month:02}{separator}{day_number:02}")
    if with_time and isinstance(moment, datetime.datetime):
        text += f" {moment.hour:02}:{moment.minute:02}"
    return dates.localize_digits(text, language_code)


def example(language_code=None, *, with_time=False, precision="day"):
    """An example of what to type, for placeholders and error messages."""
    sample = timezone.make_aware(datetime.datetime(2026, 12, 31, 9, 0))
    return input_text(sample, language_code, with_time=with_time, precision=precision)


class LocalDateInput(forms.DateInput):
    """A date in the staff member's calendar: a Solar Hijri picker in Persian, the browser's
    own date input otherwise."""

    with_time = False
    native_type = "date"
    # Set by the form for a date that may be partial (LocalPartialDateInput).
    precision = "day"
    partial = False

    class Media:
        css = {"all": ["vendor/jalalidatepicker/jalalidatepicker.min.css", "css/admin-dates.css"]}
        js = ["vendor/jalalidatepicker/jalalidatepicker.min.js", "js/admin-dates.js"]

    def uses_picker(self):
        # The browser's own input takes whole dates only.
        return dates.uses_persian() or self.partial

    def format_value(self, value):
        if isinstance(value, datetime.date):
            if not self.uses_picker():
                # The browser's date(time) input takes ISO 8601 and shows it as it likes.
                if isinstance(value, datetime.datetime):
                    value = timezone.localtime(value) if timezone.is_aware(value) else value
                    return value.strftime("%Y-%m-%dT%H:%M")
                return value.isoformat()
            return input_text(value, with_time=self.with_time, precision=self.precision)
        return value or None

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        language = translation.get_language()
        widget_attrs["class"] = " ".join(
            filter(None, [widget_attrs.get("class"), "local-date-input"])
        )
        if self.uses_picker():
            context["widget"]["type"] = "text"
            if dates.uses_persian(language):
                # Marks the input the picker may serve (see static/js/admin-dates.js).
                widget_attrs["data-jdp-calendar"] = ""
            widget_attrs.update(
                {
                    "dir": "rtl" if dates.uses_persian(language) else "ltr",
                    "autocomplete": "off",
                    "placeholder": example(
                        language, with_time=self.with_time, precision=self.precision
                    ),
                    "size": 16 if self.with_time else 10,
                }
            )
            if dates.uses_persian(language) and self.precision == "day":
                widget_attrs["data-jdp"] = ""
                if not self.with_time:
                    widget_attrs["data-jdp-only-date"] = ""
        else:
            context["widget"]["type"] = self.native_type
        return context


class LocalDateTimeInput(LocalDateInput):
    with_time = True
    native_type = "datetime-local"


class LocalPartialDateInput(LocalDateInput):
    """A text input in every language: «۱۳۹۷», "2018-07" or a whole date."""

    partial = True


class LocalDateField(forms.DateField):
    widget = LocalDateInput
    default_error_messages = {
        "invalid": _("Enter a date as year/month/day, for example %(example)s."),
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        try:
            parsed, precision = parse(value)
        except ValueError:
            raise self.invalid(with_time=False) from None
        if precision == "day":
            return parsed
        if not self.accepts_partial:
            raise self.invalid(with_time=False)
        partial = PartialDate(parsed.year, parsed.month, parsed.day)
        partial.precision = precision
        return partial

    accepts_partial = False

    def invalid(self, *, with_time):
        return ValidationError(
            self.error_messages["invalid"],
            code="invalid",
            params={"example": example(with_time=with_time)},
        )


class LocalPartialDateField(LocalDateField):
    """A date known to the day, the month («۱۳۹۷/۰۴») or the year («۱۳۹۷») only.

    The value is a ``PartialDate`` whose ``precision`` says how much was written; the form
    decides what to do with it (an app may keep it beside the date).
    """

    accepts_partial = True
    widget = LocalPartialDateInput
    default_error_messages = {
        "invalid": _("Enter a year, a year/month or a year/month/day, for example %(example)s."),
    }

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        try:
            new = self.to_python(data)
        except ValidationError:
            return True
        if new is None or initial is None:
            return new != initial
        precision = getattr(new, "precision", "day")
        return input_text(new, precision=precision) != input_text(initial, precision=precision)


class LocalDateTimeField(forms.DateTimeField):
    widget = LocalDateTimeInput
    default_error_messages = {
        "invalid": _(
            "Enter a date and time as year/month/day hour:minute, for example %(example)s."
        ),
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.date):
            return super().to_python(value)
        try:
            moment, precision = parse(value, with_time=True)
        except ValueError:
            precision = None
        if precision != "day":
            raise ValidationError(
                self.error_messages["invalid"],
                code="invalid",
                params={"example": example(with_time=True)},
            )
        return super().to_python(moment)


DATE_FIELD_OVERRIDES = {
    models.DateTimeField: {"form_class": LocalDateTimeField, "widget": LocalDateTimeInput},
    models.DateField: {"form_class": LocalDateField, "widget": LocalDateInput},
}


class LocalCalendarAdminMixin:
    """Every date(time) field of this model admin or inline in the staff member's calendar.

    Editable ones get the local form field; read-only ones (for a translator, or a writer who
    may not schedule) are shown through ``<name>_display``, a ``date_display()`` made for
    each date field that the admin does not define itself.
    """

    formfield_overrides = DATE_FIELD_OVERRIDES

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.local_date_fields = set()
        for field in self.model._meta.get_fields():
            if isinstance(field, models.DateField):
                self.local_date_fields.add(field.name)
                if not hasattr(self, f"{field.name}_display"):
                    display = date_display(field.name, field.verbose_name)
                    setattr(self, display.__name__, types.MethodType(display, self))

    def _displayed(self, name):
        return f"{name}_display" if name in self.local_date_fields else name

    def get_readonly_fields(self, request, obj=None):
        return [self._displayed(name) for name in super().get_readonly_fields(request, obj)]

    def get_fieldsets(self, request, obj=None):
        readonly = set(self.get_readonly_fields(request, obj))

        def shown(name):
            if isinstance(name, list | tuple):
                return type(name)(shown(part) for part in name)
            return self._displayed(name) if self._displayed(name) in readonly else name

        return [
            (title, {**options, "fields": [shown(name) for name in options["fields"]]})
            for title, options in super().get_fieldsets(request, obj)
        ]


def date_display(field_name, description, *, with_time=None):
    """A list column or read-only field showing ``field_name`` in the staff member's calendar.

    «۱۰ دی ۱۴۰۵، ۹:۰۰» for a moment, «۱۰ دی ۱۴۰۵» for a day; ordered by the field itself.
    """

    @admin.display(description=description, ordering=field_name)
    def display(self, obj):
        value = getattr(obj, field_name)
        if value is None:
            return None
        show_time = isinstance(value, datetime.datetime) if with_time is None else with_time
        return format_moment(value) if show_time else dates.format_date(value)

    display.__name__ = f"{field_name}_display"
    return display


def format_moment(value, language_code=None):
    """A moment in the reader's calendar and local time: «۱۰ دی ۱۴۰۵، ۹:۰۰»."""
    if value is None:
        return ""
    language_code = language_code or translation.get_language()
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    day = dates.format_date(local, language_code)
    clock = dates.localize_digits(f"{local.hour}:{local.minute:02}", language_code)
    with translation.override(language_code):
        return _("%(date)s, %(time)s") % {"date": day, "time": clock}


class LocalDateFieldListFilter(admin.DateFieldListFilter):
    """Django's date filter, with "this month" and "this year" in the staff member's calendar."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        if not dates.uses_persian():
            return
        today = timezone.localdate()
        jalali = jdatetime.date.fromgregorian(date=today)
        month_start, next_month = dates.month_first_days(jalali.year, jalali.month, "fa")
        year_start = jdatetime.date(jalali.year, 1, 1).togregorian()
        next_year = jdatetime.date(jalali.year + 1, 1, 1).togregorian()
        bounds = {
            str(_("This month")): (month_start, next_month),
            str(_("This year")): (year_start, next_year),
        }
        is_moment = isinstance(field, models.DateTimeField)
        links = []
        for title, query in self.links:
            if str(title) in bounds:
                start, end = bounds[str(title)]
                if is_moment:
                    start, end = (
                        timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
                        for day in (start, end)
                    )
                query = {self.lookup_kwarg_since: start, self.lookup_kwarg_until: end}
            links.append((title, query))
        self.links = tuple(links)
