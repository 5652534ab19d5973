"""The sister cities in the read API: partner cities, agreements, commitments, their updates,
and each agreement's tracker as open data (CSV and JSON).

Every agreement comes from ``Agreement.objects.public()`` and every commitment from
``Commitment.objects.public()``: agreements under negotiation, and commitments kept internal,
never appear.
"""

from django.db.models import Prefetch
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.functional import classproperty
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError

from gorgan.kit import api
from gorgan.kit.api import LANGUAGE_PARAMETER, code_label, show_in_language, with_language

from .export import tracker_csv, tracker_records
from .models import Agreement, Commitment, CommitmentUpdate, PartnerCity
from .serializers import (
    AgreementSerializer,
    CommitmentSerializer,
    PartnerCitySerializer,
    TrackerSerializer,
)
from .tracker import Progress

TRACKER_SCHEMA_VERSION = 1


def api_path(name, language, **kwargs):
    return with_language(reverse(f"api:{name}", kwargs=kwargs or None), language)


def public_agreement_id(name, value):
    """The public agreement whose id is ``value`` (a query parameter), or a 400."""
    agreement = None
    if value.isdecimal() and len(value) <= 18:
        agreement = Agreement.objects.public().filter(pk=int(value)).first()
    if agreement is None:
        raise ValidationError({name: _("No public agreement has the id “%s”.") % value})
    return agreement


def releases_of_agreement(releases, value):
    """The release list's ``?agreement=`` filter: releases related to a public agreement."""
    return releases.filter(agreements=public_agreement_id("agreement", value))


# --- The data of each answer ---


def agreement_summary(agreement, language, absolute):
    show_in_language(agreement, language)
    return {
        "id": agreement.pk,
        "title": agreement.title,
        "api_url": absolute(api_path("agreement-detail", language, pk=agreement.pk)),
    }


def partner_city_data(city, language, absolute):
    content_language, is_fallback = show_in_language(city, language)
    with translation.override(language):
        country_name = str(city.country.name)
        url = absolute(city.get_absolute_url())
    return {
        "slug": city.slug,
        "name": city.name,
        "region": city.region,
        "description": city.description,
        "language": content_language,
        "is_fallback": is_fallback,
        "country": {"code": city.country.code, "name": country_name},
        "website": city.website or None,
        "latitude": float(city.latitude) if city.latitude is not None else None,
        "longitude": float(city.longitude) if city.longitude is not None else None,
        "url": url,
        "api_url": absolute(api_path("partner-city-detail", language, slug=city.slug)),
        "agreements": [
            agreement_summary(agreement, language, absolute) for agreement in city.public
        ],
        "translations": api.translation_statuses(city),
    }


def agreement_data(agreement, language, absolute):
    content_language, is_fallback = show_in_language(agreement, language)
    city = agreement.partner_city
    show_in_language(city, language)
    progress = Progress(agreement.commitment_count, agreement.completed_count)
    precision = agreement.signed_on_precision
    available = agreement.get_available_languages()
    tracker = reverse("api:agreement-tracker-csv", kwargs={"pk": agreement.pk})
    return {
        "id": agreement.pk,
        "slug": agreement.slug,
        "title": agreement.title,
        "summary": agreement.summary,
        "signed_at_place": agreement.signed_at_place,
        "signatories": agreement.signatories,
        "counterpart_bodies": agreement.counterpart_bodies,
        "language": content_language,
        "is_fallback": is_fallback,
        "kind": code_label(agreement, "kind"),
        "status": code_label(agreement, "status"),
        "signed_on": agreement.signed_on_machine() or None,
        "signed_on_solar_hijri": api.solar_hijri(agreement.signed_on, precision),
        "signed_on_precision": precision,
        "updated_at": api.iso_datetime(agreement.updated_at),
        "partner_city": {
            "slug": city.slug,
            "name": city.name,
            "api_url": absolute(api_path("partner-city-detail", language, slug=city.slug)),
        },
        "progress": {
            "total": progress.total,
            "completed": progress.completed,
            "percent": progress.percent,
        },
        "url": absolute(agreement.get_absolute_url(language)),
        "api_url": absolute(api_path("agreement-detail", language, pk=agreement.pk)),
        "document_url": (
            absolute(agreement.get_document_url(language)) if agreement.document else None
        ),
        "commitments_url": absolute(
            f"{api_path('commitment-list', language)}&agreement={agreement.pk}"
        ),
        "releases_url": absolute(f"{api_path('release-list', language)}&agreement={agreement.pk}"),
        "tracker_csv_url": absolute(with_language(tracker, language)),
        "tracker_json_url": absolute(api_path("agreement-tracker-json", language, pk=agreement.pk)),
        "translations": api.translation_statuses(
            agreement,
            lambda code: absolute(agreement.get_absolute_url(code)) if code in available else None,
        ),
    }


