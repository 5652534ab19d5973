import datetime

import reversion
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, Q
from django.forms.models import BaseInlineFormSet
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from parler.admin import TranslatableAdmin, TranslatableTabularInline
from parler.forms import TranslatableModelForm
from reversion.admin import VersionAdmin

from gorgan.kit.admin_dates import (
    DATE_FIELD_OVERRIDES,
    PRECISIONS,
    LocalCalendarAdminMixin,
    LocalPartialDateField,
    LocalPartialDateInput,
    date_display,
    example,
)
from gorgan.kit.admin_editor import WritingDirectionAdminMixin
from gorgan.kit.admin_history import ChangeMessageAdminMixin, VersionHistoryAdminMixin
from gorgan.kit.admin_roles import TranslationAccessMixin
from gorgan.kit.translation_admin import TranslationStatusAdminMixin
from newsroom.admin import PressReleaseAdmin
from newsroom.models import PressRelease

from . import history
from .export import commitments_csv_response
from .models import Agreement, Commitment, CommitmentUpdate, OverdueCommitment, PartnerCity


def overdue_changelist_url(agreement=None):
    url = reverse("admin:sistercities_commitment_changelist") + "?overdue=yes"
    return f"{url}&agreement__id__exact={agreement.pk}" if agreement else url


class OverdueFilter(admin.SimpleListFilter):
    title = _("overdue")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", _("Overdue")), ("no", _("Not overdue"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.overdue()
        if self.value() == "no":
            return queryset.exclude(pk__in=queryset.overdue().values("pk"))
        return queryset


class TranslatedObjectFilter(admin.SimpleListFilter):
    """Filter by a related translated object, naming the choices in two queries in all."""

    related_model = None
    field_path = None

    def lookups(self, request, model_admin):
        return [
            (str(obj.pk), str(obj))
            for obj in self.related_model.objects.prefetch_related("translations")
        ]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        try:
            return queryset.filter(**{self.field_path: int(self.value())})
        except ValueError as error:
            raise IncorrectLookupParameters(error) from error


class PartnerCityFilter(TranslatedObjectFilter):
    title = _("partner city")
    parameter_name = "partner_city"
    related_model = PartnerCity
    field_path = "partner_city_id"


class CommitmentPartnerCityFilter(PartnerCityFilter):
    field_path = "agreement__partner_city_id"


class AgreementFilter(TranslatedObjectFilter):
    title = _("agreement")
    parameter_name = "agreement__id__exact"
    related_model = Agreement
    field_path = "agreement_id"


