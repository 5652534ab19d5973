from django.utils.functional import SimpleLazyObject

from gorgan import identity


def site(request):
    """``site_identity`` and ``site_services`` for every template, read only when used."""
    return {
        "site_identity": SimpleLazyObject(identity.site_identity),
        "site_services": SimpleLazyObject(identity.services),
    }
