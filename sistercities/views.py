from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.generic import DetailView, ListView

from gorgan.kit.slugs import TranslatedSlugMixin, translated_page_context
from newsroom.models import PressRelease

from .metadata import agreement_page_meta, index_page_meta
from .models import Agreement, Commitment, CommitmentUpdate, PartnerCity
from .tracker import Tracker

TIMELINE_LENGTH = 10


class PartnerCityListView(ListView):
    """Every partner city with its public agreements and their progress."""

    template_name = "sistercities/partnercity_list.html"
    context_object_name = "partner_cities"

    def get_queryset(self):
        agreements = (
            Agreement.objects.public().with_progress().prefetch_related("translations")
        ).order_by("-signed_on", "-pk")
        return (
            PartnerCity.objects.filter(agreements__in=Agreement.objects.public())
            .distinct()
            .prefetch_related(
                "translations", Prefetch("agreements", queryset=agreements, to_attr="public")
            )
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_meta=index_page_meta(), **kwargs)


class PublicAgreementMixin(TranslatedSlugMixin):
    """Views of one public agreement, addressed by its slug in the page's language."""

    not_found_message = "No public agreement with this address."

    def get_queryset(self):
        return (
            Agreement.objects.public()
            .select_related("partner_city")
            .prefetch_related("translations", "partner_city__translations")
        )

    def find_by_slug(self, slug, language_code):
        return (
            self.get_queryset()
            .filter(translations__language_code=language_code, translations__slug=slug)
            .first()
        )


class AgreementDetailView(PublicAgreementMixin, DetailView):
    """An agreement's progress tracker, filtered by ``?sector=`` and ``?status=`` links."""

    template_name = "sistercities/agreement_detail.html"
    page_parameters = ("sector", "status")
    context_object_name = "agreement"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        agreement = self.object
        commitments = {
            commitment.pk: commitment
            for commitment in Commitment.objects.public()
            .filter(agreement=agreement)
            .prefetch_related("translations")
        }
        tracker = Tracker(commitments.values(), self.request.GET)
        timeline = list(
            CommitmentUpdate.objects.filter(commitment__in=list(commitments))
            .prefetch_related("translations")
            .order_by("-date", "-pk")[:TIMELINE_LENGTH]
        )
        for update in timeline:
            # Already fetched above: no query per update for its commitment.
            update.commitment = commitments[update.commitment_id]
        releases = (
            PressRelease.objects.published()
            .in_language()
            .filter(agreements=agreement)
            .prefetch_related("translations")
            .newest_first()
        )
        context.update(translated_page_context(agreement, reverse_index))
        context.update(
            tracker=tracker,
            timeline=timeline,
            releases=releases,
            page_meta=agreement_page_meta(
                self.request, agreement, context["is_fallback"], tracker.is_filtered
            ),
        )
        return context


def reverse_index(language_code):
    with translation.override(language_code):
        return reverse("sistercities:index")


class AgreementDocumentView(PublicAgreementMixin, DetailView):
    """The signed document of a public agreement, always as a download.

    Staff who may view agreements also reach the documents of agreements under negotiation:
    the admin links here rather than to the stored file.
    """

    def get_queryset(self):
        if self.request.user.has_perm("sistercities.view_agreement"):
            return Agreement.objects.select_related("partner_city").prefetch_related(
                "translations", "partner_city__translations"
            )
        return super().get_queryset()

    def get(self, request, *args, **kwargs):
        agreement = self.get_object()
        if not agreement.document:
            raise Http404("This agreement has no document.")
        try:
            document = agreement.document.open("rb")
        except FileNotFoundError as error:
            # E.g. a version restored after its file was replaced; never a server error.
            raise Http404("The document file is missing.") from error
        response = FileResponse(
            document,
            as_attachment=True,
            filename=agreement.document_filename(),
            content_type="application/pdf",
        )
        response["X-Content-Type-Options"] = "nosniff"
        if not agreement.is_public:
            patch_cache_control(response, private=True, no_store=True)
        return response
