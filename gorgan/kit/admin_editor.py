"""Writing in the admin: each language's text in its own direction, the editor in the admin's.

- ``WritingDirectionAdminMixin``: the translated fields of a parler admin form carry ``lang``
  and ``dir`` of the language being edited (the language tab), not of the admin: an English
  body is left-to-right inside the Persian admin, a Persian one right-to-left in the English
  admin. ``static/js/admin-editor.js`` passes them on to the rich-text editor.
- ``editor_texts()``: django-prose-editor's toolbar titles and dialogs (it ships no Persian or
  Chinese), translated in our catalogs and handed to the editor by the same script.
"""

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _


def text_direction(language_code):
    return "rtl" if translation.get_language_info(language_code)["bidi"] else "ltr"


def mark_language(form_class, field_names, language_code):
    """Put ``lang`` and ``dir`` of ``language_code`` on the text inputs of ``field_names``."""
    direction = text_direction(language_code)
    for name in field_names:
        field = form_class.base_fields.get(name)
        if field is not None and isinstance(field.widget, forms.TextInput | forms.Textarea):
            field.widget.attrs.update(dir=direction, lang=language_code)


class WritingDirectionAdminMixin:
    """For a parler ``TranslatableAdmin``: translated fields in the edited language's direction."""

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        mark_language(
            form,
            self.model._parler_meta.get_all_fields(),
            self.get_form_language(request, obj),
        )
        return form


# The editor's own English texts (toolbar titles are plain text in it, dialog texts go through
# gettext); only those of the extensions the site uses.
EDITOR_TEXTS = {
    "bold": _("Bold"),
    "italic": _("Italic"),
    "heading 2": _("Heading"),
    "heading 3": _("Subheading"),
    "paragraph": _("Paragraph"),
    "unordered list": _("Bulleted list"),
    "ordered list": _("Numbered list"),
    "blockquote": _("Quotation"),
    "insert link": _("Insert link"),
    "remove link": _("Remove link"),
    "undo": _("Undo"),
    "redo": _("Redo"),
    "Toggle fullscreen": _("Full screen"),
    "Edit Link": _("Edit link"),
    "URL": _("Address (URL)"),
    "Title": _("Title shown on hover"),
    "Open in new window": _("Open in a new window"),
    "Update": _("Apply"),
    "Cancel": _("Cancel"),
    "List properties": _("List properties"),
    "List type": _("List type"),
    "Start at": _("Start at"),
    "Decimal numbers": _("Numbers"),
    "Lowercase letters": _("Lowercase letters"),
    "Uppercase letters": _("Uppercase letters"),
    "Lowercase Roman numerals": _("Lowercase Roman numerals"),
    "Uppercase Roman numerals": _("Uppercase Roman numerals"),
    "Bullets": _("Bullets"),
}


def editor_texts():
    """``{the editor's English text: the text in the active language}``."""
    return {source: str(text) for source, text in EDITOR_TEXTS.items()}
