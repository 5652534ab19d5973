"""Rebuild the search documents of every agreement and commitment translation."""

from django.core.management.base import BaseCommand

from sistercities.indexing import update_agreement_documents, update_commitment_documents
from sistercities.models import Agreement, Commitment


class Command(BaseCommand):
    help = (
        "Recompute the normalised search document of every agreement and commitment "
        "translation, e.g. after a bulk import that bypassed the models' save() or after the "
        "sector labels were retranslated."
    )

    def handle(self, *args, **options):
        agreements = Agreement.objects.order_by("pk").values_list("pk", flat=True)
        commitments = Commitment.objects.order_by("pk").values_list("pk", flat=True)
        count = update_agreement_documents(agreements.iterator())
        count += update_commitment_documents(commitments.iterator())
        self.stdout.write(self.style.SUCCESS(f"Updated {count} search documents."))
