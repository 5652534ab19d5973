"""Dates in the admin: read and written in the staff member's calendar (gorgan.kit.admin_dates)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from gorgan.kit import admin_dates

UTC = datetime.UTC
# «۱۰ دی ۱۴۰۵ ساعت ۹» in Tehran.
SCHEDULED = datetime.datetime(2026, 12, 31, 5, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    "typed",
    [
        "۱۴۰۵/۱۰/۱۰ ۰۹:۰۰",
        "1405/10/10 09:00",
        "١٤٠٥/١٠/١٠ ٩:٠٠",
        "۱۴۰۵-۱۰-۱۰ ۹",
        "۱۰ دی ۱۴۰۵ ساعت ۹",
        "۱۰ دی ۱۴۰۵، ۹:۰۰",
        # An ISO date pasted into the Persian admin is unambiguous: no Solar Hijri year is 2026.
        "2026-12-31 09:00",
    ],
)
def test_persian_moment_is_read_in_solar_hijri_with_any_digits(typed):
    with translation.override("fa"):
        moment = admin_dates.LocalDateTimeField().clean(typed)

    assert moment == SCHEDULED


@pytest.mark.parametrize("typed", ["2026-12-31T09:00", "2026-12-31 09:00", "2026/12/31 9:00"])
def test_english_and_chinese_moments_are_gregorian(typed):
    for language in ["en", "zh-hans"]:
        with translation.override(language):
            assert admin_dates.LocalDateTimeField().clean(typed) == SCHEDULED


@pytest.mark.parametrize(
    "typed", ["1405/13/01", "1405/12/31", "۱۴۰۵/۱۰", "tomorrow", "1405/10/10 25:00", "999/1/1"]
)
def test_persian_moment_that_is_not_one_is_refused_with_an_example(typed):
    with translation.override("fa"):
        with pytest.raises(ValidationError) as refused:
            admin_dates.LocalDateTimeField().clean(typed)
        messages = refused.value.messages

    assert messages == [
        "تاریخ و ساعت را به صورت سال/ماه/روز ساعت:دقیقه بنویسید، مثلاً ۱۴۰۵/۱۰/۱۰ ۰۹:۰۰."
    ]


def test_persian_day_is_read_in_solar_hijri():
    with translation.override("fa"):
        assert admin_dates.LocalDateField().clean("۱۴۰۵/۱۲/۲۹") == datetime.date(2027, 3, 20)
        assert admin_dates.LocalDateField().clean("1403/12/30") == datetime.date(2025, 3, 20)


def test_day_field_refuses_a_partial_date():
    with translation.override("fa"), pytest.raises(ValidationError):
        admin_dates.LocalDateField().clean("۱۳۹۷")


@pytest.mark.parametrize(
    ("language", "typed", "day", "precision"),
    [
        # A year or month stands for a day inside it in both calendars.
        ("fa", "۱۳۹۷", datetime.date(2018, 7, 1), "year"),
        ("fa", "1397/4", datetime.date(2018, 7, 6), "month"),
        ("fa", "تیر ۱۳۹۷", datetime.date(2018, 7, 6), "month"),
        ("fa", "۱۳۹۷/۰۴/۱۰", datetime.date(2018, 7, 1), "day"),
        ("en", "2018", datetime.date(2018, 7, 1), "year"),
        ("en", "2018-03", datetime.date(2018, 3, 15), "month"),
        ("zh-hans", "2018-03-02", datetime.date(2018, 3, 2), "day"),
    ],
)
def test_partial_date_keeps_what_was_written(language, typed, day, precision):
    with translation.override(language):
        value = admin_dates.LocalPartialDateField().clean(typed)

    assert value == day
    assert getattr(value, "precision", "day") == precision


def test_partial_date_is_shown_at_its_precision():
    day = datetime.date(2018, 7, 1)

    assert admin_dates.input_text(day, "fa", precision="year") == "۱۳۹۷"
    assert admin_dates.input_text(day, "fa", precision="month") == "۱۳۹۷/۰۴"
    assert admin_dates.input_text(day, "fa") == "۱۳۹۷/۰۴/۱۰"
    assert admin_dates.input_text(day, "en", precision="month") == "2018-07"


def test_partial_date_written_again_for_the_same_period_is_unchanged():
    field = admin_dates.LocalPartialDateField()
    # Stored as 1 March 2018, which is in the Solar Hijri year 1396.
    stored = datetime.date(2018, 3, 1)

    with translation.override("fa"):
        assert not field.has_changed(stored, "۱۳۹۶")
        assert field.has_changed(stored, "۱۳۹۷")


def test_persian_input_shows_solar_hijri_with_persian_digits_and_the_picker():
    with translation.override("fa"):
        html = admin_dates.LocalDateTimeInput().render("publish_at", SCHEDULED)

    assert 'value="۱۴۰۵/۱۰/۱۰ ۰۹:۰۰"' in html
    assert 'type="text"' in html
    assert "data-jdp" in html
    assert 'dir="rtl"' in html


def test_english_input_is_the_browsers_gregorian_datetime_input():
    with translation.override("en"):
        html = admin_dates.LocalDateTimeInput().render("publish_at", SCHEDULED)

    assert 'type="datetime-local"' in html
    assert 'value="2026-12-31T09:00"' in html
    assert "data-jdp" not in html


def test_moment_is_written_in_the_readers_calendar():
    assert admin_dates.format_moment(SCHEDULED, "fa") == "۱۰ دی ۱۴۰۵، ساعت ۹:۰۰"
    assert admin_dates.format_moment(SCHEDULED, "en") == "December 31, 2026, 9:00"
    assert admin_dates.format_moment(SCHEDULED, "zh-hans") == "2026年12月31日 9:00"
