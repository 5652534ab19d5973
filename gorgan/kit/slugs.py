"""Slugs of translated models: unique within each language, and the pages found by them."""

from urllib.parse import unquote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils import translation


class UniqueSlugPerLanguage:
    """Mixin for parler translation models with a ``slug`` unique per language.

    The database constraint guards every write; this reports a taken slug on the slug field
    itself, in words the editor understands, instead of the constraint's generic message.
    Subclasses set ``slug_taken_message``.
    """

    slug_taken_message = ""

    def clean(self):
        super().clean()
        taken = (
            type(self)
            .objects.filter(language_code=self.language_code, slug=self.slug)
            .exclude(pk=self.pk)
        )
        if self.slug and taken.exists():
            raise ValidationError({"slug": self.slug_taken_message})

    def validate_constraints(self, exclude=None):
        # clean() reported a taken slug already; skip the constraint's duplicate message.
        super().validate_constraints(exclude={"slug", *(exclude or ())})


def translated_page_context(obj, fallback_url):
    """What a page showing translated ``obj`` needs to know about languages.

    When the page's language has no translation, ``obj`` is switched to Persian and the page
    is a fallback. ``alternate_urls`` (for the language switcher) leads to ``obj`` in each
    language it is translated into, and elsewhere to ``fallback_url(language_code)``.
    """
    language = translation.get_language()
    available = obj.get_available_languages()
    is_fallback = language not in available
    if is_fallback:
        obj.set_current_language(settings.LANGUAGE_CODE)
    return {
        "is_fallback": is_fallback,
        "content_language": settings.LANGUAGE_CODE if is_fallback else language,
        "alternate_urls": {
            code: obj.get_absolute_url(code) if code in available else fallback_url(code)
            for code, _name in settings.LANGUAGES
        },
    }


class TranslatedSlugMixin:
    """A detail view of a translated object addressed by its slug in the page's language.

    The object is found by its slug in the page's language, else by its Persian slug (the
    page is then a Persian fallback). A Persian slug under the prefix of a language the object
    is translated into redirects (301) to the translated address, keeping the query string; an
    unknown slug goes where ``moved_url`` says, or is a 404.
    """

    not_found_message = "Nothing is published at this address."

    def find_by_slug(self, slug, language_code):
        """The object with ``slug`` in ``language_code``, or ``None``."""
        raise NotImplementedError

    def moved_url(self, slug, language_code):
        """Where an object that once had ``slug`` lives now, or ``None``."""
        return None

    def get_object(self, queryset=None):
        slug = self.kwargs["slug"]
        for language in dict.fromkeys([translation.get_language(), settings.LANGUAGE_CODE]):
            found = self.find_by_slug(slug, language)
            if found is not None:
                return found
        raise Http404(self.not_found_message)

    def get(self, request, *args, **kwargs):
        try:
            self.object = self.get_object()
        except Http404:
            moved = self.moved_url(kwargs["slug"], translation.get_language())
            if moved is None:
                raise
            return redirect(moved, permanent=True)
        canonical = self.object.get_absolute_url(translation.get_language())
        if self.object.has_language(translation.get_language()) and request.path != unquote(
            canonical
        ):
            query = request.META.get("QUERY_STRING")
            return redirect(f"{canonical}?{query}" if query else canonical, permanent=True)
        return self.render_to_response(self.get_context_data(object=self.object))
