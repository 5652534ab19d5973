"""The site's identity and services as every page shows them, served from the cache.

Every public page prints the site name, slogan, contact block and the services list. Reading
them costs nothing while the cache holds them (one entry per language) and one query each
when it does not; saving either model clears the entries (see ``gorgan.models``). The cached
values are plain data, so any cache backend can store them.
"""

import logging
import re
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext

from gorgan.kit import pagecache

logger = logging.getLogger(__name__)

CACHE_TIMEOUT = 24 * 60 * 60  # entries are cleared on every change; this only bounds a miss
IDENTITY_KEY = "gorgan:site-identity:{}"
SERVICES_KEY = "gorgan:services:{}"


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


def _cached(key, load):
    # A cache that cannot be reached must not take the pages down with it.
    try:
        value = cache.get(key)
    except Exception:
        logger.warning("Cache unavailable; reading %s from the database.", key, exc_info=True)
        return load()
    if value is None:
        value = load()
        try:
            cache.set(key, value, CACHE_TIMEOUT)
        except Exception:
            logger.warning("Cache unavailable; could not store %s.", key, exc_info=True)
    return value


def _forget(pattern):
    keys = [pattern.format(code) for code, _name in settings.LANGUAGES]
    try:
        cache.delete_many(keys)
    except Exception:
        logger.warning("Cache unavailable; could not clear %s.", pattern, exc_info=True)


def site_identity(language_code=None, request=None):
    """The site's name, slogan and contact block in ``language_code`` (Persian fallback).

    With a ``request``, kept in this process for the content generation it is rendered in,
    since every page's title reads it.
    """
    language_code = language_code or translation.get_language()
    key = IDENTITY_KEY.format(language_code)
    return pagecache.reused_per_generation(
        request, key, lambda: _cached(key, lambda: _load_identity(language_code))
    )


def services(language_code=None):
    """Active services in order, each in ``language_code`` or else in Persian."""
    language_code = language_code or translation.get_language()
    return _cached(SERVICES_KEY.format(language_code), lambda: _load_services(language_code))


def forget_site_identity():
    _forget(IDENTITY_KEY)


def forget_services():
    _forget(SERVICES_KEY)


def _load_identity(language_code):
    model = apps.get_model("gorgan", "SiteIdentity")
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
