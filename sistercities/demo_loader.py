"""The sister-city demo (``sistercities/demo/sistercities.toml``): Guangzhou, the
sister-city agreement, its commitments and their updates, written through the models."""

import datetime
import tomllib
from decimal import Decimal
from pathlib import Path

from django.conf import settings

from gorgan.kit.translated import set_translations
from newsroom.models import PressRelease

from .models import Agreement, Commitment, CommitmentUpdate, PartnerCity

DATA = Path(__file__).resolve().parent / "demo" / "sistercities.toml"

# A date known only to the year or month is stored as a day inside that period (see
# gorgan.kit.dates.format_partial_date). 1 July lies in the same Solar Hijri year as most of its
# Gregorian year (1 July 2018 is 10 Tir 1397), and the 15th is the middle of a month.
REPRESENTATIVE_MONTH = 7
REPRESENTATIVE_DAY = 15


def partial_date(year, month=None, day=None):
    """``(date, precision)`` for a date of which only the year, or year and month, is known."""
    if year is None:
        return None, Agreement.DatePrecision.DAY
    if month is None:
        return datetime.date(year, REPRESENTATIVE_MONTH, 1), Agreement.DatePrecision.YEAR
    if day is None:
        return datetime.date(year, month, REPRESENTATIVE_DAY), Agreement.DatePrecision.MONTH
    return datetime.date(year, month, day), Agreement.DatePrecision.DAY


def load_partner_city(entry, reset):
    city = PartnerCity.objects.filter(slug=entry["slug"]).first()
    if city is None or reset:
        city = city or PartnerCity(slug=entry["slug"])
        city.country = entry["country"]
        city.website = entry["website"]
        city.latitude = Decimal(entry["latitude"]) if entry.get("latitude") else None
        city.longitude = Decimal(entry["longitude"]) if entry.get("longitude") else None
        set_translations(city, entry["translations"])
        city.save()
    return city


def load_agreement(entry, city, reset):
    agreement = Agreement.objects.filter(
        translations__language_code=settings.LANGUAGE_CODE, translations__slug=entry["slug"]
    ).first()
    if agreement is None or reset:
        agreement = agreement or Agreement(partner_city=city)
        agreement.partner_city = city
        agreement.kind = entry["kind"]
        agreement.status = entry["status"]
        agreement.signed_on, agreement.signed_on_precision = partial_date(
            entry.get("signed_year"), entry.get("signed_month"), entry.get("signed_day")
        )
        set_translations(
            agreement,
            {
                language: {"slug": entry["slug"], **fields}
                for language, fields in entry["translations"].items()
            },
        )
        agreement.save()
        related = PressRelease.objects.filter(short_code__in=entry.get("related_releases", []))
        agreement.related_releases.add(*related)
    return agreement


def load_commitment(entry, agreement, order, reset):
    """One commitment, found again by its place in the list; its status follows its updates."""
    commitment = Commitment.objects.filter(agreement=agreement, order=order).first()
    if commitment is not None and not reset:
        return commitment
    if commitment is None:
        commitment = Commitment(agreement=agreement, order=order, status=entry["status"])
    commitment.sector = entry["sector"]
    commitment.target_date = (
        datetime.date.fromisoformat(entry["target_date"]) if entry.get("target_date") else None
    )
    set_translations(commitment, entry["translations"])
    commitment.save()
    for update_entry in entry.get("updates", []):
        date = datetime.date.fromisoformat(update_entry["date"])
        update = commitment.updates.filter(date=date, status=update_entry["status"]).first()
        update = update or CommitmentUpdate(
            commitment=commitment, date=date, status=update_entry["status"]
        )
        set_translations(
            update, {language: {"note": note} for language, note in update_entry["note"].items()}
        )
        update.save()
    return commitment


def load(reset=False):
    """Create what the sister-city demo lacks; ``reset`` puts back the demo's own values.

    Returns the agreement.
    """
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    city = load_partner_city(data["partner_city"], reset)
    agreement = load_agreement(data["agreement"], city, reset)
    for order, entry in enumerate(data["commitments"], start=1):
        load_commitment(entry, agreement, order, reset)
    return agreement
