"""Parts of public pages rendered once and stored in the database until what they show changes.

An article's text with its pictures, tags, boxes and metadata changes only when something it
shows is saved; rendering it costs far more than reading it back. So apps render such parts
through :func:`stored_parts`, which reads every part a page needs in one query and renders
(and stores) only the missing ones. A part is deleted when anything it showed changes
(``gorgan.kit.dependencies``), so a stored part is as fresh as a rendered one, and a page
that uses it depends on what the part shows, as if it had rendered it.

Apps can store parts ahead of readers (when a release is saved): then even a page nobody has
asked for since is one or two queries and a thin template.
"""

import functools
import hashlib
import logging
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from gorgan.kit import dependencies

logger = logging.getLogger(__name__)


@functools.cache
def code_version():
    """A digest of the templates, code and compiled catalogs that render parts: a deployment
    that changes any of them renders every part anew rather than reuse the old HTML."""
    digest = hashlib.sha256()
    root = Path(settings.BASE_DIR)
    folders = [Path(config.path) for config in apps.get_app_configs()]
    folders = [root / "templates", root / "locale"] + [
        folder for folder in folders if folder.is_relative_to(root)
    ]
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".py", ".html", ".mo") and path.is_file():
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def part_key(request, name):
    """The stored key of part ``name`` in the active language, for the request's site."""
    source = "|".join(
        (name, translation.get_language(), request.scheme, request.get_host(), code_version())
    )
    return hashlib.sha256(source.encode()).hexdigest()


CHROME_TEMPLATES = {
    "header": "includes/_site_header.html",
    "services": "includes/_services.html",
    "footer": "includes/_footer.html",
}


class SiteChrome:
    """The header, services and footer around every page.

    They change only when the site's identity or services do, so they are stored parts; the
    header marks the section the page belongs to. A page that reads parts of its own gets
    these in the same query (see :func:`stored_parts`).
    """

    def __init__(self, request):
        self.request = request

    def renders(self):
        match = getattr(self.request, "resolver_match", None)
        section = match.namespace if match else ""

        def renderer(template_name):
            return lambda: render_to_string(template_name, {}, self.request)

        return {
            f"site-{part}|{section}": (part, renderer(template))
            for part, template in CHROME_TEMPLATES.items()
        }

    @functools.cached_property
    def html(self):
        found = getattr(self.request, "site_chrome_html", None)
        if found is None:
            stored_parts(self.request, {})
            found = self.request.site_chrome_html
        return found

    @property
    def header(self):
        return self.html["header"]

    @property
    def services(self):
        return self.html["services"]

    @property
    def footer(self):
        return self.html["footer"]


def stored_parts(request, renders):
    """``{name: html}`` for ``renders`` (``{name: render}``), stored parts read in one query.

    A missing part is rendered by its ``render()`` and stored, unless what it shows changed
    while it rendered (or the shared cache that says so is unreachable). The site's header,
    services and footer come in the same query, for the page to show (``SiteChrome``).
    """
    chrome = {}
    if not hasattr(request, "site_chrome_html"):
        chrome = SiteChrome(request).renders()
        renders = renders | {name: render for name, (_part, render) in chrome.items()}
    if not settings.STORED_PARTS:
        found = {name: render() for name, render in renders.items()}
    else:
        found = read_or_render(request, renders)
    if chrome:
        request.site_chrome_html = {part: found.pop(name) for name, (part, _r) in chrome.items()}
    return found


def read_or_render(request, renders):
    from gorgan.models import StoredPart

    found = {}
    keys = {part_key(request, name): name for name in renders}
    rows = (
        StoredPart.objects.current().filter(key__in=keys).values_list("key", "dependencies", "html")
    )
    for key, shown, html in rows:
        found[keys[key]] = mark_safe(html)  # stored as rendered by a template
        dependencies.shows(*shown.split())
    for key, name in keys.items():
        if name not in found:
            found[name] = render_and_store(key, renders[name])
    return found


def render_and_store(key, render):
    start = dependencies.clock()
    with dependencies.recording() as shown:
        html = render()
    if start is not None:
        store(key, html, shown, start)
    return html


def store(key, html, shown, start):
    from gorgan.models import StoredPart, StoredPartDependency

    moment = (
        dependencies.next_publication_timestamp()
        if any(dependencies.is_collection(k) for k in shown)
        else None
    )
    try:
        with transaction.atomic():
            part = StoredPart.objects.create(
                key=key,
                html=html,
                dependencies=" ".join(sorted(shown)),
                expires_at=datetime.fromtimestamp(moment, UTC) if moment else None,
            )
            StoredPartDependency.objects.bulk_create(
                StoredPartDependency(part=part, dependency=k) for k in shown
            )
    except IntegrityError:  # another process stored it meanwhile
        return
    # Stored first, checked second: a change that committed before this check has bumped its
    # versions (and this part goes); one after it deletes the part itself.
    try:
        stale = dependencies.changed_since(start, dependencies.versions(shown, start))
    except Exception:
        logger.warning("Shared cache unreachable: a part just stored is dropped.", exc_info=True)
        stale = True
    if stale:
        StoredPart.objects.filter(pk=part.pk).delete()
