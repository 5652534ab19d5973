"""Load the sister-city demo content; called by ``manage.py load_demo``. Safe to repeat.

Each loader creates what is missing and leaves what exists as staff edited it, unless
``reset`` asks for the demo values back.
"""

import datetime
from decimal import Decimal

from django.conf import settings

from newsroom.models import PressRelease

from . import demo_content
from .models import Agreement, Commitment, CommitmentUpdate, PartnerCity

# A date known only to the year or month is stored as a day inside that period (see
# gorgan.dates.format_partial_date). 1 July lies in the same Solar Hijri year as most of its
# Gregorian year (1 July 2018 is 10 Tir 1397), and the 15th is the middle of a month.
REPRESENTATIVE_MONTH = 7
REPRESENTATIVE_DAY = 15


def set_translations(obj, translations):
    for language, fields in translations.items():
        obj.set_current_language(language)
        for name, value in fields.items():
            setattr(obj, name, value)
    obj.set_current_language(settings.LANGUAGE_CODE)


def partial_date(year, month=None, day=None):
    """``(date, precision)`` for a date of which only the year, or year and month, is known."""
    if year is None:
        return None, Agreement.DatePrecision.DAY
    if month is None:
        return datetime.date(year, REPRESENTATIVE_MONTH, 1), Agreement.DatePrecision.YEAR
    if day is None:
        return datetime.date(year, month, REPRESENTATIVE_DAY), Agreement.DatePrecision.MONTH
    return datetime.date(year, month, day), Agreement.DatePrecision.DAY


def load_partner_city(entry, reset=False):
    city = PartnerCity.objects.filter(slug=entry["slug"]).first()
    if city is not None and not reset:
        return city
    city = city or PartnerCity(slug=entry["slug"])
    city.country = entry["country"]
    city.website = entry["website"]
    city.latitude = Decimal(entry["latitude"]) if entry.get("latitude") else None
    city.longitude = Decimal(entry["longitude"]) if entry.get("longitude") else None
    set_translations(city, entry["translations"])
    city.save()
    return city


def load_agreement(entry, city, related_releases, reset=False):
    agreement = Agreement.objects.filter(
        translations__language_code=settings.LANGUAGE_CODE, translations__slug=entry["slug"]
    ).first()
    if agreement is not None and not reset:
        return agreement
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
    agreement.related_releases.add(*related_releases)
    return agreement


def load_commitment(entry, agreement, order, reset=False):
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


def load_sister_cities(related_short_codes=(), reset=False):
    """Guangzhou, the sister-city agreement and its commitments; returns the agreement."""
    city = load_partner_city(demo_content.PARTNER_CITY, reset)
    releases = PressRelease.objects.filter(short_code__in=related_short_codes)
    agreement = load_agreement(demo_content.AGREEMENT, city, releases, reset)
    for order, entry in enumerate(demo_content.COMMITMENTS, start=1):
        load_commitment(entry, agreement, order, reset)
    return agreement
