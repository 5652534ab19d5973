import reversion
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.text import Truncator, smart_split, unescape_string_literal
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from parler.admin import TranslatableAdmin
from parler.forms import TranslatableModelForm
from reversion.admin import VersionAdmin

from gorgan.kit.admin_dates import (
    LocalCalendarAdminMixin,
    LocalDateFieldListFilter,
    date_display,
    format_moment,
)
from gorgan.kit.admin_editor import WritingDirectionAdminMixin
from gorgan.kit.admin_history import VersionHistoryAdminMixin
from gorgan.kit.admin_roles import TranslationAccessMixin
from gorgan.kit.admin_typography import TypographyCheckAdminMixin
from gorgan.kit.translated import translated_field
from gorgan.kit.translation_admin import TranslationStatusAdminMixin

from . import history, preview, renditions, slug_history, workflow
from .admin_reach import ReleaseReachAdminMixin
from .models import (
    Comment,
    GalleryItem,
    Image,
    Office,
    PressRelease,
    RetiredSlug,
    Section,
    SimilarReleasePin,
    Tag,
)

Status = PressRelease.Status


class SimilarReleasePinInline(admin.TabularInline):
    model = SimilarReleasePin
    fk_name = "release"
    fields = ["similar", "order"]
    autocomplete_fields = ["similar"]
    extra = 0
    verbose_name = _("similar release pinned first")
    verbose_name_plural = _("similar content: releases pinned first")


class GalleryItemInline(admin.TabularInline):
    model = GalleryItem
    fields = ["image", "order"]
    autocomplete_fields = ["image"]
    extra = 0


class TagFilter(admin.SimpleListFilter):
    """Filter by tag, naming the tags in the admin's language in one query."""

    title = _("tag")
    parameter_name = "tag"

    def lookups(self, request, model_admin):
        # Plain values: hundreds of tags as model instances with their translations cost the
        # change list more than everything else on it.
        label = Coalesce(translated_field(Tag._parler_meta.root_model, "label", "pk"), "name")
        return list(Tag.objects.annotate(label_text=label).values_list("slug", "label_text"))

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(tagged_items__tag__slug=self.value())
        return queryset


class PublicationFilter(admin.SimpleListFilter):
    """Published releases split into those the public reads now and those still scheduled."""

    title = _("publication")
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return [("scheduled", _("Scheduled")), ("public", _("Public now"))]

    def queryset(self, request, queryset):
        if self.value() == "scheduled":
            return queryset.scheduled()
        if self.value() == "public":
            return queryset.published()
        return queryset


def scheduled_label(publish_at, language_code=None):
    """«زمان‌بندی‌شده برای ۱۰ دی ۱۴۰۵، ساعت ۹:۰۰»: the moment in the reader's calendar."""
    return _("Scheduled for %(moment)s") % {"moment": format_moment(publish_at, language_code)}


