"""Partner cities, the agreements signed with them, and the commitments that follow.

The public sees agreements that are no longer under negotiation (``Agreement.objects.public()``)
and their public commitments (``Commitment.objects.public()``); every public view goes through
those two methods.
"""

import reversion
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from parler.fields import TranslationsForeignKey
from parler.managers import TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields, TranslatedFieldsModel

from gorgan.kit import dates, dependencies, tracking
from gorgan.kit.search import SearchDocumentField
from gorgan.kit.slugs import UniqueSlugPerLanguage
from gorgan.kit.translated import translated_field
from gorgan.kit.translation_tracking import SourceHashField, SourceTrackedTranslation

from .documents import AgreementDocumentField, document_upload_to, validate_pdf_document


class PartnerCity(TranslatableModel):
    slug = models.SlugField(
        _("slug"),
        unique=True,
        allow_unicode=True,
        help_text=_("Used as the city's anchor on the sister-cities page."),
    )
    country = CountryField(_("country"))
    website = models.URLField(_("official website"), blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=150),
        region=models.CharField(_("region or province"), max_length=150, blank=True),
        description=models.TextField(_("short description"), blank=True),
        source_hash=SourceHashField(),
    )

    class Meta:
        verbose_name = _("partner city")
        verbose_name_plural = _("partner cities")
        ordering = ["slug"]
        permissions = [("translate_partnercity", _("Can translate partner cities"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="sistercities_partner_coordinates_together",
                violation_error_message=_("Give both latitude and longitude, or neither."),
            ),
        ]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug

    def get_absolute_url(self):
        return f"{reverse('sistercities:index')}#{self.slug}"


class AgreementQuerySet(TranslatableQuerySet):
    def public(self):
        """Agreements the public may see: every status except "under negotiation"."""
        dependencies.shows(dependencies.key(Agreement))
        return self.exclude(status=Agreement.Status.UNDER_NEGOTIATION)

    def with_progress(self):
        """Annotate ``commitment_count`` and ``completed_count`` over public commitments."""
        dependencies.shows(dependencies.key(Commitment))
        public = Q(commitments__is_public=True)
        return self.annotate(
            commitment_count=Count("commitments", filter=public),
            completed_count=Count(
                "commitments",
                filter=public & Q(commitments__status=Commitment.Status.COMPLETED),
            ),
        )

    def with_link_text(self, language_code=None):
        """Annotate ``link_title`` and ``link_slug`` in ``language_code`` (Persian fallback).

        Boxes that only link to agreements (the press-release page) then need one query, with
        no separate query for translations.
        """
        language_code = language_code or translation.get_language()

        def translated(field, language):
            return Subquery(
                AgreementTranslation.objects.filter(
                    master=OuterRef("pk"), language_code=language
                ).values(field)[:1]
            )

        return self.annotate(
            link_title=Coalesce(
                translated("title", language_code), translated("title", settings.LANGUAGE_CODE)
            ),
            link_slug=Coalesce(
                translated("slug", language_code), translated("slug", settings.LANGUAGE_CODE)
            ),
        )

    def for_teaser(self, language_code=None):
        """What a box featuring agreements shows, in one query, most recently signed first.

        Progress (``with_progress``), title and slug (``with_link_text``) and the partner
        city's name (``city_name``), each in ``language_code`` with the Persian fallback.
        """
        return (
            self.with_progress()
            .with_link_text(language_code)
            .annotate(
                city_name=translated_field(
                    PartnerCity._parler_meta.root_model, "name", "partner_city", language_code
                )
            )
            .order_by(F("signed_on").desc(nulls_last=True), "-pk")
        )


class Agreement(TranslatableModel):
    """A twinning or cooperation agreement with a partner city.

    Public reports often date an agreement only to the year («۱۳۹۷»). ``signed_on`` then holds a
    representative day inside that period and ``signed_on_precision`` says how much of it is
    known; every calendar shows the year (or month) containing that day. In the admin officers
    write just the year or month in their calendar («۱۳۹۷», "2018-07"); it is stored as a day
    inside that period in both calendars (1 July for a year, the 15th for a month: 1 July 2018
    is 10 Tir 1397). See ``gorgan.kit.admin_dates`` and ``gorgan.kit.dates.format_partial_date``.
    """

    class Kind(models.TextChoices):
        SISTER_CITY = "sister_city", _("Sister city")
        FRIENDSHIP_CITY = "friendship_city", _("Friendship city")
        MEMORANDUM = "memorandum", _("Memorandum of understanding")
        PROTOCOL = "protocol", _("Protocol")

    class Status(models.TextChoices):
        UNDER_NEGOTIATION = "under_negotiation", _("Under negotiation")
        SIGNED = "signed", _("Signed")
        ACTIVE = "active", _("Active")
        SUSPENDED = "suspended", _("Suspended")
        EXPIRED = "expired", _("Expired")

    class DatePrecision(models.TextChoices):
        DAY = "day", _("Exact day")
        MONTH = "month", _("Month only")
        YEAR = "year", _("Year only")

    partner_city = models.ForeignKey(
        PartnerCity,
        verbose_name=_("partner city"),
        on_delete=models.PROTECT,
        related_name="agreements",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.UNDER_NEGOTIATION,
        help_text=_("Agreements under negotiation are not shown to the public."),
    )
    signed_on = models.DateField(
        _("signed on"),
        null=True,
        blank=True,
        help_text=_(
            "When only the year or the month is known, enter a day in the middle of that "
            "period (e.g. 1 July 2018 for 1397) and choose the precision below."
        ),
    )
    signed_on_precision = models.CharField(
        _("precision of the signing date"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    document = AgreementDocumentField(
        _("signed document (PDF)"),
        upload_to=document_upload_to,
        blank=True,
        validators=[validate_pdf_document],
        help_text=_("PDF only, 20 MB at most. Shown for download on the public page."),
    )
    related_releases = models.ManyToManyField(
        "newsroom.PressRelease",
        verbose_name=_("related press releases"),
        related_name="agreements",
        blank=True,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-signed_on", "-pk"]
        permissions = [("translate_agreement", _("Can translate agreements"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(signed_on__isnull=False) | Q(signed_on_precision="day"),
                name="sistercities_agreement_precision_needs_date",
                violation_error_message=_("A partial signing date needs a date."),
            ),
        ]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or str(self.pk)

    def save(self, *args, **kwargs):
        """Save; a replaced or removed document's file is deleted once the change is committed."""
        previous = tracking.stored(self, "document")
        super().save(*args, **kwargs)
        if previous and previous != (self.document.name or ""):
            delete_document_file(self.document.storage, previous)

    @property
    def is_public(self):
        return self.status != self.Status.UNDER_NEGOTIATION

    def signed_on_display(self, language_code=None):
        """The signing date as precisely as it is known, in the reader's calendar."""
        return dates.format_partial_date(self.signed_on, self.signed_on_precision, language_code)

    def signed_on_machine(self):
        """The signing date for ``<time datetime>``: "2018", "2018-07" or "2018-07-01"."""
        if self.signed_on is None:
            return ""
        length = {"year": 4, "month": 7}.get(self.signed_on_precision, 10)
        return self.signed_on.isoformat()[:length]

    def has_language(self, language_code):
        return language_code in self.get_available_languages()

    def get_absolute_url(self, language_code=None):
        """The agreement's address in ``language_code``; the Persian slug when not translated."""
        return self._reverse("sistercities:agreement-detail", language_code)

    def get_document_url(self, language_code=None):
        return self._reverse("sistercities:agreement-document", language_code)

    def _reverse(self, name, language_code):
        language_code = language_code or translation.get_language()
        slug = self.safe_translation_getter("slug", language_code=language_code)
        if not slug:
            slug = self.safe_translation_getter("slug", language_code=settings.LANGUAGE_CODE)
        with translation.override(language_code):
            return reverse(name, kwargs={"slug": slug})

    def document_filename(self):
        """The name a downloaded document is saved under, the same in every language."""
        return f"gorgan-{self.partner_city.slug}-{self.kind}-agreement.pdf".replace("_", "-")


def delete_document_file(storage, name):
    transaction.on_commit(lambda: storage.delete(name))


@receiver(post_delete, sender=Agreement)
def delete_agreement_document(sender, instance, **kwargs):
    # A signal rather than delete(): the admin's bulk delete does not call delete().
    if instance.document:
        delete_document_file(instance.document.storage, instance.document.name)


class AgreementTranslation(UniqueSlugPerLanguage, SourceTrackedTranslation, TranslatedFieldsModel):
    slug_taken_message = _("Another agreement already uses this slug in this language.")

    master = TranslationsForeignKey(
        Agreement, related_name="translations", null=True, on_delete=models.CASCADE
    )
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(
        _("slug"),
        max_length=250,
        allow_unicode=True,
        help_text=_("The address of the agreement in this language; unique per language."),
    )
    summary = models.TextField(_("summary"), blank=True)
    signed_at_place = models.CharField(_("signed at (place)"), max_length=250, blank=True)
    signatories = models.TextField(_("signatories"), blank=True)
    counterpart_bodies = models.TextField(
        _("counterpart bodies"),
        blank=True,
        help_text=_("For example the partner's municipality or a consulate general."),
    )
    search_document = SearchDocumentField()

    class Meta:
        verbose_name = _("agreement translation")
        verbose_name_plural = _("agreement translations")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["language_code", "master"], name="sistercities_agreement_one_per_language"
            ),
            models.UniqueConstraint(
                fields=["language_code", "slug"], name="sistercities_agreement_slug_per_language"
            ),
        ]

    def __str__(self):
        return self.title


class CommitmentQuerySet(TranslatableQuerySet):
    def public(self):
        """Commitments the public may see: marked public, of a public agreement."""
        dependencies.shows(dependencies.key(Commitment))
        return self.filter(is_public=True, agreement__in=Agreement.objects.public())

    def overdue(self, today=None):
        """Commitments whose target date has passed and that are neither completed nor dropped.

        A commitment due today is not overdue yet.
        """
        today = today or timezone.localdate()
        return self.filter(target_date__lt=today).exclude(status__in=Commitment.CLOSED_STATUSES)


class Commitment(TranslatableModel):
    class Sector(models.TextChoices):
        REPRESENTATION = "representation_diplomacy", _("Representation and diplomacy")
        LOGISTICS = "logistics_transport", _("Logistics and transport")
        INDUSTRY = "industry", _("Industry")
        TRADE = "trade_exhibitions", _("Trade and exhibitions")
        AGRICULTURE = "agriculture_food", _("Agriculture and food")
        ENVIRONMENT = "environment", _("Environment and sustainable development")
        FINANCE = "finance_investment", _("Finance and investment")
        SMART_CITY = "smart_city", _("Smart city")
        SCIENCE = "science_technology", _("Science and technology")
        CULTURE = "culture_heritage", _("Culture and heritage")
        FILM = "film_media", _("Film and media")
        SPORT = "sport", _("Sport")
        TOURISM = "tourism", _("Tourism")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        AGREED = "agreed", _("Agreed")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        STALLED = "stalled", _("Stalled")
        DROPPED = "dropped", _("Dropped")

    CLOSED_STATUSES = (Status.COMPLETED, Status.DROPPED)

    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        on_delete=models.CASCADE,
        related_name="commitments",
    )
    sector = models.CharField(_("sector"), max_length=32, choices=Sector.choices)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=Status.choices,
        default=Status.PROPOSED,
        help_text=_("Later changes are recorded by adding an update."),
    )
    target_date = models.DateField(_("target date"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_public = models.BooleanField(
        _("shown to the public"),
        default=True,
        help_text=_("Untick to keep a commitment internal; it is then left out of the counts."),
    )
    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=250),
        description=models.TextField(_("description"), blank=True),
        responsible_body=models.CharField(_("responsible body"), max_length=250, blank=True),
        source_hash=SourceHashField(),
        search_document=SearchDocumentField(),
    )

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["agreement_id", "order", "pk"]
        permissions = [("translate_commitment", _("Can translate commitments"))]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or str(self.pk)

    def save(self, *args, **kwargs):
        """Save; a status changed directly (not through an update) is recorded as an update.

        The commitment's history then stays complete whichever way its status was changed.
        """
        stored = tracking.stored(self, "status")
        changed = stored is not None and stored != self.status
        super().save(*args, **kwargs)
        if changed:
            CommitmentUpdate.objects.create(
                commitment=self, date=timezone.localdate(), status=self.status
            )

    @property
    def is_overdue(self):
        return (
            self.target_date is not None
            and self.target_date < timezone.localdate()
            and self.status not in self.CLOSED_STATUSES
        )

    def follow_updates(self):
        """Take the status of the latest update (by date, then by entry order), if any."""
        latest = self.updates.order_by("-date", "-pk").values_list("status", flat=True).first()
        if latest is not None and latest != self.status:
            type(self).objects.filter(pk=self.pk).update(status=latest)
            self.status = latest
            tracking.mark_stored(self)


class CommitmentUpdate(TranslatableModel):
    """A dated step in a commitment's history; the latest step sets the commitment's status."""

    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("commitment"),
        on_delete=models.CASCADE,
        related_name="updates",
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    status = models.CharField(
        _("status after this update"), max_length=16, choices=Commitment.Status.choices
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    translations = TranslatedFields(
        note=models.TextField(_("note"), blank=True),
        source_hash=SourceHashField(),
    )

    class Meta:
        verbose_name = _("commitment update")
        verbose_name_plural = _("commitment updates")
        ordering = ["-date", "-pk"]
        permissions = [("translate_commitmentupdate", _("Can translate commitment updates"))]

    def __str__(self):
        return f"{self.commitment} – {self.get_status_display()} ({self.date.isoformat()})"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.commitment.follow_updates()

    def delete(self, *args, **kwargs):
        commitment = self.commitment
        result = super().delete(*args, **kwargs)
        commitment.follow_updates()
        return result


class OverdueCommitment(Commitment):
    """The overdue commitments, as their own entry on the admin index (one click away)."""

    class Meta:
        proxy = True
        verbose_name = _("overdue commitment")
        verbose_name_plural = _("overdue commitments")
        default_permissions = ()


# Every saved version of an agreement holds all its languages and its commitments with their
# texts and dated updates, so restoring a version, or recovering a deleted agreement, brings the
# record back as it was, the progress log included. A commitment follows its agreement, so a
# change saved from the commitment's own admin page is a new version of the agreement as well.
for _model in (AgreementTranslation, Commitment._parler_meta.root_model):
    reversion.register(_model)
reversion.register(CommitmentUpdate._parler_meta.root_model)
reversion.register(CommitmentUpdate, follow=["translations"])
for _model in (Commitment, OverdueCommitment):
    reversion.register(_model, follow=["translations", "updates", "agreement"])
reversion.register(Agreement, follow=["translations", "commitments"])


# Saves that change these fields have consequences (a document file to delete, an update to
# record, search documents to rebuild): see gorgan.kit.tracking.
tracking.track(Agreement, "document", "partner_city")
tracking.track(Commitment, "status", "sector")
