"""CSV export of agreements' commitments, for reports, in one chosen language."""

import csv

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


def commitment_rows(agreements, language_code):
    """The header and one row per commitment of ``agreements``, texts in ``language_code``.

    Texts missing in that language fall back to Persian; dates are in that language's calendar,
    each followed by the same date as ``YYYY-MM-DD`` (Gregorian, Latin digits), which
    spreadsheets read as a date and can sort.
    """
    with translation.override(language_code):
        commitments = list(
            Commitment.objects.filter(agreement__in=agreements)
            .select_related("agreement__partner_city")
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
        yes, no = _("Yes"), _("No")
        rows = [_header()]
        for commitment in commitments:
            update = latest.get(commitment.pk)
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