@admin.register(PartnerCity)
class PartnerCityAdmin(TranslationAccessMixin, TranslationStatusAdminMixin, TranslatableAdmin):
    # An address typed without a scheme is taken as https (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["__str__", "country", "slug"]
    list_filter = ["country"]
    search_fields = ["translations__name", "slug"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    def get_prepopulated_fields(self, request, obj=None):
        return self.editable_prepopulated_fields(request, obj, {"slug": ("name",)})


class CommitmentInline(LocalCalendarAdminMixin, TranslatableTabularInline):
    model = Commitment
    fields = [
        "order",
        "title",
        "sector",
        "status",
        "target_date",
        "responsible_body",
        "is_public",
    ]
    extra = 0
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")


class ExportActionForm(ActionForm):
    language = forms.ChoiceField(
        label=_("Export language"), choices=settings.LANGUAGES, required=False
    )


class AgreementAdminForm(TranslatableModelForm):
    """The signing date is written as precisely as it is known: «۱۳۹۷», «۱۳۹۷/۰۴», a full date."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("signed_on")
        if field is None:
            return
        precision = self.initial.get("signed_on_precision") or Agreement.DatePrecision.DAY
        if self.is_bound:
            precision = self.data.get(self.add_prefix("signed_on_precision"), precision)
        field.widget.precision = precision if precision in PRECISIONS else "day"
        if "signed_on_precision" in self.fields:
            field.widget.attrs["data-precision-select"] = self["signed_on_precision"].auto_id
        field.help_text = _(
            "When only the year or the month is known, write just that (for example %(year)s "
            "or %(month)s) and choose the precision below."
        ) % {"year": example(precision="year"), "month": example(precision="month")}

    def clean(self):
        cleaned_data = super().clean()
        signed_on = cleaned_data.get("signed_on")
        precision = cleaned_data.get("signed_on_precision")
        if signed_on is None or precision not in PRECISIONS:
            return cleaned_data
        written = getattr(signed_on, "precision", "day")
        if PRECISIONS.index(written) < PRECISIONS.index(precision):
            self.add_error(
                "signed_on",
                _(
                    "This date is less precise than “%(precision)s”: complete it, or choose "
                    "the precision it has."
                )
                % {"precision": Agreement.DatePrecision(precision).label},
            )
            return cleaned_data
        if "signed_on" not in self.changed_data and self.initial.get("signed_on"):
            # The same period as before: keep the stored day rather than a new one inside it.
            cleaned_data["signed_on"] = self.initial["signed_on"]
        else:
            cleaned_data["signed_on"] = datetime.date(
                signed_on.year, signed_on.month, signed_on.day
            )
        return cleaned_data


@admin.register(Agreement)
class AgreementAdmin(
    WritingDirectionAdminMixin,
    TranslationAccessMixin,
    TranslationStatusAdminMixin,
    VersionHistoryAdminMixin,
    VersionAdmin,
    TranslatableAdmin,
):
    list_display = [
        "title_column",
        "partner_city",
        "kind",
        "status",
        "signed_column",
        "commitment_count",
        "overdue_column",
    ]
    list_filter = ["status", "kind", PartnerCityFilter]
    search_fields = ["translations__title", "partner_city__translations__name"]
    autocomplete_fields = ["partner_city", "related_releases"]
    readonly_fields = ["overdue_link", "export_links", "created_at_display", "updated_at_display"]
    inlines = [CommitmentInline]
    actions = ["export_commitments_csv"]
    action_form = ExportActionForm
    form = AgreementAdminForm
    formfield_overrides = {
        **DATE_FIELD_OVERRIDES,
        models.DateField: {"form_class": LocalPartialDateField, "widget": LocalPartialDateInput},
    }
    fieldsets = [
        (None, {"fields": ["title", "slug", "partner_city", "kind", "status", "summary"]}),
        (
            _("Signing"),
            {
                "fields": [
                    "signed_on",
                    "signed_on_precision",
                    "signed_at_place",
                    "signatories",
                    "counterpart_bodies",
                    "document",
                ]
            },
        ),
        (_("Press releases"), {"fields": ["related_releases"]}),
        (
            _("Follow-up"),
            {
                "fields": [
                    "overdue_link",
                    "export_links",
                    "created_at_display",
                    "updated_at_display",
                ]
            },
        ),
    ]

    recover_label = _("Recover deleted agreements")
    created_at_display = date_display("created_at", _("created at"))
    updated_at_display = date_display("updated_at", _("updated at"))

    def get_prepopulated_fields(self, request, obj=None):
        return self.editable_prepopulated_fields(request, obj, {"slug": ("title",)})

    def get_queryset(self, request):
        overdue = Q(
            commitments__target_date__lt=timezone.localdate(),
        ) & ~Q(commitments__status__in=Commitment.CLOSED_STATUSES)
        return (
            super()
            .get_queryset(request)
            .select_related("partner_city")
            .prefetch_related("translations", "partner_city__translations")
            .annotate(
                commitment_total=Count("commitments", distinct=True),
                overdue_total=Count("commitments", filter=overdue, distinct=True),
            )
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/export-commitments/<str:language>/",
                self.admin_site.admin_view(self.export_view),
                name="sistercities_agreement_export",
            ),
            *super().get_urls(),
        ]

    # History (gorgan.kit.admin_history); versions hold the commitments and their updates too.

    def compare_versions(self, older, newer):
        return history.compare(older, newer)

    def _reversion_revisionform_view(self, request, version, template_name, extra_context=None):
        request.restoring_version = True
        return super()._reversion_revisionform_view(request, version, template_name, extra_context)

    def get_object(self, request, object_id, from_field=None):
        agreement = super().get_object(request, object_id, from_field)
        if (
            getattr(request, "restoring_version", False)
            and agreement is not None
            and agreement.document
            and not agreement.document.storage.exists(agreement.document.name)
        ):
            # A replaced or deleted agreement's document file is removed (nothing is kept
            # that no agreement shows); the restored version must not point at it.
            agreement.document = ""
            messages.warning(
                request,
                _(
                    "The signed document of this version is no longer stored. After restoring, "
                    "upload the document again."
                ),
            )
        return agreement

    def export_view(self, request, pk, language):
        agreement = get_object_or_404(Agreement, pk=pk)
        if not self.has_view_permission(request, agreement):
            raise PermissionDenied
        return commitments_csv_response([agreement], language, f"commitments-{agreement.pk}")

    @admin.action(description=_("Export the commitments as CSV (spreadsheet)"))
    def export_commitments_csv(self, request, queryset):
        language = request.POST.get("language") or settings.LANGUAGE_CODE
        return commitments_csv_response(queryset, language)

    @admin.display(description=_("title"))
    def title_column(self, obj):
        return obj.safe_translation_getter("title", any_language=True)

    @admin.display(description=_("signed on"), ordering="signed_on")
    def signed_column(self, obj):
        return obj.signed_on_display()

    @admin.display(description=_("commitments"), ordering="commitment_total")
    def commitment_count(self, obj):
        return obj.commitment_total

    @admin.display(description=_("overdue"), ordering="overdue_total")
    def overdue_column(self, obj):
        if not obj.overdue_total:
            return "0"
        return format_html('<a href="{}">{}</a>', overdue_changelist_url(obj), obj.overdue_total)

    @admin.display(description=_("overdue commitments"))
    def overdue_link(self, obj):
        if obj is None or obj.pk is None:
            return "–"
        return format_html(
            '<a href="{}">{}</a>',
            overdue_changelist_url(obj),
            _("Show this agreement's overdue commitments"),
        )

    @admin.display(description=_("export commitments (CSV)"))
    def export_links(self, obj):
        if obj is None or obj.pk is None:
            return "–"
        return format_html_join(
            " · ",
            '<a href="{}">{}</a>',
            (
                (
                    reverse("admin:sistercities_agreement_export", args=[obj.pk, code]),
                    translation.get_language_info(code)["name_local"],
                )
                for code, _name in settings.LANGUAGES
            ),
        )


class CommitmentUpdateInline(
    LocalCalendarAdminMixin, TranslationAccessMixin, TranslatableTabularInline
):
    """A commitment's history; translators translate its notes and change nothing else."""

    model = CommitmentUpdate
    fields = ["date", "status", "note"]
    extra = 1

    def shared_field_names(self):
        # The commitment itself is the inline's link to its parent, never a field of the form.
        return [name for name in super().shared_field_names() if name != "commitment"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")


@admin.register(Commitment)
class CommitmentAdmin(
    WritingDirectionAdminMixin,
    ChangeMessageAdminMixin,
    LocalCalendarAdminMixin,
    TranslationAccessMixin,
    TranslationStatusAdminMixin,
    TranslatableAdmin,
):
    list_display = [
        "title_column",
        "agreement",
        "sector",
        "status",
        "target_date_display",
        "overdue_column",
        "is_public",
    ]
    list_filter = [
        "status",
        "sector",
        CommitmentPartnerCityFilter,
        OverdueFilter,
        AgreementFilter,
        "is_public",
    ]
    search_fields = [
        "translations__title",
        "translations__responsible_body",
        "agreement__translations__title",
    ]
    autocomplete_fields = ["agreement"]
    inlines = [CommitmentUpdateInline]
    fields = [
        "agreement",
        "title",
        "sector",
        "status",
        "target_date",
        "order",
        "is_public",
        "description",
        "responsible_body",
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("agreement")
            .prefetch_related("translations", "agreement__translations")
        )

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if obj is not None and "status" not in readonly:
            # Once created, a commitment changes status through its updates (its history).
            readonly = [*readonly, "status"]
        return readonly

    # A change saved here is a new version of the agreement (commitments follow it), so the
    # agreement's history shows it and restoring the agreement covers it.

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        with reversion.create_revision():
            reversion.set_user(request.user)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        self._describe_revision(obj, entry)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        self._describe_revision(obj, entry)
        return entry

    def _describe_revision(self, commitment, entry):
        if reversion.is_active():
            reversion.set_comment(
                _("Commitment “%(commitment)s”: %(change)s")
                % {"commitment": commitment, "change": entry.get_change_message()}
            )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if reversion.is_active():
            # Saved again: the updates just saved may have moved the commitment's status.
            reversion.add_to_revision(form.instance)

    @admin.display(description=_("title"))
    def title_column(self, obj):
        return obj.safe_translation_getter("title", any_language=True)

    @admin.display(description=_("overdue"), boolean=True)
    def overdue_column(self, obj):
        return obj.is_overdue

    target_date_display = date_display("target_date", _("target date"))


@admin.register(OverdueCommitment)
class OverdueCommitmentAdmin(CommitmentAdmin):
    """Overdue commitments only; permissions are those of commitments."""

    list_filter = ["status", "sector", CommitmentPartnerCityFilter, AgreementFilter]

    def get_queryset(self, request):
        return super().get_queryset(request).overdue()

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("sistercities.view_commitment") or self.has_change_permission(
            request, obj
        )

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm("sistercities.change_commitment")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class LeaveLinksAloneFormSet(BaseInlineFormSet):
    """Treat a release form posted without this inline's rows as "no change to the links".

    The inline is added to the newsroom's release admin from here; other clients posting the
    release form (scripts, other features' tests) know nothing of it and must not fail or lose
    the release's agreements.
    """

    def __init__(self, data=None, *args, prefix=None, **kwargs):
        name = prefix or self.get_default_prefix()
        if data is not None and f"{name}-TOTAL_FORMS" not in data:
            data = data.copy()
            data[f"{name}-TOTAL_FORMS"] = data[f"{name}-INITIAL_FORMS"] = "0"
        super().__init__(data, *args, prefix=prefix, **kwargs)


class RelatedAgreementInline(admin.TabularInline):
    """The agreements a release reports on, editable from the release too."""

    model = Agreement.related_releases.through
    formset = LeaveLinksAloneFormSet
    fk_name = "pressrelease"
    autocomplete_fields = ["agreement"]
    extra = 0
    verbose_name = _("related sister-city agreement")
    verbose_name_plural = _("related sister-city agreements")
    template = "admin/edit_inline/tabular_links.html"

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "agreement":
            # The link table's own field is named in English only.
            kwargs["label"] = Agreement._meta.verbose_name
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class PressReleaseWithAgreementsAdmin(PressReleaseAdmin):
    inlines = [*PressReleaseAdmin.inlines, RelatedAgreementInline]


admin.site.unregister(PressRelease)
admin.site.register(PressRelease, PressReleaseWithAgreementsAdmin)
