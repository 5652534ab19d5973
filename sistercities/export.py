"""Agreements' commitments as files: the staff's CSV report in one chosen language, and the
public tracker's open data (CSV and JSON with stable field names and codes, ``tracker_*``)."""

import csv
import io

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from gorgan.kit import dates

from .models import Commitment, CommitmentUpdate

# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def _iso(day):
    return day.isoformat() if day else ""


def _header():
    return [
        _("Agreement"),
        _("Partner city"),
        _("Sector"),
        _("Commitment"),
        _("Description"),
        _("Responsible body"),
        _("Status"),
        _("Target date"),
        _("Target date (ISO 8601)"),
        _("Overdue"),
        _("Last update"),
        _("Last update (ISO 8601)"),
        _("Last update note"),
    ]


def with_latest_updates(commitments):
    """``[(commitment, latest update or None)]`` of the ``commitments`` queryset, ordered by
    agreement, then the editors' order; texts of every language read in three queries."""
    commitments = list(
        commitments.select_related("agreement__partner_city")
        .prefetch_related(
            "translations",
            "agreement__translations",
            "agreement__partner_city__translations",
        )
        .order_by("agreement__pk", "order", "pk")
    )
    latest = {}
    updates = (
        CommitmentUpdate.objects.filter(commitment__in=commitments)
        .prefetch_related("translations")
        .order_by("commitment_id", "-date", "-pk")
    )
    for update in updates:
        latest.setdefault(update.commitment_id, update)
    return [(commitment, latest.get(commitment.pk)) for commitment in commitments]


def commitment_rows(agreements, language_code):
    """The header and one row per commitment of ``agreements``, texts in ``language_code``.

    Texts missing in that language fall back to Persian; dates are in that language's calendar,
    each followed by the same date as ``YYYY-MM-DD`` (Gregorian, Latin digits), which
    spreadsheets read as a date and can sort.
    """
    with translation.override(language_code):
        commitments = with_latest_updates(Commitment.objects.filter(agreement__in=agreements))
        yes, no = _("Yes"), _("No")
        rows = [_header()]
        for commitment, update in commitments:
            rows.append(
                [
                    _cell(value)
                    for value in (
                        commitment.agreement.title,
                        commitment.agreement.partner_city.name,
                        commitment.get_sector_display(),
                        commitment.title,
                        commitment.description,
                        commitment.responsible_body,
                        commitment.get_status_display(),
                        dates.format_date(commitment.target_date, language_code),
                        _iso(commitment.target_date),
                        yes if commitment.is_overdue else no,
                        dates.format_date(update.date, language_code) if update else "",
                        _iso(update.date) if update else "",
                        update.note if update else "",
                    )
                ]
            )
    return rows


#: The open-data tracker's columns (CSV) and keys (JSON), in order. A stable schema: a change
#: here is a new version of the API (/api/v2/). Documented in templates/gorgan/api_docs.html.
OPEN_DATA_FIELDS = (
    "agreement_id",
    "agreement_title",
    "partner_city",
    "commitment_id",
    "order",
    "sector",
    "sector_label",
    "title",
    "description",
    "responsible_body",
    "status",
    "status_label",
    "target_date",
    "target_date_solar_hijri",
    "overdue",
    "last_update_date",
    "last_update_date_solar_hijri",
    "last_update_status",
    "last_update_status_label",
    "last_update_note",
    "text_language",
)


def _solar_hijri(day):
    if day is None:
        return None
    year, month, day_of_month = dates.solar_hijri_parts(day)
    return f"{year:04d}-{month:02d}-{day_of_month:02d}"


def _text_language(obj, language_code):
    """Show ``obj``'s texts in ``language_code``, or in Persian where it has none; which."""
    language = (
        language_code if language_code in obj.get_available_languages() else settings.LANGUAGE_CODE
    )
    obj.set_current_language(language)
    return language


def tracker_records(commitments, language_code):
    """One open-data record per commitment (``OPEN_DATA_FIELDS``), texts in ``language_code``.

    Codes (sector, status) are the same in every language, each followed by its label; dates
    are ISO 8601 (``YYYY-MM-DD``, Gregorian) with the Solar Hijri day beside them; a missing
    date is ``None``. ``text_language`` is the commitment's texts' language: Persian where it is
    not translated.
    """
    records = []
    with translation.override(language_code):
        for commitment, update in with_latest_updates(commitments):
            agreement, city = commitment.agreement, commitment.agreement.partner_city
            _text_language(agreement, language_code)
            _text_language(city, language_code)
            text_language = _text_language(commitment, language_code)
            if update is not None:
                _text_language(update, language_code)
            records.append(
                {
                    "agreement_id": agreement.pk,
                    "agreement_title": agreement.title,
                    "partner_city": city.name,
                    "commitment_id": commitment.pk,
                    "order": commitment.order,
                    "sector": commitment.sector,
                    "sector_label": str(commitment.get_sector_display()),
                    "title": commitment.title,
                    "description": commitment.description,
                    "responsible_body": commitment.responsible_body,
                    "status": commitment.status,
                    "status_label": str(commitment.get_status_display()),
                    "target_date": _iso(commitment.target_date) or None,
                    "target_date_solar_hijri": _solar_hijri(commitment.target_date),
                    "overdue": commitment.is_overdue,
                    "last_update_date": _iso(update.date) if update else None,
                    "last_update_date_solar_hijri": _solar_hijri(update.date) if update else None,
                    "last_update_status": update.status if update else None,
                    "last_update_status_label": (
                        str(update.get_status_display()) if update else None
                    ),
                    "last_update_note": update.note if update else None,
                    "text_language": text_language,
                }
            )
    return records


def tracker_csv(records):
    """The records as CSV text: a header of the field names, ``true``/``false``, empty for
    ``None``; UTF-8 with a byte-order mark when written, so that Excel shows Persian."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(OPEN_DATA_FIELDS)
    for record in records:
        writer.writerow(
            [_open_data_cell(record[name]) for name in OPEN_DATA_FIELDS],
        )
    return "\ufeff" + buffer.getvalue()


def _open_data_cell(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return _cell(value)


def commitments_csv_response(agreements, language_code, filename_stem="commitments"):
    """A CSV download in UTF-8 with a byte-order mark, so that Excel shows Persian correctly."""
    if language_code not in dict(settings.LANGUAGES):
        language_code = settings.LANGUAGE_CODE
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="{filename_stem}-{language_code}-{stamp}.csv"'
    )
    response["X-Content-Type-Options"] = "nosniff"
    response.write("\ufeff")
    csv.writer(response).writerows(commitment_rows(agreements, language_code))
    return response
