"""The site's identity and services as every page shows them.

Every public page prints the site name, slogan, contact block and the services list: one
query each, as plain data. Pages that show them depend on them (``gorgan.kit.dependencies``).
"""

import re
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from gorgan.kit import dependencies


@dataclass(frozen=True)
class Identity:
    name: str
    slogan: str
    address: str
    phone: str
    email: str
    language_code: str

    @property
    def phone_uri(self):
        """``tel:`` address of the phone number: digits and a leading plus only."""
        digits = re.sub(r"[^\d+]", "", self.phone)
        return f"tel:{digits}" if digits else ""


@dataclass(frozen=True)
class ServiceLink:
    title: str
    description: str
    url: str
    icon: str
    image_url: str
    language_code: str


def _languages(language_code):
    """The page's language first, then Persian, the language every item is written in."""
    return [language_code, settings.LANGUAGE_CODE]


def site_identity(language_code=None):
    """The site's name, slogan and contact block in ``language_code`` (Persian fallback)."""
    return _load_identity(language_code or translation.get_language())


def services(language_code=None):
    """Active services in order, each in ``language_code`` or else in Persian."""
    return _load_services(language_code or translation.get_language())


def _load_identity(language_code):
    model = apps.get_model("gorgan", "SiteIdentity")
    dependencies.shows(dependencies.key(model))  # also before an editor has created it
    languages = _languages(language_code)
    rows = {
        row.language_code: row
        for row in model._parler_meta.root_model.objects.filter(
            master_id=model.SINGLETON_PK, language_code__in=languages
        ).select_related("master")
    }
    row = next((rows[code] for code in languages if code in rows), None)
    if row is None:
        # Before an editor has filled it in, the site still names itself.
        with translation.override(language_code):
            return Identity(
                name=gettext("Gorgan Municipality"),
                slogan=gettext("A clean city"),
                address="",
                phone="",
                email="",
                language_code=language_code,
            )
    return Identity(
        name=row.name,
        slogan=row.slogan,
        address=row.address,
        phone=row.master.phone,
        email=row.master.email,
        language_code=row.language_code,
    )


def _load_services(language_code):
    model = apps.get_model("gorgan", "Service")
    dependencies.shows(dependencies.key(model))
    languages = _languages(language_code)
    chosen = {}
    rows = (
        model._parler_meta.root_model.objects.filter(
            master__active=True, language_code__in=languages
        )
        .select_related("master")
        .order_by("master__order", "master_id")
    )
    for row in rows:
        best = chosen.get(row.master_id)
        if best is None or languages.index(row.language_code) < languages.index(best.language_code):
            chosen[row.master_id] = row
    return [
        ServiceLink(
            title=row.title,
            description=row.description,
            url=row.master.url,
            icon=row.master.icon,
            image_url=row.master.image.url if row.master.image else "",
            language_code=row.language_code,
        )
        for row in chosen.values()
    ]
