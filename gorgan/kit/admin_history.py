"""Version history in the admin (django-reversion): compare two versions, restore, recover.

For a ``VersionAdmin`` whose model is registered with reversion following its translations
(and the children edited with it), so that one version holds every language and restoring it
brings them all back together. On top of ``VersionAdmin``:

- deleting saves a version first, so an object that was never saved in the admin (demo
  content, imports) is recoverable too; deleting and recovering need the delete permission;
- restoring needs the model's own change permission: a translator (``translate_<model>``
  only) sees the history but cannot restore, which would rewrite every language;
- the history page picks two versions and a page shows what changed between them, as rows
  that ``compare_versions()`` builds for each model;
- the restore page says, language by language, what restoring will change
  (``RestorePlan``). Translations added after the version are kept (reversion's revert would
  delete them) unless the editor ticks the box to remove them; ``after_restore()`` lets the
  model's admin mend what the revert bypassed (it writes rows without the save signals).
"""

import difflib
import re

import reversion
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin
from reversion.models import Version

from gorgan.kit import admin_dates

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


REMOVE_LATER = "remove_later_translations"
_NOT_TEXT = {"id", "master_id", "language_code"}


def translated_values(obj):
    """{language: {field: value}} of ``obj``'s translations as stored now (parler models)."""
    model = obj._parler_meta.root_model
    fields = [f.attname for f in model._meta.concrete_fields if f.attname not in _NOT_TEXT]
    rows = model.objects.filter(master_id=obj.pk).values("language_code", *fields)
    return {row.pop("language_code"): row for row in rows}


class RestorePlan:
    """What restoring ``version`` does to ``obj``'s translations, language by language.

    ``before`` holds the translations as they are now, read before the revert rewrites them.
    """

    def __init__(self, obj, version, remove_later=False):
        self.model = obj._parler_meta.root_model
        self.before = translated_values(obj)
        self.restored = translations_in_revision(version, self.model, obj.pk)
        self.remove_later = remove_later

    @property
    def later_languages(self):
        """Languages translated now that the version does not have."""
        return [
            code
            for code, _name in settings.LANGUAGES
            if code in self.before and code not in self.restored
        ]

    def languages(self):
        """One entry per language: its name, what happens to it, and the changed fields."""
        entries = []
        for code, name in settings.LANGUAGES:
            now, then = self.before.get(code), self.restored.get(code)
            if now is None and then is None:
                continue
            rows = []
            if now is not None and then is not None:
                for field in self.model._meta.concrete_fields:
                    if field.attname not in _NOT_TEXT:
                        rows.append(
                            diff_row(
                                field.verbose_name, now.get(field.attname), then.get(field.attname)
                            )
                        )
            entries.append(
                {
                    "code": code,
                    "name": name,
                    "added_later": then is None,
                    "comes_back": now is None,
                    "rows": [row for row in rows if row],
                }
            )
        return entries


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

    # Restoring: say first what will change; keep later translations and live addresses.

    revision_form_template = "admin/history/revision_form.html"
    recover_list_template = "admin/history/recover_list.html"

    def restore_notes(self, plan):
        """Extra warnings for the restore page (the model's admin adds its own)."""
        return []

    def after_restore(self, request, obj, plan):
        """Called in the restore's transaction, after the restored object is saved."""

    def revision_view(self, request, object_id, version_id, extra_context=None):
        if not self.has_restore_permission(request):
            raise PermissionDenied
        obj = self.get_object(request, unquote(object_id))
        version = Version.objects.get_for_object_reference(self.model, unquote(object_id))
        version = version.filter(pk=version_id).first()
        if obj is None or version is None:
            raise Http404("No such version.")
        plan = RestorePlan(obj, version, remove_later=request.POST.get(REMOVE_LATER) == "on")
        if request.method == "POST":
            request.restore_plan = plan  # read by save_related(), inside the restore
        extra_context = {
            "title": _("Restore an earlier version"),
            "restore_plan": plan,
            "restore_languages": plan.languages(),
            "restore_notes": self.restore_notes(plan),
            "remove_later_name": REMOVE_LATER,
            "later_language_names": ", ".join(
                str(dict(settings.LANGUAGES)[code]) for code in plan.later_languages
            ),
        } | (extra_context or {})
        response = super().revision_view(request, object_id, version_id, extra_context)
        if request.method == "POST" and response.status_code == 302:
            # reversion words the restore's comment with a Gregorian date: say it in the
            # staff member's calendar, as the rest of the history does.
            restored = Version.objects.get_for_object(obj).select_related("revision").first()
            restored.revision.comment = gettext(
                "Reverted to previous version, saved on %(datetime)s"
            ) % {"datetime": admin_dates.format_moment(version.revision.date_created)}
            restored.revision.save(update_fields=["comment"])
        return response

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        plan = getattr(request, "restore_plan", None)
        if plan is None:
            return
        obj = form.instance
        kept = []
        if not plan.remove_later:
            for code in plan.later_languages:
                # The revert deleted it; bring it back as it was a moment ago.
                if not plan.model.objects.filter(master_id=obj.pk, language_code=code).exists():
                    plan.model.objects.create(
                        master_id=obj.pk, language_code=code, **plan.before[code]
                    )
                kept.append(str(dict(settings.LANGUAGES)[code]))
        self.after_restore(request, obj, plan)
        if kept:
            self.message_user(
                request,
                gettext("Translations added after that version were kept: %(languages)s.")
                % {"languages": ", ".join(kept)},
                messages.INFO,
            )

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
