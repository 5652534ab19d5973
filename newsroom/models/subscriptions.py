"""Readers who asked for releases by e-mail, accredited journalists, and what each was sent.

Only what sending needs is stored: the address, the language, the choice of news and when the
address was confirmed. No name, no IP address; an unsubscribed address is deleted with what
was sent to it.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

#: A confirmation link is valid this long; unconfirmed addresses are then forgotten.
CONFIRMATION_MAX_AGE = timedelta(days=3)


def new_key():
    return secrets.token_hex(8)


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def stale_unconfirmed(self, now=None):
        """Addresses whose confirmation link has expired: nobody asked for mail there."""
        return self.filter(
            confirmed_at__isnull=True,
            created_at__lt=(now or timezone.now()) - CONFIRMATION_MAX_AGE,
        )

    def matching(self, release):
        """Confirmed subscribers who want ``release``: all news, its section or one of its
        tags."""
        wanted = (
            models.Q(all_news=True)
            | models.Q(sections=release.section_id)
            | models.Q(tags__in=release.tagged_items.values("tag_id"))
        )
        # Matching by section and tag joins; a subquery keeps each subscriber once.
        return self.confirmed().filter(pk__in=self.filter(wanted).values("pk"))

    def subscribe(self, email, language, all_news=True, sections=(), tags=()):
        """Ask for ``email`` to receive news; returns ``(subscriber, confirmed_already)``.

        A confirmed address is left exactly as it is (anyone may type anyone's address): its
        owner is sent the preferences link instead. An unconfirmed one takes the new choice,
        which counts only once confirmed. Expired unconfirmed addresses are forgotten here,
        where new ones arrive.
        """
        self.stale_unconfirmed().delete()
        subscriber = self.filter(email=email).first()
        if subscriber is not None and subscriber.is_confirmed:
            return subscriber, True
        if subscriber is None:
            subscriber = self.model(email=email)
        subscriber.language = language
        subscriber.all_news = all_news
        subscriber.created_at = timezone.now()
        subscriber.save()
        subscriber.sections.set([] if all_news else sections)
        subscriber.tags.set([] if all_news else tags)
        return subscriber, False


class Subscriber(models.Model):
    """An address that receives releases (all news, or chosen sections and tags)."""

    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    all_news = models.BooleanField(_("all news"), default=True)
    sections = models.ManyToManyField(
        "newsroom.Section", verbose_name=_("sections"), blank=True, related_name="+"
    )
    tags = models.ManyToManyField(
        "newsroom.Tag", verbose_name=_("tags"), blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("subscribed at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    #: Part of every signed link; a new key ends the links sent before.
    key = models.CharField(max_length=16, default=new_key, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at", "-pk"]
        permissions = [
            ("view_subscriber_address", _("Can see and export subscribers' addresses")),
        ]

    def __str__(self):
        return masked_address(self.email)

    def save(self, *args, **kwargs):
        # One address, one row, however it is typed.
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    def confirm(self):
        if self.confirmed_at is None:
            self.confirmed_at = timezone.now()
            self.save(update_fields=["confirmed_at"])

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None


def masked_address(email):
    """``a•••@example.org``: enough to tell rows apart, not enough to write to."""
    local, _at, domain = email.partition("@")
    return f"{local[:1]}•••@{domain}"


class Journalist(models.Model):
    """An accredited journalist: receives embargoed releases and may open the press room."""

    name = models.CharField(_("name"), max_length=150)
    outlet = models.CharField(_("outlet"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    active = models.BooleanField(
        _("accredited"),
        default=True,
        help_text=_("Untick to withdraw the accreditation: the press room link stops working."),
    )
    key = models.CharField(max_length=16, default=new_key, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("journalist")
        verbose_name_plural = _("journalists")
        ordering = ["name", "pk"]

    def __str__(self):
        return f"{self.name} ({self.outlet})" if self.outlet else self.name


class MailDelivery(models.Model):
    """One message about one release to one subscriber or journalist.

    The row is written (claimed) before the message is handed to the mail server, and the
    unique constraints allow one row per release, recipient and edition: a task that runs
    twice, or two workers, never send the same message twice. Edition 0 is the release
    itself; each correction an editor sends is the next edition. A journalist gets one notice
    per publication time (moving an embargoed release's time sends the new time).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    release = models.ForeignKey(
        "newsroom.PressRelease",
        verbose_name=_("press release"),
        on_delete=models.CASCADE,
        related_name="mail_deliveries",
    )
    edition = models.PositiveSmallIntegerField(_("edition"), default=0)
    subscriber = models.ForeignKey(
        Subscriber,
        verbose_name=_("subscriber"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    journalist = models.ForeignKey(
        Journalist,
        verbose_name=_("journalist"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    #: For a journalist: the publication time the notice announced. A new time is a new notice.
    embargo_until = models.DateTimeField(_("embargo until"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.PENDING
    )
    claim = models.CharField(max_length=32, blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.CharField(_("error"), max_length=300, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail delivery")
        verbose_name_plural = _("e-mail deliveries")
        ordering = ["pk"]
        default_permissions = ("view",)
        constraints = [
            models.CheckConstraint(
                condition=models.Q(subscriber__isnull=True) ^ models.Q(journalist__isnull=True),
                name="newsroom_mail_delivery_one_recipient",
            ),
            models.UniqueConstraint(
                fields=["release", "edition", "subscriber"],
                condition=models.Q(subscriber__isnull=False),
                name="newsroom_mail_delivery_once_per_subscriber",
            ),
            models.UniqueConstraint(
                fields=["release", "journalist", "embargo_until"],
                condition=models.Q(journalist__isnull=False),
                name="newsroom_mail_delivery_once_per_journalist",
            ),
        ]

    def __str__(self):
        return f"{self.release_id}/{self.edition}: {self.get_status_display()}"
