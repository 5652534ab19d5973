from gorgan.kit import dependencies, identity
from gorgan.kit.parts import SiteChrome


def site(request):
    """``site_identity``, ``site_services`` and the stored ``site_chrome``, read only when
    used, and once per request however many templates (parts) the page renders."""
    if request is None:
        return {"site_identity": identity.site_identity(), "site_services": identity.services()}
    site_context = getattr(request, "site_context", None)
    if site_context is None:
        site_context = request.site_context = {
            "site_identity": dependencies.ReadOnce(identity.site_identity),
            "site_services": dependencies.ReadOnce(identity.services),
            "site_chrome": SiteChrome(request),
        }
    return site_context
