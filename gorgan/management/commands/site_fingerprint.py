import hashlib
import json
import re
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.test import Client, override_settings

from newsroom.models import PressRelease

# Per-request values that differ between two renderings of the same content.
VOLATILE = re.compile(rb'(csrfmiddlewaretoken" value="|nonce=")[^"]*')


class Command(BaseCommand):
    help = (
        "Print, as JSON, the row count of every table, a hash of a few rendered pages and of "
        "the media files. Two databases holding the same site print the same fingerprint; the "
        "restore drill (deploy/restore_drill.sh) compares a backup's copy with the original."
    )

    def handle(self, **options):
        fingerprint = {
            "rows": self.row_counts(),
            "pages": self.page_hashes(),
            "media": self.media_hash(Path(settings.MEDIA_ROOT)),
        }
        self.stdout.write(json.dumps(fingerprint, indent=2, sort_keys=True, ensure_ascii=False))

    def row_counts(self):
        return {
            model._meta.label: model._base_manager.count()
            for model in apps.get_models()
            if model._meta.managed and not model._meta.proxy
        }

    # Every page is rendered from the database: two databases that share one Redis (the drill's
    # original and its restored copy) would otherwise get each other's cached pages and parts.
    @override_settings(
        CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}},
        PAGE_CACHE_SECONDS=0,
        STORED_PARTS=False,
    )
    def page_hashes(self):
        host = next((h.lstrip(".") for h in settings.ALLOWED_HOSTS if h != "*"), "localhost")
        client = Client(HTTP_HOST=host)
        urls = ["/fa/", "/en/", "/fa/news/", "/zh-hans/news/"]
        release = (
            PressRelease.objects.published().prefetch_related("translations").order_by("pk").first()
        )
        if release is not None:
            urls += [release.get_absolute_url(code) for code, _name in settings.LANGUAGES]
        pages = {}
        for url in urls:
            response = client.get(url, secure=True)
            body = VOLATILE.sub(rb"\1", response.content)
            pages[url] = f"{response.status_code} sha256:{hashlib.sha256(body).hexdigest()}"
        return pages

    def media_hash(self, root):
        digest, count = hashlib.sha256(), 0
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []
        for path in files:
            digest.update(str(path.relative_to(root)).encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
            count += 1
        return f"{count} files sha256:{digest.hexdigest()}"
