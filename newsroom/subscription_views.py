"""Subscribing to releases by e-mail: the form, the double opt-in, preferences and
unsubscribing, all without an account.

Every page here is for one visitor (a form with Django's CSRF token, or a signed link), so
none is stored by the page cache (``private, no-store``) and none is indexed.
"""

from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from . import antispam, mailing, tasks
from .forms import SubscribeForm, SubscriptionChoiceForm
from .models import Subscriber

SUBSCRIBE_RATE_KEY = "newsroom:subscribe-rate:{}"
#: Subscriptions one client address may ask for in ten minutes (each sends a message).
SUBSCRIBE_RATE_LIMIT = 10


def personal(response):
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def page(request, template, context=None, status=200):
    return personal(
        TemplateResponse(
            request, f"newsroom/subscriptions/{template}", context or {}, status=status
        )
    )


class SubscribeView(View):
    """The subscription form; a valid address is sent a confirmation link (nothing else
    changes until it is opened)."""

    def get(self, request):
        return page(request, "subscribe.html", {"form": SubscribeForm()})

    def post(self, request):
        form = SubscribeForm(request.POST)
        if not form.is_valid():
            return page(request, "subscribe.html", {"form": form}, status=400)
        try:
            limited = antispam.count_against(SUBSCRIBE_RATE_KEY, request, SUBSCRIBE_RATE_LIMIT)
        except antispam.RateLimitUnavailable:
            limited = False  # a few extra confirmation messages are the worst case
        if limited:
            form.add_error(
                None,
                _("Several subscriptions were asked for from here. Please wait a few minutes."),
            )
            return page(request, "subscribe.html", {"form": form}, status=429)
        with transaction.atomic():
            subscriber, _confirmed = Subscriber.objects.subscribe(
                form.cleaned_data["email"],
                translation.get_language(),
                all_news=form.all_news,
                sections=form.cleaned_data["sections"],
                tags=form.cleaned_data["tags"],
            )
            transaction.on_commit(lambda: tasks.send_subscription_mail.enqueue(subscriber.pk))
        # The same answer whether or not the address was known: it reveals no subscriber.
        response = redirect("newsroom:subscription-sent")
        response.status_code = 303
        return response


def subscription_sent(request):
    return page(request, "sent.html")


class SubscriberLinkMixin:
    """Views reached through a link in a subscriber's e-mail; a bad link is a 404."""

    def subscriber(self, token):
        subscriber = mailing.subscriber_for_manage_token(Subscriber.objects.all(), token)
        if subscriber is None:
            raise Http404("This link is not valid (any more).")
        return subscriber


class ConfirmView(View):
    """The link in the confirmation message. Opening it shows a button; the address is
    confirmed by pressing it (a POST), so mail scanners that open links confirm nothing."""

    def subscriber(self, token):
        subscriber = mailing.subscriber_for_confirmation(Subscriber.objects.all(), token)
        if subscriber is None:
            raise Http404("This confirmation link is not valid (any more).")
        return subscriber

    def get(self, request, token):
        subscriber = self.subscriber(token)
        return page(request, "confirm.html", {"subscriber": subscriber})

    def post(self, request, token):
        subscriber = self.subscriber(token)
        subscriber.confirm()
        return page(
            request,
            "confirmed.html",
            {"preferences_url": reverse_manage("preferences", subscriber)},
        )


def reverse_manage(name, subscriber):
    return reverse(
        f"newsroom:subscription-{name}", kwargs={"token": mailing.manage_token(subscriber)}
    )


class PreferencesView(SubscriberLinkMixin, View):
    """What a subscriber receives, changed through the link in every message."""

    def form(self, subscriber, data=None):
        initial = {
            "scope": SubscriptionChoiceForm.ALL
            if subscriber.all_news
            else SubscriptionChoiceForm.CHOSEN,
            "sections": list(subscriber.sections.all()),
            "tags": list(subscriber.tags.all()),
        }
        return SubscriptionChoiceForm(data, initial=initial)

    def render(self, request, subscriber, form, saved=False, status=200):
        return page(
            request,
            "preferences.html",
            {
                "subscriber": subscriber,
                "form": form,
                "saved": saved,
                "unsubscribe_url": reverse_manage("unsubscribe", subscriber),
            },
            status=status,
        )

    def get(self, request, token):
        subscriber = self.subscriber(token)
        return self.render(request, subscriber, self.form(subscriber))

    def post(self, request, token):
        subscriber = self.subscriber(token)
        form = self.form(subscriber, request.POST)
        if not form.is_valid():
            return self.render(request, subscriber, form, status=400)
        with transaction.atomic():
            subscriber.all_news = form.all_news
            subscriber.language = translation.get_language()
            # Opening a link from the message proves the address as well as confirming does.
            subscriber.confirm()
            subscriber.save(update_fields=["all_news", "language"])
            subscriber.sections.set([] if form.all_news else form.cleaned_data["sections"])
            subscriber.tags.set([] if form.all_news else form.cleaned_data["tags"])
        return self.render(request, subscriber, form, saved=True)


@method_decorator(csrf_exempt, name="dispatch")
class UnsubscribeView(SubscriberLinkMixin, View):
    """Unsubscribe: the address is deleted, with what was sent to it.

    Exempt from CSRF because mail clients POST here without cookies or a token (RFC 8058
    one-click unsubscription, ``List-Unsubscribe-Post``). The signed link in the address is
    what authorises the POST; a forged cross-site POST would need it, and could do no more
    than its owner's message already allows. Opening the link (GET) only shows a button, so
    mail scanners unsubscribe no one.
    """

    def get(self, request, token):
        subscriber = self.subscriber(token)
        return page(request, "unsubscribe.html", {"subscriber": subscriber})

    def post(self, request, token):
        subscriber = self.subscriber(token)
        subscriber.delete()
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return personal(HttpResponse(status=200))
        return page(request, "unsubscribed.html")
