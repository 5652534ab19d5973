"""Admin parts that show which languages an item is translated into, and which are outdated.

Add :class:`TranslationStatusAdminMixin` before parler's ``TranslatableAdmin``; it adds a
"translations" column and a "translation" filter (missing / outdated per language) by itself.
"""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language_info, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from gorgan.kit import translation_tracking as tracking
from gorgan.kit.dates import localize_digits

STATUS_LABELS = {
    tracking.SOURCE: pgettext_lazy("translation status", "original"),
    tracking.TRANSLATED: pgettext_lazy("translation status", "translated"),
    tracking.MISSING: pgettext_lazy("translation status", "missing"),
    tracking.OUTDATED: pgettext_lazy("translation status", "outdated"),
}
# A symbol beside the word, so the status never rests on colour alone.
STATUS_SYMBOLS = {
    tracking.SOURCE: "●",
    tracking.TRANSLATED: "✓",
    tracking.MISSING: "✗",
    tracking.OUTDATED: "!",
}


def language_name(code):
    return str(get_language_info(code)["name_translated"])


def target_languages():
    return [code for code, _name in settings.LANGUAGES if code != tracking.SOURCE_LANGUAGE]


class TranslationStatusFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        choices = []
        for code in target_languages():
            name = language_name(code)
            choices.append((f"missing-{code}", _("missing %(language)s") % {"language": name}))
        for code in target_languages():
            name = language_name(code)
            choices.append((f"outdated-{code}", _("outdated in %(language)s") % {"language": name}))
        return choices

    def queryset(self, request, queryset):
        kind, _sep, code = (self.value() or "").partition("-")
        if code not in target_languages():
            return None
        if kind == "missing":
            return tracking.missing_in(queryset, code)
        if kind == "outdated":
            return tracking.outdated_in(queryset, code)
        return None


class TranslationStatusAdminMixin:
    """A "translations" column and a "translation" filter for a parler ``TranslatableAdmin``."""

    translation_status_column = "translation_status"

    @property
    def media(self):
        return super().media + forms.Media(css={"all": ["css/admin-translations.css"]})

    def get_queryset(self, request):
        # The column reads every language's row; one prefetch serves the whole page.
        return super().get_queryset(request).prefetch_related(self.model._parler_meta.root_rel_name)

    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        if self.translation_status_column not in columns:
            columns.append(self.translation_status_column)
        return columns

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not self.has_change_permission(request):
            return actions
        for code in target_languages():
            name = f"mark_up_to_date_{code.replace('-', '_')}"
            description = _("Mark the %(language)s translation as up to date") % {
                "language": language_name(code)
            }
            actions[name] = (confirm_translations(code), name, description)
        return actions

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        if TranslationStatusFilter not in filters:
            filters.append(TranslationStatusFilter)
        return filters

    @admin.display(description=_("translations"))
    def translation_status(self, obj):
        statuses = tracking.language_statuses(obj)
        return format_html(
            '<ul class="translation-status">{}</ul>',
            format_html_join(
                "",
                '<li class="translation-status__item translation-status__item--{}">'
                '<span aria-hidden="true">{}</span> {}: {}</li>',
                (
                    (status, STATUS_SYMBOLS[status], language_name(code), STATUS_LABELS[status])
                    for code, status in statuses.items()
                ),
            ),
        )


def confirm_translations(language_code):
    """An admin action: the selected items' translations were checked and are still right."""

    def action(modeladmin, request, queryset):
        rel_name = modeladmin.model._parler_meta.root_rel_name
        count = 0
        for obj in queryset.prefetch_related(rel_name):
            rows = {row.language_code: row for row in tracking.translations_of(obj)}
            row = rows.get(language_code)
            if tracking.is_outdated(row, rows.get(tracking.SOURCE_LANGUAGE)):
                tracking.mark_up_to_date(row)
                count += 1
        message = ngettext(
            "%(count)s translation marked as up to date.",
            "%(count)s translations marked as up to date.",
            count,
        ) % {"count": localize_digits(count)}
        modeladmin.message_user(request, message)

    return action
