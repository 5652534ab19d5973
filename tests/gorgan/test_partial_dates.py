import datetime

import pytest

from gorgan.kit.dates import format_partial_date

MID_1397 = datetime.date(2018, 7, 1)


@pytest.mark.parametrize(
    ("precision", "language", "expected"),
    [
        ("year", "fa", "۱۳۹۷"),
        ("year", "en", "2018"),
        ("year", "zh-hans", "2018年"),
        ("month", "fa", "تیر ۱۳۹۷"),
        ("month", "en", "July 2018"),
        ("month", "zh-hans", "2018年7月"),
        ("day", "fa", "۱۰ تیر ۱۳۹۷"),
        ("day", "en", "July 1, 2018"),
    ],
)
def test_partial_date_in_each_calendar(precision, language, expected):
    assert format_partial_date(MID_1397, precision, language) == expected


def test_year_only_date_shows_the_year_containing_the_representative_day():
    # 15 January 2018 falls in 1396: each calendar names the year that holds the stored day.
    january = datetime.date(2018, 1, 15)

    assert format_partial_date(january, "year", "fa") == "۱۳۹۶"
    assert format_partial_date(january, "year", "en") == "2018"


def test_missing_partial_date_is_empty():
    assert format_partial_date(None, "year", "fa") == ""
