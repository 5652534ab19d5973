"""The demo's site identity and e-services (``gorgan/demo/site.toml``)."""

import tomllib
from pathlib import Path

from gorgan.kit.translated import set_translations
from gorgan.models import Service, SiteIdentity

DATA = Path(__file__).resolve().parent / "demo" / "site.toml"


def load(reset=False):
    """Create the identity and services the demo lacks; ``reset`` puts back the demo's text.

    Services are found again by their URL. Returns the number of demo services.
    """
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    identity = SiteIdentity.objects.filter(pk=SiteIdentity.SINGLETON_PK).first()
    if identity is None or reset:
        identity = identity or SiteIdentity()
        entry = data["identity"]
        identity.phone, identity.email = entry["phone"], entry["email"]
        set_translations(identity, entry["translations"])
        identity.save()
    for order, entry in enumerate(data["services"]):
        service = Service.objects.filter(url=entry["url"]).first()
        if service is not None and not reset:
            continue
        service = service or Service(url=entry["url"])
        service.icon = entry["icon"]
        service.order = order
        service.active = True
        set_translations(service, entry["translations"])
        service.save()
    return len(data["services"])
