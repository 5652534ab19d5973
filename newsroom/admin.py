from django.conf import settings
from django.contrib import admin
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from parler.admin import TranslatableAdmin

from .models import Office, PressRelease, RetiredSlug, Section, Tag

TRANSLATED_TEXT_FIELDS = ("title", "slug", "lead", "body")


@admin.register(PressRelease)
class PressReleaseAdmin(TranslatableAdmin):
    list_display = ["title_column", "status", "publish_at", "section", "languages_column"]
    list_filter = ["status", "section", "office", "tags", "publish_at"]
    search_fields = ["translations__title", "short_code"]
    date_hierarchy = "publish_at"
    readonly_fields = ["short_code", "author", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body"]}),
        (_("Publication"), {"fields": ["status", "publish_at", "section", "office", "tags"]}),
        (
            _("Sign-off and record"),
            {"fields": ["sign_off", "short_code", "author", "created_at", "updated_at"]},
        ),
    ]

    def get_prepopulated_fields(self, request, obj=None):
        return {"slug": ("title",)}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("section")
            .prefetch_related("translations", "section__translations")
        )

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        # Persian is written right to left, English and Chinese left to right, whatever
        # language the admin itself is shown in.
        language = self.get_form_language(request, obj)
        direction = "rtl" if translation.get_language_info(language)["bidi"] else "ltr"
        for name in TRANSLATED_TEXT_FIELDS:
            if name in form.base_fields:
                form.base_fields[name].widget.attrs.update(dir=direction, lang=language)
        return form

    def save_model(self, request, obj, form, change):
        if not change and obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=_("title"))
    def title_column(self, obj):
        return obj.safe_translation_getter("title", any_language=True)

    @admin.display(description=_("translated into"))
    def languages_column(self, obj):
        available = set(obj.get_available_languages())
        return " · ".join(
            code if code in available else f"({code}: {_('missing')})"
            for code, _name in settings.LANGUAGES
        )


@admin.register(Section)
class SectionAdmin(TranslatableAdmin):
    list_display = ["__str__", "slug", "order"]
    search_fields = ["translations__name", "slug"]


@admin.register(Office)
class OfficeAdmin(TranslatableAdmin):
    list_display = ["__str__"]
    search_fields = ["translations__name"]


@admin.register(Tag)
class TagAdmin(TranslatableAdmin):
    list_display = ["name", "label_column", "slug"]
    search_fields = ["name", "translations__label"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    @admin.display(description=_("label"))
    def label_column(self, obj):
        return str(obj)

    def get_prepopulated_fields(self, request, obj=None):
        return {"slug": ("name",)}


@admin.register(RetiredSlug)
class RetiredSlugAdmin(admin.ModelAdmin):
    """Old addresses that redirect to a release; deleting one ends its redirect."""

    list_display = ["slug", "language_code", "release", "retired_at"]
    list_filter = ["language_code"]
    search_fields = ["slug", "release__translations__title"]
    list_select_related = ["release"]
    readonly_fields = ["release", "language_code", "slug", "retired_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("release__translations")

    def has_add_permission(self, request):
        return False
