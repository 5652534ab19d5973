"""The typography check in the admin: a button in the Persian form, a warning on save.

A model admin lists its translated text fields in ``typography_fields``. In the Persian form
``static/js/typography-check.js`` sends them to a staff-only JSON endpoint and shows each
proposal (``gorgan.kit.typography``) with a box to tick; the endpoint makes only the ticked
ones, and the page puts the result back in the form, to be saved as usual. Saving never
changes the text: it only warns, without blocking, about the proposals that remain.
"""

import json

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_POST

from gorgan.kit import typography


class TypographyCheckAdminMixin:
    """Put before the model admin's base classes; set ``typography_fields``."""

    typography_fields = ()

    @property
    def media(self):
        return super().media + forms.Media(js=["js/typography-check.js"])

    def has_typography_permission(self, request):
        # Writing the source text, not only translating it.
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}")

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "typography/",
                self.admin_site.admin_view(require_POST(self.typography_view)),
                name="{}_{}_typography".format(*info),
            ),
            *super().get_urls(),
        ]

    def typography_view(self, request):
        """``{"fields": {name: text}, "accept": {name: [proposal]}}`` in, per field out:
        the text with the accepted proposals made, how many, and what is still proposed."""
        if not self.has_typography_permission(request):
            raise PermissionDenied
        try:
            payload = json.loads(request.body)
            fields, accept = payload["fields"], payload.get("accept", {})
            if not isinstance(fields, dict) or not isinstance(accept, dict):
                raise TypeError("fields and accept are mappings")
            accepted = {
                name: [(int(p["start"]), str(p["original"]), str(p["replacement"])) for p in chosen]
                for name, chosen in accept.items()
            }
        except (ValueError, KeyError, TypeError, AttributeError):
            return JsonResponse(
                {"error": gettext("The check could not read the form.")}, status=400
            )
        result = {}
        for name in self.typography_fields:
            text = fields.get(name)
            if not isinstance(text, str):
                continue
            text, applied = typography.apply(text, accepted.get(name, []))
            result[name] = {
                "text": text,
                "applied": applied,
                "proposals": [proposal.as_dict(text) for proposal in typography.check(text)],
            }
        return JsonResponse({"fields": result})

    def typography_applies(self, request, obj=None):
        language = self.get_form_language(request, obj)
        return language == settings.LANGUAGE_CODE and self.has_typography_permission(request)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if self.typography_applies(request, obj):
            info = self.opts.app_label, self.opts.model_name
            context["typography_check_url"] = reverse(
                "{}:{}_{}_typography".format(self.admin_site.name, *info)
            )
            context["typography_fields"] = " ".join(self.typography_fields)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not self.typography_applies(request, obj):
            return
        remaining = {
            name: len(typography.check(getattr(obj, name, "") or ""))
            for name in self.typography_fields
            if name in form.fields
        }
        count = sum(remaining.values())
        if count:
            labels = ", ".join(str(form.fields[name].label) for name, n in remaining.items() if n)
            self.message_user(
                request,
                ngettext(
                    "Typography: %(count)d suggestion remains (%(fields)s). “Check "
                    "typography” in the form shows it; nothing was changed.",
                    "Typography: %(count)d suggestions remain (%(fields)s). “Check "
                    "typography” in the form shows them; nothing was changed.",
                    count,
                )
                % {"count": count, "fields": labels},
                messages.WARNING,
            )
