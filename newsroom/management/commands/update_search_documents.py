"""Rebuild the search documents of every press release translation."""

from django.core.management.base import BaseCommand

from newsroom.indexing import update_search_documents
from newsroom.models import PressRelease


class Command(BaseCommand):
    help = (
        "Recompute the normalised search document of every press release translation, e.g. "
        "after a bulk import that bypassed the models' save()."
    )

    def handle(self, *args, **options):
        ids = PressRelease.objects.order_by("pk").values_list("pk", flat=True)
        count = update_search_documents(ids.iterator())
        self.stdout.write(self.style.SUCCESS(f"Updated {count} search documents."))