def update_data(update, language):
    note_language, _is_fallback = show_in_language(update, language)
    return {
        "date": update.date.isoformat(),
        "date_solar_hijri": api.solar_hijri(update.date),
        "status": code_label(update, "status"),
        "note": update.note,
        "note_language": note_language,
    }


def commitment_data(commitment, language, absolute):
    content_language, is_fallback = show_in_language(commitment, language)
    return {
        "id": commitment.pk,
        "agreement": agreement_summary(commitment.agreement, language, absolute),
        "order": commitment.order,
        "title": commitment.title,
        "description": commitment.description,
        "responsible_body": commitment.responsible_body,
        "language": content_language,
        "is_fallback": is_fallback,
        "sector": code_label(commitment, "sector"),
        "status": code_label(commitment, "status"),
        "target_date": commitment.target_date.isoformat() if commitment.target_date else None,
        "target_date_solar_hijri": api.solar_hijri(commitment.target_date),
        "is_overdue": commitment.is_overdue,
        "api_url": absolute(api_path("commitment-detail", language, pk=commitment.pk)),
        "updates": [update_data(update, language) for update in commitment.updates.all()],
        "translations": api.translation_statuses(commitment),
    }


# --- Querysets ---


def public_agreements():
    return (
        Agreement.objects.public()
        .with_progress()
        .select_related("partner_city")
        .prefetch_related("translations", "partner_city__translations")
    )


def public_partner_cities():
    """Cities with a public agreement, each with its public agreements (``public``)."""
    agreements = Agreement.objects.public().prefetch_related("translations").order_by("pk")
    return PartnerCity.objects.filter(
        pk__in=Agreement.objects.public().values("partner_city")
    ).prefetch_related(
        "translations", Prefetch("agreements", queryset=agreements, to_attr="public")
    )


def public_commitments():
    updates = CommitmentUpdate.objects.prefetch_related("translations").order_by("-date", "-pk")
    return (
        Commitment.objects.public()
        .select_related("agreement")
        .prefetch_related(
            "translations", "agreement__translations", Prefetch("updates", queryset=updates)
        )
    )


class AgreementFilters:
    own = (
        (
            "updated_since",
            "Only agreements edited at or after this moment (ISO 8601, as for releases).",
        ),
    )

    def filter_queryset(self, request, agreements, view):
        if value := request.GET.get("updated_since"):
            moment = api.parse_moment("updated_since", value)
            agreements = api.modified_since(agreements, moment, "updated_at")
        return agreements

    def get_schema_operation_parameters(self, view):
        return [
            {"name": name, "in": "query", "required": False, "description": text,
             "schema": {"type": "string"}}
            for name, text in self.own
        ]  # fmt: skip


class CommitmentFilters:
    own = (("agreement", "Only commitments of the public agreement with this id."),)

    def filter_queryset(self, request, commitments, view):
        if value := request.GET.get("agreement"):
            commitments = commitments.filter(agreement=public_agreement_id("agreement", value))
        return commitments

    get_schema_operation_parameters = AgreementFilters.get_schema_operation_parameters


# --- Views ---


