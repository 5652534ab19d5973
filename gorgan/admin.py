from django.contrib import admin
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from parler.admin import TranslatableAdmin

from gorgan.kit.admin_roles import TranslationAccessMixin
from gorgan.kit.translation_admin import TranslationStatusAdminMixin

from .models import SearchSpelling, Service, SiteIdentity


@admin.register(SiteIdentity)
class SiteIdentityAdmin(TranslationAccessMixin, TranslatableAdmin):
    """A single record: the list goes straight to it, and it cannot be deleted."""

    fieldsets = [
        (None, {"fields": ["name", "slogan"]}),
        (_("Contact block in the footer"), {"fields": ["address", "phone", "email"]}),
    ]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not SiteIdentity.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        opts = self.model._meta
        if SiteIdentity.objects.filter(pk=SiteIdentity.SINGLETON_PK).exists():
            url = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change",
                args=[SiteIdentity.SINGLETON_PK],
            )
        else:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
        return redirect(url)


@admin.register(Service)
class ServiceAdmin(TranslationAccessMixin, TranslationStatusAdminMixin, TranslatableAdmin):
    # An address typed without a scheme is taken as https (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["title_column", "url", "order", "active"]
    list_editable = ["order", "active"]
    list_filter = ["active"]
    search_fields = ["translations__title", "url"]
    fields = ["title", "description", "url", "icon", "image", "order", "active"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    @admin.display(description=_("title"))
    def title_column(self, obj):
        return str(obj)


@admin.register(SearchSpelling)
class SearchSpellingAdmin(admin.ModelAdmin):
    list_display = ["word", "variant"]
    search_fields = ["word", "variant"]
    fields = ["word", "variant"]
