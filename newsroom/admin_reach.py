"""The admin of what reaches readers: subscribers, journalists, messenger channels, and on
each release its press contacts, channel deliveries, e-mail figures and corrections."""

import csv
from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db.models import Count, Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from parler.admin import TranslatableTabularInline

from gorgan.kit.admin_dates import date_display, format_moment
from gorgan.kit.dates import localize_digits

from . import distribution, tasks
from .models import Channel, ChannelPost, Journalist, MailDelivery, PressContact, Subscriber

#: A post still "being sent" after this long lost its worker: whether it went out is unknown.
SENDING_UNKNOWN_AFTER = timedelta(minutes=10)


class PressContactInline(TranslatableTabularInline):
    model = PressContact
    fields = ["name", "role", "phone", "email", "order"]
    extra = 0


def channel_post_status(post):
    """The status of one channel's post as the editor needs it, with the next attempt or the
    uncertainty of a post whose worker stopped."""
    if post.status == ChannelPost.Status.SENDING and (
        post.updated_at < timezone.now() - SENDING_UNKNOWN_AFTER
    ):
        return _("Unknown: the worker stopped while sending; check the channel")
    if post.status == ChannelPost.Status.RETRYING:
        return _("%(status)s (next attempt %(moment)s)") % {
            "status": post.get_status_display(),
            "moment": format_moment(post.next_attempt_at),
        }
    return post.get_status_display()


class ReleaseReachAdminMixin:
    """Added to the release admin: contacts, channel deliveries, e-mail figures, corrections."""

    def get_inlines(self, request, obj):
        return [*super().get_inlines(request, obj), PressContactInline]

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), "mail_status", "channel_status"]
        if not request.user.has_perm("newsroom.publish_pressrelease"):
            readonly.append("embargoed")  # like the publication time, an editor's decision
        return readonly

    @admin.display(description=_("e-mail"))
    def mail_status(self, obj):
        if obj is None or not obj.pk:
            return "—"
        rows = (
            MailDelivery.objects.filter(release=obj)
            .values("edition")
            .annotate(
                sent=Count("pk", filter=Q(status=MailDelivery.Status.SENT)),
                failed=Count("pk", filter=Q(status=MailDelivery.Status.FAILED)),
                to_journalists=Count("pk", filter=Q(journalist__isnull=False)),
            )
            .order_by("edition")
        )
        lines = []
        for row in rows:
            label = (
                _("Release")
                if row["edition"] == 0
                else _("Correction %(number)d") % {"number": row["edition"]}
            )
            lines.append(
                (
                    label,
                    _("%(sent)s sent, %(failed)s failed (%(journalists)s to journalists)")
                    % {
                        "sent": localize_digits(row["sent"]),
                        "failed": localize_digits(row["failed"]),
                        "journalists": localize_digits(row["to_journalists"]),
                    },
                )
            )
        if not lines:
            return _("Nothing sent yet.")
        return format_html_join("", "<p>{}: {}</p>", lines)

    @admin.display(description=_("messenger channels"))
    def channel_status(self, obj):
        if obj is None or not obj.pk:
            return "—"
        posts = obj.channel_posts.select_related("channel").order_by("channel__name", "pk")
        rows = [
            (
                post.channel,
                channel_post_status(post),
                format_moment(post.sent_at) if post.sent_at else post.last_error or "",
            )
            for post in posts
        ]
        if not rows:
            return _("Nothing posted yet.")
        return format_html_join("", "<p>{}: {} {}</p>", rows)

    @admin.action(
        description=_("Send a correction of the selected releases to subscribers"),
        permissions=["publish"],
    )
    def send_correction(self, request, queryset):
        sent = [release for release in queryset if distribution.request_correction(release)]
        self.message_user(
            request,
            ngettext(
                "A correction of %(count)d release is being sent.",
                "Corrections of %(count)d releases are being sent.",
                len(sent),
            )
            % {"count": len(sent)},
            messages.SUCCESS if sent else messages.WARNING,
        )

    @admin.action(
        description=_("Post the selected releases again where a channel failed"),
        permissions=["publish"],
    )
    def retry_channel_posts(self, request, queryset):
        """Failed posts, and those whose worker stopped mid-send, are tried again on purpose:
        for the latter the editor has checked that the channel does not show the post."""
        stuck = Q(
            status=ChannelPost.Status.SENDING, updated_at__lt=timezone.now() - SENDING_UNKNOWN_AFTER
        )
        posts = ChannelPost.objects.filter(release__in=queryset).filter(
            Q(status=ChannelPost.Status.FAILED) | stuck
        )
        ids = list(posts.values_list("pk", flat=True))
        ChannelPost.objects.filter(pk__in=ids).update(
            status=ChannelPost.Status.PENDING, attempts=0, next_attempt_at=timezone.now()
        )
        for pk in ids:
            tasks.post_to_channel.enqueue(pk)
        self.message_user(
            request,
            ngettext(
                "%(count)d channel post is tried again.",
                "%(count)d channel posts are tried again.",
                len(ids),
            )
            % {"count": len(ids)},
            messages.SUCCESS if ids else messages.WARNING,
        )


