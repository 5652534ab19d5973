import datetime

import pytest

from gorgan.kit.dates import format_date, localize_digits

DAY = datetime.date(2026, 11, 26)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fa", "۵ آذر ۱۴۰۵"), ("en", "November 26, 2026"), ("zh-hans", "2026年11月26日")],
)
def test_dates_in_each_calendar(language, expected):
    assert format_date(DAY, language) == expected


def test_datetime_is_shown_on_its_tehran_day():
    late_evening_utc = datetime.datetime(2026, 11, 25, 21, 0, tzinfo=datetime.UTC)

    assert format_date(late_evening_utc, "fa") == "۵ آذر ۱۴۰۵"


def test_digits_are_persian_only_on_persian_pages():
    assert localize_digits(1405, "fa") == "۱۴۰۵"
    assert localize_digits(1405, "en") == "1405"
