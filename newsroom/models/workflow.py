"""The editorial record: every change of a release's status, by whom and when."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .release import PressRelease


class StatusChange(models.Model):
    """One step of a release through draft → review → published → archived.

    The record outlives the release: deleting a release keeps its history (there is no
    database constraint), and recovering the release from its saved versions brings the
    history back with it.
    """

    release = models.ForeignKey(
        PressRelease,
        verbose_name=_("press release"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="status_changes",
    )
    from_status = models.CharField(
        _("from"), max_length=16, choices=PressRelease.Status.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=16, choices=PressRelease.Status.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["-changed_at", "-pk"]
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.get_from_status_display() or '—'} → {self.get_to_status_display()}"