class ConfirmedFilter(admin.SimpleListFilter):
    title = _("confirmed")
    parameter_name = "confirmed"

    def lookups(self, request, model_admin):
        return [("yes", _("Confirmed")), ("no", _("Waiting for confirmation"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(confirmed_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(confirmed_at__isnull=True)
        return queryset


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    """Counts for everyone who may view subscribers; the addresses themselves only for those
    who also hold ``view_subscriber_address`` (the Audience manager role)."""

    list_filter = ["language", ConfirmedFilter, "all_news"]
    actions = ["export_addresses"]
    change_list_template = "admin/newsroom/subscriber/change_list.html"
    created_at_display = date_display("created_at", _("subscribed at"))

    @staticmethod
    def sees_addresses(request):
        return request.user.has_perm("newsroom.view_subscriber_address")

    def address_field(self, request):
        return "email" if self.sees_addresses(request) else "masked_address"

    def has_add_permission(self, request):
        return False  # addresses arrive only through the double opt-in

    def has_change_permission(self, request, obj=None):
        return False

    def has_export_permission(self, request):
        return self.sees_addresses(request)

    def get_search_fields(self, request):
        # Searching by address would tell who is subscribed.
        return ["email"] if self.sees_addresses(request) else []

    def get_list_display(self, request):
        return [
            self.address_field(request),
            "language",
            "all_news",
            "confirmed_column",
            "created_at_display",
        ]

    def get_fields(self, request, obj=None):
        return [
            self.address_field(request),
            "language",
            "all_news",
            "sections",
            "tags",
            "created_at",
            "confirmed_at",
        ]

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj)

    def changelist_view(self, request, extra_context=None):
        counts = Subscriber.objects.aggregate(
            confirmed=Count("pk", filter=Q(confirmed_at__isnull=False)),
            waiting=Count("pk", filter=Q(confirmed_at__isnull=True)),
        )
        by_language = dict(
            Subscriber.objects.confirmed()
            .values_list("language")
            .annotate(count=Count("pk"))
            .order_by()
        )
        languages = [(name, by_language.get(code, 0)) for code, name in settings.LANGUAGES]
        extra_context = {**(extra_context or {}), "counts": counts, "by_language": languages}
        return super().changelist_view(request, extra_context)

    @admin.display(description=_("e-mail address"))
    def masked_address(self, obj):
        return str(obj)

    @admin.display(description=_("confirmed"), boolean=True)
    def confirmed_column(self, obj):
        return obj.is_confirmed

    @admin.action(description=_("Export the selected addresses (CSV)"), permissions=["export"])
    def export_addresses(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="subscribers.csv"'
        response["Cache-Control"] = "private, no-store"
        writer = csv.writer(response)
        writer.writerow(["email", "language", "all_news", "confirmed_at"])
        for subscriber in queryset.order_by("pk").iterator():
            writer.writerow(
                [
                    subscriber.email,
                    subscriber.language,
                    int(subscriber.all_news),
                    subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else "",
                ]
            )
        return response


@admin.register(Journalist)
class JournalistAdmin(admin.ModelAdmin):
    list_display = ["name", "outlet", "email", "language", "active"]
    list_filter = ["active", "language"]
    search_fields = ["name", "outlet", "email"]
    actions = ["send_press_room_link"]

    @admin.action(
        description=_("E-mail their press room link to the selected journalists"),
        permissions=["change"],
    )
    def send_press_room_link(self, request, queryset):
        journalists = list(queryset.filter(active=True))
        for journalist in journalists:
            tasks.send_press_room_link.enqueue(journalist.pk)
        self.message_user(
            request,
            ngettext(
                "The press room link is being sent to %(count)d journalist.",
                "The press room link is being sent to %(count)d journalists.",
                len(journalists),
            )
            % {"count": len(journalists)},
        )


class ChannelForm(forms.ModelForm):
    """The bot token can be replaced but is never shown: left empty, it stays as it is."""

    bot_token = forms.CharField(
        label=_("bot token"),
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Given by the messenger's bot service. Leave empty to keep the saved one."),
    )

    class Meta:
        model = Channel
        fields = ["name", "kind", "chat_id", "bot_token", "language", "active"]

    def clean_bot_token(self):
        token = self.cleaned_data["bot_token"].strip()
        return token or (self.instance.bot_token if self.instance.pk else "")

    def clean(self):
        cleaned = super().clean()
        needs_token = cleaned.get("kind") in {Channel.Kind.TELEGRAM, Channel.Kind.BALE}
        if needs_token and not cleaned.get("bot_token"):
            self.add_error("bot_token", _("A Telegram or Bale channel needs its bot's token."))
        return cleaned


@admin.register(Channel)
class ChannelAdmin(admin.ModelAdmin):
    form = ChannelForm
    list_display = ["name", "kind", "chat_id", "language", "active", "posted", "failing"]
    list_filter = ["kind", "language", "active"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                posted_count=Count("posts", filter=Q(posts__status=ChannelPost.Status.SENT)),
                failing_count=Count(
                    "posts",
                    filter=Q(
                        posts__status__in=[
                            ChannelPost.Status.RETRYING,
                            ChannelPost.Status.FAILED,
                        ]
                    ),
                ),
            )
        )

    @admin.display(description=_("posted"), ordering="posted_count")
    def posted(self, obj):
        return obj.posted_count

    @admin.display(description=_("failing"), ordering="failing_count")
    def failing(self, obj):
        return obj.failing_count