@admin.register(PressRelease)
class PressReleaseAdmin(
    ReleaseReachAdminMixin,
    TypographyCheckAdminMixin,
    WritingDirectionAdminMixin,
    LocalCalendarAdminMixin,
    TranslationAccessMixin,
    TranslationStatusAdminMixin,
    VersionHistoryAdminMixin,
    VersionAdmin,
    TranslatableAdmin,
):
    inlines = [GalleryItemInline, SimilarReleasePinInline]
    autocomplete_fields = ["featured_image"]
    list_display = ["title_column", "status_column", "publish_at_display", "section"]
    list_filter = [
        "status",
        PublicationFilter,
        "section",
        "office",
        TagFilter,
        ("publish_at", LocalDateFieldListFilter),
    ]
    # The archive holds 100,000s of releases: no second COUNT(*) of the whole table per page.
    show_full_result_count = False
    search_fields = ["translations__title", "short_code"]
    readonly_fields = ["short_code", "author", "created_at_display", "updated_at_display"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body", "featured_image"]}),
        (
            _("Publication"),
            {"fields": ["status", "publish_at", "embargoed", "section", "office", "tags"]},
        ),
        (_("Reach"), {"fields": ["mail_status", "channel_status"]}),
        (
            _("Sign-off and record"),
            {
                "fields": [
                    "sign_off",
                    "short_code",
                    "author",
                    "created_at_display",
                    "updated_at_display",
                ]
            },
        ),
    ]
    typography_fields = ["title", "lead", "body"]
    actions = [
        "submit_for_review",
        "publish_releases",
        "unpublish_releases",
        "archive_releases",
        "send_correction",
        "retry_channel_posts",
    ]
    recover_label = _("Recover deleted releases")
    publish_at_display = date_display("publish_at", _("publish at"))
    created_at_display = date_display("created_at", _("created at"))
    updated_at_display = date_display("updated_at", _("updated at"))

    # Permissions: writers edit drafts and releases in review; what the public reads
    # (published, archived) and every publication step belongs to editors.

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and workflow.may_edit(request.user, obj)

    def has_publish_permission(self, request):
        return workflow.can_publish(request.user)

    def has_edit_source_permission(self, request):
        return workflow.can_edit_source(request.user)

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if not workflow.can_publish(request.user) and "publish_at_display" not in readonly:
            # Choosing the publication time is scheduling, an editor's decision.
            readonly = [*readonly, "publish_at_display"]
        return readonly

    def get_prepopulated_fields(self, request, obj=None):
        return self.editable_prepopulated_fields(request, obj, {"slug": ("title",)})

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("section")
            .prefetch_related("translations", "section__translations")
        )

    def get_search_results(self, request, queryset, search_term):
        match = request.resolver_match
        if match and match.url_name == "autocomplete" and not workflow.can_publish(request.user):
            # The release pickers of other forms (similar releases, an agreement's releases)
            # would otherwise show a writer every colleague's draft title.
            queryset = queryset.offered_to_writer(request.user)
        # As the admin's own search (every word must match a title or the short code), minus
        # its join of every translation and the DISTINCT that join needs.
        for word in smart_split(search_term):
            if word[0] in "\"'" and word[0] == word[-1]:
                word = unescape_string_literal(word)
            queryset = queryset.with_title_or_code_containing(word)
        return queryset, False

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if "status" in form.base_fields:
            # Only the statuses this person may set; the field rejects any other value, so a
            # hand-made POST cannot publish either.
            allowed = workflow.allowed_statuses(request.user)
            form.base_fields["status"].choices = [
                (value, label) for value, label in Status.choices if value in allowed
            ]
        return form

    def save_model(self, request, obj, form, change):
        if "status" in form.fields:
            previous = form.initial.get("status") if change else None
            workflow.check_transition(request.user, previous, obj.status)
        if not change and obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)

    # Every view that saves runs "as" the signed-in person, for the status record.

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        with workflow.acting_as(request.user):
            return super().changeform_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        with workflow.acting_as(request.user):
            return super().changelist_view(request, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context["status_changes"] = obj.status_changes.select_related("changed_by")
            if workflow.can_edit_source(request.user):
                context["preview_links"] = self.preview_links(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def preview_links(self, request, obj):
        token = preview.make_token(obj)
        links = []
        for code, name in settings.LANGUAGES:
            if obj.has_language(code):
                with translation.override(code):
                    url = reverse("newsroom:release-preview", kwargs={"token": token})
                links.append({"code": code, "name": name, "url": request.build_absolute_uri(url)})
        return links

    # Bulk status changes: each release is saved on its own, so each gets a version and a
    # status record, and each move is checked like a form save.

    def _move(self, request, queryset, status, *, only_from):
        moved = 0
        for release in queryset:
            if release.status not in only_from:
                continue
            workflow.check_transition(request.user, release.status, status)
            release.status = status
            release.save()
            moved += 1
        if reversion.is_active():
            reversion.set_comment(str(Status(status).label))
        self.message_user(
            request,
            ngettext(
                "%(count)d release is now “%(status)s”.",
                "%(count)d releases are now “%(status)s”.",
                moved,
            )
            % {"count": moved, "status": Status(status).label},
            messages.SUCCESS if moved else messages.WARNING,
        )

    @admin.action(description=_("Submit selected drafts for review"), permissions=["edit_source"])
    def submit_for_review(self, request, queryset):
        self._move(request, queryset, Status.REVIEW, only_from={Status.DRAFT})

    @admin.action(description=_("Publish selected releases"), permissions=["publish"])
    def publish_releases(self, request, queryset):
        self._move(request, queryset, Status.PUBLISHED, only_from={Status.DRAFT, Status.REVIEW})

    @admin.action(
        description=_("Unpublish selected releases (back to draft)"), permissions=["publish"]
    )
    def unpublish_releases(self, request, queryset):
        self._move(request, queryset, Status.DRAFT, only_from={Status.PUBLISHED, Status.ARCHIVED})

    @admin.action(description=_("Archive selected releases"), permissions=["publish"])
    def archive_releases(self, request, queryset):
        self._move(request, queryset, Status.ARCHIVED, only_from={Status.PUBLISHED})

    # History (gorgan.kit.admin_history): restoring and recovering run "as" the signed-in person
    # too; deleting and recovering are editors' work.

    def _reversion_revisionform_view(self, request, version, template_name, extra_context=None):
        with workflow.acting_as(request.user):
            return super()._reversion_revisionform_view(
                request, version, template_name, extra_context
            )

    def compare_versions(self, older, newer):
        return history.compare(older, newer)

    def restore_notes(self, plan):
        languages = dict(settings.LANGUAGES)
        return [
            _(
                "%(language)s: the address “%(now)s” changes to “%(restored)s”; the current "
                "address will redirect to the restored one."
            )
            % {"language": languages[code], "now": now, "restored": restored}
            for code, (now, restored) in slug_history.restored_slug_changes(plan).items()
        ]

    def after_restore(self, request, obj, plan):
        slug_history.record_restored_slugs(
            obj, {code: fields["slug"] for code, fields in plan.before.items()}
        )

    @admin.display(description=_("title"))
    def title_column(self, obj):
        return obj.safe_translation_getter("title", any_language=True)

    @admin.display(description=_("status"), ordering="status")
    def status_column(self, obj):
        # "Published" with a time still to come is not public yet: say when it will be.
        if obj.status == Status.PUBLISHED and obj.publish_at and not obj.is_public:
            return scheduled_label(obj.publish_at)
        return obj.get_status_display()


@admin.register(Section)
class SectionAdmin(TranslationAccessMixin, TranslationStatusAdminMixin, TranslatableAdmin):
    list_display = ["__str__", "slug", "order"]
    search_fields = ["translations__name", "slug"]


@admin.register(Office)
class OfficeAdmin(TranslationAccessMixin, TranslationStatusAdminMixin, TranslatableAdmin):
    list_display = ["__str__"]
    search_fields = ["translations__name"]


@admin.register(Tag)
class TagAdmin(TranslationAccessMixin, TranslationStatusAdminMixin, TranslatableAdmin):
    list_display = ["name", "label_column", "slug"]
    search_fields = ["name", "translations__label"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    @admin.display(description=_("label"))
    def label_column(self, obj):
        return str(obj)

    def get_prepopulated_fields(self, request, obj=None):
        return self.editable_prepopulated_fields(request, obj, {"slug": ("name",)})


@admin.register(Comment)
class CommentAdmin(LocalCalendarAdminMixin, admin.ModelAdmin):
    list_display = [
        "name",
        "excerpt",
        "release_column",
        "status",
        "created_at_display",
        "has_reply",
    ]
    list_filter = ["status", "language_code", ("created_at", LocalDateFieldListFilter)]
    search_fields = ["name", "email", "body", "ip_hash"]
    ordering = ["-created_at", "-pk"]
    list_select_related = ["release"]
    autocomplete_fields = ["release"]
    actions = ["approve", "reject", "mark_spam"]
    readonly_fields = [
        "created_at_display",
        "language_code",
        "ip_hash",
        "moderated_at_display",
        "replied_by",
        "replied_at_display",
    ]
    fieldsets = [
        (None, {"fields": ["release", "name", "email", "body", "status"]}),
        (_("Official reply"), {"fields": ["reply", "replied_by", "replied_at_display"]}),
        (
            _("Record"),
            {
                "fields": [
                    "created_at_display",
                    "moderated_at_display",
                    "language_code",
                    "ip_hash",
                ]
            },
        ),
    ]
    created_at_display = date_display("created_at", _("received at"))
    moderated_at_display = date_display("moderated_at", _("moderated at"))
    replied_at_display = date_display("replied_at", _("replied at"))

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("release__translations")

    def save_model(self, request, obj, form, change):
        if "reply" in form.changed_data:
            obj.set_reply(obj.reply, request.user)
        if "status" in form.changed_data:
            obj.moderated_at = timezone.now()
        super().save_model(request, obj, form, change)

    @admin.display(description=_("comment"))
    def excerpt(self, obj):
        return Truncator(obj.body).chars(80)

    @admin.display(description=_("release"), ordering="release")
    def release_column(self, obj):
        return obj.release.safe_translation_getter("title", any_language=True)

    @admin.display(description=_("replied"), boolean=True)
    def has_reply(self, obj):
        return bool(obj.reply)

    def _moderate(self, request, queryset, status, done_message):
        changed = queryset.set_status(status)
        self.message_user(request, done_message % {"count": changed}, messages.SUCCESS)

    @admin.action(description=_("Approve selected comments"), permissions=["change"])
    def approve(self, request, queryset):
        self._moderate(
            request, queryset, Comment.Status.APPROVED, _("Comments approved: %(count)d")
        )

    @admin.action(description=_("Reject selected comments"), permissions=["change"])
    def reject(self, request, queryset):
        self._moderate(
            request, queryset, Comment.Status.REJECTED, _("Comments rejected: %(count)d")
        )

    @admin.action(description=_("Mark selected comments as spam"), permissions=["change"])
    def mark_spam(self, request, queryset):
        self._moderate(
            request, queryset, Comment.Status.SPAM, _("Comments marked as spam: %(count)d")
        )


class ImageAdminForm(TranslatableModelForm):
    def clean(self):
        cleaned_data = super().clean()
        persian = settings.LANGUAGE_CODE
        if self.language_code != persian and not (
            self.instance.pk and self.instance.has_translation(persian)
        ):
            raise ValidationError(
                _("Write the Persian alternative text first; other languages can follow.")
            )
        return cleaned_data


@admin.register(Image)
class ImageAdmin(TranslationAccessMixin, TranslationStatusAdminMixin, TranslatableAdmin):
    form = ImageAdminForm
    list_display = ["preview", "alt_text_column", "size_column", "created_at_display"]
    search_fields = ["translations__alt_text", "translations__caption", "content_hash"]
    readonly_fields = ["preview", "size_column", "content_hash", "created_at"]
    fields = ["file", "preview", "alt_text", "caption", "credit", "size_column", "content_hash"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    def get_form_language(self, request, obj=None):
        # A new image starts with its Persian alternative text, whatever the admin's language.
        if obj is None and not request.GET.get(self.query_language_key):
            return settings.LANGUAGE_CODE
        return super().get_form_language(request, obj)

    def delete_translation(self, request, object_id, language_code):
        # The Persian alternative text is required: it is what other languages fall back to.
        if language_code == settings.LANGUAGE_CODE:
            raise PermissionDenied
        return super().delete_translation(request, object_id, language_code)

    @admin.display(description=_("preview"))
    def preview(self, obj):
        if not obj.pk:
            return "—"
        picture = renditions.picture(obj, translation.get_language())
        if picture is None:
            return _("Being prepared…")
        return format_html(
            '<img src="{}" width="160" height="{}" alt="{}" loading="lazy">',
            picture.src,
            round(160 * picture.height / picture.width),
            picture.alt,
        )

    @admin.display(description=_("alternative text"))
    def alt_text_column(self, obj):
        return obj.alt_text_for(translation.get_language())[0]

    @admin.display(description=_("size in pixels"))
    def size_column(self, obj):
        return f"{obj.width} × {obj.height}" if obj.pk else "—"

    created_at_display = date_display("created_at", _("created at"))


@admin.register(RetiredSlug)
class RetiredSlugAdmin(admin.ModelAdmin):
    """Old addresses that redirect to a release; deleting one ends its redirect."""

    list_display = ["slug", "language_code", "release", "retired_at_display"]
    list_filter = ["language_code"]
    search_fields = ["slug", "release__translations__title"]
    list_select_related = ["release"]
    readonly_fields = ["release", "language_code", "slug", "retired_at_display"]
    retired_at_display = date_display("retired_at", _("retired at"))

    def has_add_permission(self, request):
        return False
