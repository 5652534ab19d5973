"""Public agreements and their public commitments in the site search."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from gorgan.kit import search

from .models import Agreement, Commitment


class SisterCitySource(search.TranslatedDocumentSource):
    """Loads results with the translations of the page's language current."""

    def results(self, pks, query, language):
        objects = self.public_queryset(language).filter(pk__in=pks)
        results = {}
        with translation.override(language):
            for obj in objects:
                obj.set_current_language(language)
                results[obj.pk] = self.build_result(obj, query)
        return results


class AgreementSearch(SisterCitySource):
    kind = _("Agreement")
    date_field = "signed_on"

    def public_queryset(self, language):
        return (
            Agreement.objects.public()
            .filter(translations__language_code=language)
            .prefetch_related("translations")
        )

    def build_result(self, agreement, query):
        return search.Result(
            kind=self.kind,
            title=search.highlight(agreement.title, query),
            summary=search.summary(
                [agreement.summary, agreement.counterpart_bodies, agreement.signatories], query
            ),
            url=agreement.get_absolute_url(),
            date=agreement.signed_on,
            # Often only the year is known: shown as precisely as it is known.
            date_text=agreement.signed_on_display(),
        )


class CommitmentSearch(SisterCitySource):
    """Public commitments whose agreement is translated too: the link shows the language."""

    kind = _("Commitment")
    date_field = "agreement__signed_on"

    def public_queryset(self, language):
        return (
            Commitment.objects.public()
            .filter(
                translations__language_code=language,
                agreement__translations__language_code=language,
            )
            .select_related("agreement")
            .prefetch_related("translations", "agreement__translations")
        )

    def build_result(self, commitment, query):
        agreement = commitment.agreement
        agreement.set_current_language(commitment.get_current_language())
        return search.Result(
            kind=self.kind,
            title=search.highlight(commitment.title, query),
            summary=search.summary(
                [
                    commitment.description,
                    commitment.responsible_body,
                    commitment.get_sector_display(),
                ],
                query,
            ),
            url=f"{agreement.get_absolute_url()}#commitment-{commitment.pk}",
            date_text=" · ".join([agreement.title, str(commitment.get_sector_display())]),
        )
