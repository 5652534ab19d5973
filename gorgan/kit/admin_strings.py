"""Texts of Django's admin that our catalogs translate, where Django's own do not, or badly.

Django's Persian catalog leaves the form error note empty (so the Persian admin showed
"Please correct the error below."), joins lists with «،» without a space («عنوان،لید») and
quotes names in change messages with Latin quotation marks.
Our catalogs (``LOCALE_PATHS``) take precedence over Django's; these markers keep the entries in
them when ``makemessages`` runs. Nothing imports this module.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

ADMIN_TEXTS = [
    ngettext_lazy("Please correct the error below.", "Please correct the errors below.", 1),
    # Translators: the separator between the items of a list, as in "title, lead and body".
    gettext_noop(", "),
    gettext_noop("Added {name} “{object}”."),
    gettext_noop("Changed {fields} for {name} “{object}”."),
    gettext_noop("Deleted {name} “{object}”."),
]
