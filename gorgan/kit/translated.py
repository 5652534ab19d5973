"""Translated fields: read one of a related object inside the main query, or fill many.

Prefetching a related object's translations costs a query per relation; for a single name
(a release's section, office or tags) a subquery in the main query costs none.
"""

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import translation
from django.utils.text import slugify


def translated_field(translation_model, field, master_ref, language_code=None):
    """``field`` of the object at ``master_ref`` in the language, falling back to Persian."""
    language_code = language_code or translation.get_language()

    def in_language(code):
        rows = translation_model.objects.filter(master=OuterRef(master_ref), language_code=code)
        return Subquery(rows.values(field)[:1])

    if language_code == settings.LANGUAGE_CODE:
        return in_language(language_code)
    return Coalesce(in_language(language_code), in_language(settings.LANGUAGE_CODE))


def set_translations(obj, translations, slug_from=None):
    """Fill a parler object's fields from ``{language: {field: value}}``; unsaved.

    With ``slug_from``, each language's ``slug`` is made from that field's text. The object is
    left in the Persian language, as the admin leaves it.
    """
    for language, fields in translations.items():
        obj.set_current_language(language)
        for name, value in fields.items():
            setattr(obj, name, value)
        if slug_from:
            obj.slug = slugify(fields[slug_from], allow_unicode=True)[:250]
    obj.set_current_language(settings.LANGUAGE_CODE)
