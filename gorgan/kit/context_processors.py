from django.utils.functional import SimpleLazyObject

from gorgan.kit import identity


def site(request):
    """``site_identity`` and ``site_services`` for every template, read only when used."""
    return {
        "site_identity": SimpleLazyObject(lambda: identity.site_identity(request=request)),
        "site_services": SimpleLazyObject(identity.services),
    }
