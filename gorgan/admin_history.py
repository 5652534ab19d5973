"""Version history in the admin (django-reversion): compare two versions, restore, recover.

For a ``VersionAdmin`` whose model is registered with reversion following its translations
(and the children edited with it), so that one version holds every language and restoring it
brings them all back together. On top of ``VersionAdmin``:

- deleting saves a version first, so an object that was never saved in the admin (demo
  content, imports) is recoverable too; deleting and recovering need the delete permission;
- restoring needs the model's own change permission: a translator (``translate_<model>``
  only) sees the history but cannot restore, which would rewrite every language;
- the history page picks two versions and a page shows what changed between them, as rows
  that ``compare_versions()`` builds for each model.
"""

import difflib
import re

import reversion
from django.contrib.admin.utils import unquote
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin
from reversion.models import Version

_WORDS = re.compile(r"\s+|[^\s<>]+|<[^>]*>|[<>]")


def inline_diff(old, new):
    """``old`` → ``new`` word by word, escaped, with removals in <del> and additions in <ins>."""
    old_words, new_words = _WORDS.findall(old), _WORDS.findall(new)
    parts = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        removed, added = "".join(old_words[a1:a2]), "".join(new_words[b1:b2])
        if op == "equal":
            parts.append(escape(removed))
            continue
        if removed:
            parts.append(f"<del>{escape(removed)}</del>")
        if added:
            parts.append(f"<ins>{escape(added)}</ins>")
    return mark_safe("".join(parts))  # every piece is escaped above


def diff_row(label, before, after, language=""):
    """A row for the comparison page, or ``None`` when the two values read the same."""
    before, after = str(before or ""), str(after or "")
    if before == after:
        return None
    return {"label": label, "language": language, "diff": inline_diff(before, after)}


def versions_in_revision(version, model):
    """The versions of ``model`` saved in the same revision as ``version``."""
    return [
        other
        for other in version.revision.version_set.all()
        if other.content_type.model_class() is model
    ]


def translations_in_revision(version, translation_model, master_id=None):
    """{language: saved fields} of the translations of one object in ``version``'s revision."""
    master_id = str(master_id if master_id is not None else version.object_id)
    return {
        other.field_dict["language_code"]: other.field_dict
        for other in versions_in_revision(version, translation_model)
        if str(other.field_dict["master_id"]) == master_id
    }


def _model_field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        parler_meta = getattr(model, "_parler_meta", None)
        if parler_meta is None or name not in parler_meta.get_all_fields():
            return None
        return parler_meta.get_model_by_field(name)._meta.get_field(name)


def _field_names(form, names):
    """The fields' names as their source text, which every language's catalog translates."""
    labels = []
    for name in names:
        field = _model_field(form._meta.model, name) if hasattr(form, "_meta") else None
        label = getattr(field, "verbose_name", None) or form.fields[name].label or name
        labels.append(str(label))
    return labels


def _row(obj):
    """``{"name", "object"}`` for an inline row; a many-to-many link row names what it links."""
    opts = obj._meta
    owner = opts.auto_created
    if owner:
        link = next(field for field in opts.fields if field.related_model is owner)
        return {"name": str(owner._meta.verbose_name), "object": str(getattr(obj, link.name))}
    return {"name": str(opts.verbose_name), "object": str(obj)}


def change_message(form, formsets, add):
    """Django's change message, with names every language can show.

    Django stores the changed fields' form labels ("Title", "Lead"), which our catalogs do not
    hold (they translate the fields' names, "title"), so the Persian history read «Title،Lead و
    …»; rows of a many-to-many inline were "Agreement_related_releases object (1)".
    """
    changed_data = form.changed_data
    message = []
    with translation.override(None):
        if add:
            message.append({"added": {}})
        elif changed_data:
            message.append({"changed": {"fields": _field_names(form, changed_data)}})
        for formset in formsets or ():
            message.extend({"added": _row(obj)} for obj in formset.new_objects)
            message.extend(
                {"changed": _row(obj) | {"fields": _field_names(formset.forms[0], fields)}}
                for obj, fields in formset.changed_objects
            )
            message.extend({"deleted": _row(obj)} for obj in formset.deleted_objects)
    return message


class ChangeMessageAdminMixin:
    """Change messages (history, versions) that read right in every language of the admin."""

    def construct_change_message(self, request, form, formsets, add=False):
        return change_message(form, formsets, add)


class VersionHistoryAdminMixin(ChangeMessageAdminMixin):
    """Put before ``VersionAdmin``; the model admin defines ``compare_versions()``."""

    object_history_template = "admin/history/object_history.html"
    change_list_template = "admin/history/change_list.html"
    compare_template = "admin/history/compare.html"
    history_latest_first = True
    recover_label = _("Recover deleted items")

    def compare_versions(self, older, newer):
        """Rows ``{"label", "language", "diff"}``, one per value changed from older to newer."""
        raise NotImplementedError

    def has_restore_permission(self, request, obj=None):
        opts = self.opts
        return request.user.has_perm(
            f"{opts.app_label}.change_{opts.model_name}"
        ) and self.has_change_permission(request, obj)

    def has_recover_permission(self, request):
        return self.has_delete_permission(request) and self.has_add_permission(request)

    # Deleting keeps the object restorable: its last state is saved as a version first.

    def keep_versions(self, request, objects):
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(_("Deleted"))
            for obj in objects:
                reversion.add_to_revision(obj)

    def delete_model(self, request, obj):
        self.keep_versions(request, [obj])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        self.keep_versions(request, queryset)
        super().delete_queryset(request, queryset)

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            "can_recover": self.has_recover_permission(request),
            "recover_label": self.recover_label,
        } | (extra_context or {})
        if request.POST.get("action") == "delete_selected":
            # Skip the revision VersionAdmin opens around the change list: it would be
            # written after the objects are gone, and so without them. Deleting saves its
            # own revision first (keep_versions).
            return super(VersionAdmin, self).changelist_view(request, extra_context)
        return super().changelist_view(request, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        if not self.has_recover_permission(request):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not self.has_recover_permission(request):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        if not self.has_restore_permission(request):
            raise PermissionDenied
        extra_context = {"title": _("Restore an earlier version")} | (extra_context or {})
        return super().revision_view(request, object_id, version_id, extra_context)

    # History: the list of versions, with two of them picked for comparison.

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name="{}_{}_compare".format(*info),
            ),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        versions = Version.objects.get_for_object_reference(self.model, unquote(object_id))
        extra_context = {
            "object_id": object_id,
            "versions": versions.select_related("revision__user").order_by("-pk"),
        } | (extra_context or {})
        return super().history_view(request, object_id, extra_context)

    def compare_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        picked = [request.GET.get("from", ""), request.GET.get("to", "")]
        if not all(value.isascii() and value.isdigit() for value in picked):
            raise Http404("Pick two versions to compare.")
        older, newer = (get_object_or_404(versions, pk=int(value)) for value in picked)
        if older.pk > newer.pk:
            older, newer = newer, older
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "object_id": object_id,
            "title": _("Compare versions of %(object)s") % {"object": obj},
            "older": older,
            "newer": newer,
            "rows": self.compare_versions(older, newer),
            "can_restore": self.has_restore_permission(request, obj),
        }
        return TemplateResponse(request, self.compare_template, context)
