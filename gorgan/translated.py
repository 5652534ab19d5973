"""Read one translated field of a related object inside the main query.

Prefetching a related object's translations costs a query per relation; for a single name
(a release's section, office or tags) a subquery in the main query costs none.
"""

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import translation


def translated_field(translation_model, field, master_ref, language_code=None):
    """``field`` of the object at ``master_ref`` in the language, falling back to Persian."""
    language_code = language_code or translation.get_language()

    def in_language(code):
        rows = translation_model.objects.filter(master=OuterRef(master_ref), language_code=code)
        return Subquery(rows.values(field)[:1])

    if language_code == settings.LANGUAGE_CODE:
        return in_language(language_code)
    return Coalesce(in_language(language_code), in_language(settings.LANGUAGE_CODE))
