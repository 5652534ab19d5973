"""Slugs that are unique within each language of a translated model."""

from django.core.exceptions import ValidationError


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
