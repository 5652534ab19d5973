import functools

from django.template.loader import render_to_string

from gorgan.kit import dependencies, identity
from gorgan.kit.parts import stored_parts

CHROME_TEMPLATES = {
    "header": "includes/_site_header.html",
    "services": "includes/_services.html",
    "footer": "includes/_footer.html",
}


class SiteChrome:
    """The header, services and footer around every page, read together in one query.

    They change only when the site's identity or services do, so they are stored parts
    (``gorgan.kit.parts``); the header marks the section the page belongs to.
    """

    def __init__(self, request):
        self.request = request

    @functools.cached_property
    def html(self):
        match = getattr(self.request, "resolver_match", None)
        section = match.namespace if match else ""

        def renderer(template_name):
            return lambda: render_to_string(template_name, {}, self.request)

        names = {part: f"site-{part}|{section}" for part in CHROME_TEMPLATES}
        found = stored_parts(
            self.request,
            {names[part]: renderer(template) for part, template in CHROME_TEMPLATES.items()},
        )
        return {part: found[name] for part, name in names.items()}

    @property
    def header(self):
        return self.html["header"]

    @property
    def services(self):
        return self.html["services"]

    @property
    def footer(self):
        return self.html["footer"]


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