class PartnerCityList(api.ApiListView):
    """Partner cities with at least one public agreement."""

    serializer_class = PartnerCitySerializer

    def get_queryset(self):
        return public_partner_cities()

    def item_data(self, city):
        return partner_city_data(city, self.language, self.absolute)


class PartnerCityDetail(api.ApiDetailView):
    serializer_class = PartnerCitySerializer

    def get_object(self):
        city = public_partner_cities().filter(slug=self.kwargs["slug"]).first()
        if city is None:
            raise Http404(_("No partner city with a public agreement has this slug."))
        return city

    def item_data(self, city):
        return partner_city_data(city, self.language, self.absolute)


class AgreementList(api.ApiListView):
    """Public agreements (every status but "under negotiation"), by id."""

    serializer_class = AgreementSerializer
    filter_backends = (AgreementFilters,)
    page_parameters = (LANGUAGE_PARAMETER, "cursor", "limit", "updated_since")

    def get_queryset(self):
        return public_agreements()

    def item_data(self, agreement):
        return agreement_data(agreement, self.language, self.absolute)


class PublicAgreementMixin:
    def get_object(self):
        agreement = public_agreements().filter(pk=self.kwargs["pk"]).first()
        if agreement is None:
            raise Http404(_("No public agreement has this id."))
        return agreement


class AgreementDetail(PublicAgreementMixin, api.ApiDetailView):
    serializer_class = AgreementSerializer

    def item_data(self, agreement):
        return agreement_data(agreement, self.language, self.absolute)

    def last_modified(self, agreement):
        return agreement.updated_at


class CommitmentList(api.ApiListView):
    """Public commitments of public agreements, by id, each with its updates."""

    serializer_class = CommitmentSerializer
    filter_backends = (CommitmentFilters,)

    @classproperty
    def page_parameters(cls):
        return (LANGUAGE_PARAMETER, "cursor", "limit", "agreement")

    def get_queryset(self):
        return public_commitments()

    def item_data(self, commitment):
        return commitment_data(commitment, self.language, self.absolute)


class CommitmentDetail(api.ApiDetailView):
    serializer_class = CommitmentSerializer

    def get_object(self):
        commitment = public_commitments().filter(pk=self.kwargs["pk"]).first()
        if commitment is None:
            raise Http404(_("No public commitment has this id."))
        return commitment

    def item_data(self, commitment):
        return commitment_data(commitment, self.language, self.absolute)


def download_name(agreement, language, extension):
    return f"gorgan-agreement-{agreement.pk}-commitments-{language}.{extension}"


class AgreementTrackerCSV(PublicAgreementMixin, api.ApiView):
    """Open data: an agreement's public commitments as CSV (UTF-8 with a byte-order mark).

    One row per commitment; the columns are the keys of the JSON download, in its order.
    """

    @extend_schema(
        responses={(200, "text/csv"): OpenApiResponse(OpenApiTypes.STR)},
        summary="An agreement's commitment tracker as CSV",
        operation_id="agreements_tracker_csv",
    )
    def get(self, request, *args, **kwargs):
        agreement = self.get_object()
        records = tracker_records(
            Commitment.objects.public().filter(agreement=agreement), self.language
        )
        response = HttpResponse(tracker_csv(records), content_type="text/csv; charset=utf-8")
        name = download_name(agreement, self.language, "csv")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


class AgreementTrackerJSON(PublicAgreementMixin, api.ApiView):
    """Open data: an agreement's public commitments as one JSON file."""

    serializer_class = TrackerSerializer

    @extend_schema(
        responses=TrackerSerializer,
        summary="An agreement's commitment tracker as JSON",
        operation_id="agreements_tracker_json",
    )
    def get(self, request, *args, **kwargs):
        agreement = self.get_object()
        records = tracker_records(
            Commitment.objects.public().filter(agreement=agreement), self.language
        )
        data = TrackerSerializer(
            {
                "schema_version": TRACKER_SCHEMA_VERSION,
                "language": self.language,
                "agreement": agreement_summary(agreement, self.language, self.absolute),
                "commitments": records,
            }
        ).data
        response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
        name = download_name(agreement, self.language, "json")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
