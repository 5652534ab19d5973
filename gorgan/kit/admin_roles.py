"""Admin behaviour shared by the roles: translators edit translations and nothing else."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _
from parler.utils.i18n import normalize_language_code


class SiteLanguagesMixin:
    """For parler admins: a ``?language=`` the site does not have is refused.

    parler takes any code in the address (``fa-ir``, ``xx``): the form then fails, or stores
    a translation no public page serves (and the sitemap lists it as a 404). Such a request,
    opening a form or saving one, is sent back to the same page without the parameter, with
    a message; nothing is saved.
    """

    def unknown_language(self, request):
        """The requested language if the site does not have it, else ``None``."""
        code = request.GET.get(self.query_language_key)
        if code and normalize_language_code(code) not in dict(settings.LANGUAGES):
            return code
        return None

    def refuse_unknown_language(self, request, code):
        messages.error(
            request,
            _("This site has no language “%(code)s”; nothing was saved. Use the language tabs.")
            % {"code": code[:20]},
        )
        query = request.GET.copy()
        del query[self.query_language_key]
        return HttpResponseRedirect(
            f"{request.path}?{query.urlencode()}" if query else request.path
        )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if code := self.unknown_language(request):
            return self.refuse_unknown_language(request, code)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        if code := self.unknown_language(request):
            return self.refuse_unknown_language(request, code)
        return super().delete_view(request, object_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        if code := self.unknown_language(request):
            return self.refuse_unknown_language(request, code)
        return super().history_view(request, object_id, extra_context)


class TranslationAccessMixin(SiteLanguagesMixin):
    """For parler admins. A user with ``translate_<model>`` but without ``change_<model>``:

    - may open existing objects, but not add or delete them (no such permissions);
    - sees every shared (untranslated) field read-only, so the form cannot change them, and
      no columns editable in the change list;
    - may edit the translated fields in the other languages, never in the source language
      (Persian): that tab is read-only and a POST to it is refused;
    - like everyone, only in the site's languages (``SiteLanguagesMixin``).
    """

    def _has_model_permission(self, request, action):
        # parler asks for the prepopulated fields with a stand-in request that has no user
        # (to build the admin's media); that is nobody's translator mode.
        user = getattr(request, "user", None)
        opts = self.model._meta
        return user is not None and user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")

    def is_translator_only(self, request):
        return self._has_model_permission(request, "translate") and not (
            self._has_model_permission(request, "change")
        )

    def is_source_language(self, request, obj=None):
        return self.get_form_language(request, obj) == settings.LANGUAGE_CODE

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) or self.is_translator_only(request)

    def shared_field_names(self):
        opts = self.model._meta
        return [
            field.name
            for field in [*opts.fields, *opts.many_to_many]
            if field.editable and not field.auto_created and not field.primary_key
        ]

    def translated_field_names(self):
        return list(self.model._parler_meta.get_all_fields())

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if self.is_translator_only(request):
            locked = self.shared_field_names()
            if self.is_source_language(request, obj):
                locked += self.translated_field_names()
            readonly += [name for name in locked if name not in readonly]
        return readonly

    def editable_prepopulated_fields(self, request, obj, prepopulated):
        """``prepopulated`` without the fields this person sees read-only (as a translator)."""
        if not self.is_translator_only(request):
            return prepopulated
        readonly = set(self.get_readonly_fields(request, obj))
        return {
            field: sources
            for field, sources in prepopulated.items()
            if field not in readonly and not readonly.intersection(sources)
        }

    def get_prepopulated_fields(self, request, obj=None):
        prepopulated = super().get_prepopulated_fields(request, obj)
        return self.editable_prepopulated_fields(request, obj, prepopulated)

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        if self.is_translator_only(request):
            # Columns edited in the list (order, active, ...) are shared fields.
            changelist.list_editable = ()
        return changelist

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if (
            request.method == "POST"
            and self.is_translator_only(request)
            and (object_id is None or self.is_source_language(request))
        ):
            raise PermissionDenied("Translators edit the translations, not the original.")
        return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if self.is_translator_only(request):
            shared_changes = set(form.changed_data) & set(self.shared_field_names())
            if not change or shared_changes or self.is_source_language(request, obj):
                raise PermissionDenied("Translators edit the translations, not the original.")
        super().save_model(request, obj, form, change)
