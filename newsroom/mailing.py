"""The e-mails the newsroom sends: confirmations, releases, corrections, embargo notices.

Each message is multipart (plain text and HTML) in the recipient's language; the release's
own text is the recipient's translation, or the Persian original (marked ``lang="fa"`` and
right to left) when there is none, as the site does. Links in messages are signed
(``django.core.signing``) and carry the recipient's key, so a new key, or deleting the
address, ends every link sent before.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from gorgan.kit import dates

from .models.subscriptions import CONFIRMATION_MAX_AGE

CONFIRM_SALT = "newsroom.subscription.confirm"
MANAGE_SALT = "newsroom.subscription.manage"
PRESS_ROOM_SALT = "newsroom.press-room"


def make_token(person, salt):
    return signing.dumps([person.pk, person.key], salt=salt, compress=True)


def find_by_token(queryset, token, salt, max_age=None):
    """The row the token was made for, or ``None`` if tampered, expired or revoked."""
    try:
        pk, key = signing.loads(token, salt=salt, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return queryset.filter(pk=pk, key=key).first()


def confirmation_token(subscriber):
    return make_token(subscriber, CONFIRM_SALT)


def subscriber_for_confirmation(queryset, token):
    return find_by_token(queryset, token, CONFIRM_SALT, max_age=CONFIRMATION_MAX_AGE)


def manage_token(subscriber):
    return make_token(subscriber, MANAGE_SALT)


def subscriber_for_manage_token(queryset, token):
    return find_by_token(queryset, token, MANAGE_SALT)


def press_room_token(journalist):
    return make_token(journalist, PRESS_ROOM_SALT)


def journalist_for_token(queryset, token):
    return find_by_token(queryset.filter(active=True), token, PRESS_ROOM_SALT)


def absolute(path):
    return f"{settings.SITE_URL}{path}"


def url_in(language_code, name, **kwargs):
    with translation.override(language_code):
        return absolute(reverse(name, kwargs=kwargs))


def with_tracking(url, campaign, medium="email", source="newsletter"):
    """``url`` with ``utm_*`` parameters; pages declare none of them, so the page cache serves
    the same page for the tracked link."""
    query = urlencode({"utm_source": source, "utm_medium": medium, "utm_campaign": campaign})
    return f"{url}{'&' if '?' in url else '?'}{query}"


def format_moment(moment, language_code):
    """A time and date in the reader's calendar and digits, Tehran time: «۹:۰۰», «۱۰ دی ۱۴۰۵»."""
    local = timezone.localtime(moment)
    return (
        dates.localize_digits(f"{local.hour}:{local.minute:02d}", language_code),
        dates.format_date(local, language_code),
    )


def direction(language_code):
    return "rtl" if translation.get_language_info(language_code)["bidi"] else "ltr"


def release_content(release, language_code, campaign, medium="email", source="newsletter"):
    """What a message shows of ``release`` for a reader of ``language_code``: the translation,
    or the Persian original."""
    content_language = (
        language_code if release.has_language(language_code) else settings.LANGUAGE_CODE
    )
    title = release.safe_translation_getter("title", language_code=content_language)
    lead = release.safe_translation_getter("lead", language_code=content_language)
    image_url = release.og_image_url() if release.featured_image_id else ""
    if image_url and not image_url.startswith(("http://", "https://")):
        image_url = absolute(image_url)
    return {
        "title": title,
        "lead": lead,
        "url": with_tracking(
            absolute(release.get_absolute_url(content_language)), campaign, medium, source
        ),
        "short_url": absolute(release.get_short_url()),
        "image_url": image_url,
        "content_language": content_language,
        "content_direction": direction(content_language),
        "is_fallback": content_language != language_code,
    }


def render_message(template, context, language_code, to, headers=None, connection=None):
    """A multipart message from ``template``'s subject, text and HTML parts, rendered in
    ``language_code``."""
    context = {
        **context,
        "language_code": language_code,
        "direction": direction(language_code),
        "site_url": settings.SITE_URL,
    }
    with translation.override(language_code):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(
        subject,
        text,
        to=[to],
        headers={"Content-Language": language_code, **(headers or {})},
        connection=connection,
    )
    message.attach_alternative(html, "text/html")
    return message


def unsubscribe_headers(unsubscribe_url):
    """RFC 8058 one-click unsubscription: mail clients POST to the address, no page needed."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def confirmation_message(subscriber):
    language = subscriber.language
    url = url_in(language, "newsroom:subscription-confirm", token=confirmation_token(subscriber))
    return render_message(
        "newsroom/email/confirm",
        {"confirm_url": url, "valid_days": CONFIRMATION_MAX_AGE.days},
        language,
        subscriber.email,
    )


def preferences_url(subscriber):
    return url_in(
        subscriber.language, "newsroom:subscription-preferences", token=manage_token(subscriber)
    )


def unsubscribe_url(subscriber):
    return url_in(
        subscriber.language, "newsroom:subscription-unsubscribe", token=manage_token(subscriber)
    )


def already_subscribed_message(subscriber):
    """Sent when a confirmed address subscribes again: its preferences link, nothing changed."""
    return render_message(
        "newsroom/email/already_subscribed",
        {"preferences_url": preferences_url(subscriber)},
        subscriber.language,
        subscriber.email,
    )


def release_message(release, subscriber, edition=0, connection=None):
    """The release (``edition`` 0) or a correction of it, for ``subscriber``."""
    language = subscriber.language
    campaign = release.short_code if not edition else f"{release.short_code}-{edition}"
    unsubscribe = unsubscribe_url(subscriber)
    context = {
        "release": release_content(release, language, campaign),
        "correction": edition > 0,
        "unsubscribe_url": unsubscribe,
        "preferences_url": preferences_url(subscriber),
    }
    return render_message(
        "newsroom/email/release",
        context,
        language,
        subscriber.email,
        headers=unsubscribe_headers(unsubscribe),
        connection=connection,
    )


def embargo_message(release, journalist, connection=None):
    """An embargoed release for an accredited journalist, before its publication time."""
    language = journalist.language
    token = press_room_token(journalist)
    time, date = format_moment(release.publish_at, language)
    context = {
        "release": release_content(release, language, release.short_code, source="press"),
        "embargo_time": time,
        "embargo_date": date,
        "press_room_url": url_in(
            language,
            "newsroom:press-release",
            token=token,
            short_code=release.short_code,
        ),
        "journalist": journalist,
    }
    return render_message(
        "newsroom/email/embargo", context, language, journalist.email, connection=connection
    )


def press_room_message(journalist):
    """The journalist's own link to the press room."""
    url = url_in(journalist.language, "newsroom:press-room", token=press_room_token(journalist))
    return render_message(
        "newsroom/email/press_room",
        {"press_room_url": url, "journalist": journalist},
        journalist.language,
        journalist.email,
    )
