"""Old addresses of releases whose slug an editor changed."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RetiredSlug(models.Model):
    """A slug a release used to have in one language; its old address redirects (301).

    Recorded whenever a saved translation's slug changes. The redirect only ever leads to a
    release the public may see, so recording the slugs of drafts leaks nothing.
    """

    release = models.ForeignKey(
        "newsroom.PressRelease",
        verbose_name=_("press release"),
        on_delete=models.CASCADE,
        related_name="retired_slugs",
    )
    language_code = models.CharField(_("language"), max_length=15, choices=settings.LANGUAGES)
    slug = models.SlugField(_("old slug"), max_length=250, allow_unicode=True)
    retired_at = models.DateTimeField(_("retired at"), auto_now_add=True)

    class Meta:
        verbose_name = _("retired slug")
        verbose_name_plural = _("retired slugs")
        ordering = ["-retired_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["language_code", "slug"], name="newsroom_retiredslug_one_per_language"
            ),
        ]

    def __str__(self):
        return f"{self.language_code}: {self.slug}"
