"""Messenger channels (Telegram, Bale) and the outbox of posts to them."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

#: Attempts before a post is given up; the waits between them double from RETRY_DELAY.
MAX_ATTEMPTS = 5
RETRY_DELAY = timedelta(seconds=30)


class Channel(models.Model):
    """A channel the releases are posted to, in one language."""

    class Kind(models.TextChoices):
        TELEGRAM = "telegram", _("Telegram")
        BALE = "bale", _("Bale")
        # Writes each post as a file: the demo's and a test installation's channel.
        FOLDER = "folder", _("Local folder (test)")

    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    chat_id = models.CharField(
        _("chat"),
        max_length=100,
        help_text=_("The channel's @name or numeric id; for a local folder, a folder name."),
    )
    bot_token = models.CharField(
        _("bot token"),
        max_length=200,
        blank=True,
        help_text=_("Given by the messenger's bot service; never shown again once saved."),
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    active = models.BooleanField(_("active"), default=True)
    #: A channel receives the releases that become public after it was added, not the archive.
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("messenger channel")
        verbose_name_plural = _("messenger channels")
        ordering = ["name", "pk"]

    def __str__(self):
        return f"{self.name} ({self.get_kind_display()})"


class ChannelPostQuerySet(models.QuerySet):
    def due(self, now=None):
        """Posts a worker may try now: waiting, or failed with attempts left and their wait
        over. A post being sent is never taken again (see ``ChannelPost``)."""
        return self.filter(
            status__in=[ChannelPost.Status.PENDING, ChannelPost.Status.RETRYING],
            next_attempt_at__lte=now or timezone.now(),
        )


class ChannelPost(models.Model):
    """The outbox row of one release in one channel: at most one post each.

    The unique constraint makes one row per (release, channel); a worker claims the row by
    moving it to *sending* in one UPDATE, so no two workers send it. The Bot API has no
    idempotency key: if a worker dies after the messenger accepted the post but before the
    row says so, nothing can tell whether it was posted. Such a row stays *sending*, is never
    sent again by itself, and the admin shows it as unknown; an editor checks the channel and
    sends it again on purpose if it is missing.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENDING = "sending", _("Being sent")
        RETRYING = "retrying", _("Failed, will retry")
        SENT = "sent", _("Posted")
        FAILED = "failed", _("Failed, given up")

    release = models.ForeignKey(
        "newsroom.PressRelease",
        verbose_name=_("press release"),
        on_delete=models.CASCADE,
        related_name="channel_posts",
    )
    channel = models.ForeignKey(
        Channel, verbose_name=_("channel"), on_delete=models.CASCADE, related_name="posts"
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    message_id = models.CharField(_("message id"), max_length=50, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    sent_at = models.DateTimeField(_("posted at"), null=True, blank=True)

    objects = ChannelPostQuerySet.as_manager()

    class Meta:
        verbose_name = _("channel post")
        verbose_name_plural = _("channel posts")
        ordering = ["channel__name", "pk"]
        default_permissions = ("view",)
        constraints = [
            models.UniqueConstraint(
                fields=["release", "channel"], name="newsroom_channel_post_once"
            ),
        ]

    def __str__(self):
        return f"{self.channel}: {self.get_status_display()}"

    def retry_delay(self):
        """The wait before the next attempt: 30 s, 1 min, 2 min, 4 min."""
        return RETRY_DELAY * 2 ** max(self.attempts - 1, 0)
