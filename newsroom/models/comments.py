"""Readers' comments on releases, held for moderation, with the municipality's replies."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from gorgan.kit import dependencies, tracking

COMMENT_MAX_LENGTH = 2000
NAME_MAX_LENGTH = 80


def comments_key(release_id):
    """The dependency key of a release's approved comments (only its page shows them)."""
    return f"newsroom.pressrelease:{release_id}:comments"


class CommentQuerySet(models.QuerySet):
    def approved(self):
        """Comments readers may see: only those an editor approved."""
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def set_status(self, status):
        """Moderate many comments at once; returns how many changed.

        An update sends no signals, so the page cache is told here when readers will see a
        difference: comments approved, or approved ones withdrawn.
        """
        changing = self.exclude(status=status)
        if status == Comment.Status.APPROVED:
            shown_on = set(changing.values_list("release_id", flat=True))
        else:
            shown_on = set(changing.approved().values_list("release_id", flat=True))
        changed = changing.update(status=status, moderated_at=timezone.now())
        if changed:
            dependencies.changed(*(comments_key(pk) for pk in shown_on))
        return changed


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SPAM = "spam", _("Spam")

    release = models.ForeignKey(
        "newsroom.PressRelease",
        verbose_name=_("release"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH)
    email = models.EmailField(
        _("email"), blank=True, help_text=_("Never shown on the site; for a private answer only.")
    )
    body = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH)
    language_code = models.CharField(
        _("language of the page"), max_length=15, choices=settings.LANGUAGES
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("received at"), default=timezone.now, editable=False)
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True, editable=False)
    ip_hash = models.CharField(
        _("sender (hashed address)"),
        max_length=64,
        editable=False,
        db_index=True,
        help_text=_(
            "A keyed hash of the sender's IP address: it links one sender's comments "
            "without storing the address."
        ),
    )
    reply = models.TextField(
        _("official reply"),
        blank=True,
        max_length=COMMENT_MAX_LENGTH,
        help_text=_("Shown under the comment as the municipality's answer."),
    )
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("replied by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="comment_replies",
    )
    replied_at = models.DateTimeField(_("replied at"), null=True, blank=True, editable=False)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["release", "status", "created_at"], name="newsroom_comment_shown"),
            models.Index(fields=["status", "-created_at"], name="newsroom_comment_queue"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("body"), COMMENT_MAX_LENGTH),
                name="newsroom_comment_body_length",
            ),
        ]

    def __str__(self):
        return f"{self.name}: {Truncator(self.body).chars(60)}"

    def get_absolute_url(self):
        return f"{self.release.get_absolute_url()}#comment-{self.pk}"

    def changes_public_pages(self):
        """Whether saving or deleting this comment changes what readers see.

        Readers see approved comments only, so a comment matters to the page cache when it is
        approved or was approved before; a comment awaiting moderation never does.
        """
        return self.Status.APPROVED in (self.status, tracking.previous(self, "status"))

    def set_reply(self, text, user):
        """Record the municipality's reply (or clear it when ``text`` is empty)."""
        self.reply = text.strip()
        self.replied_by = user if self.reply else None
        self.replied_at = timezone.now() if self.reply else None


tracking.track(Comment, "status")  # approving or withdrawing a comment changes the page
