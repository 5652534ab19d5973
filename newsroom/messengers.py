"""Posting to messenger channels through the Bot API (Telegram; Bale has the same methods
under another address), or into a local folder for the demo and test installations.

Every call waits at most ``MESSENGER_TIMEOUT`` seconds to connect and to answer. A failure
raises ``MessengerError``; the outbox (``newsroom.distribution``) retries it later.
"""

import json
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from . import mailing
from .models import Channel

# The Bot API's limits: a photo's caption and a message's text, in characters.
CAPTION_LIMIT = 1024
TEXT_LIMIT = 4096


class MessengerError(Exception):
    """The messenger refused the post or could not be reached in time."""


def release_post(release, channel):
    """The post of ``release`` in the channel's language (Persian when untranslated)."""
    content = mailing.release_content(
        release, channel.language, release.short_code, medium="messenger", source=channel.kind
    )
    return {
        "text": f"{content['title']}\n\n{content['lead']}\n\n{content['short_url']}",
        "image_url": content["image_url"],
        "short_code": release.short_code,
    }


def shortened(text, limit):
    return text if len(text) <= limit else text[: limit - 1] + "…"


def post(channel, content):
    """Post ``content`` (``release_post``) to ``channel``; returns the message's id."""
    if channel.kind == Channel.Kind.FOLDER:
        return write_to_folder(channel, content)
    base = settings.BALE_API_URL if channel.kind == Channel.Kind.BALE else settings.TELEGRAM_API_URL
    if content["image_url"]:
        method = "sendPhoto"
        payload = {
            "chat_id": channel.chat_id,
            "photo": content["image_url"],
            "caption": shortened(content["text"], CAPTION_LIMIT),
        }
    else:
        method = "sendMessage"
        payload = {"chat_id": channel.chat_id, "text": shortened(content["text"], TEXT_LIMIT)}
    answer = call(f"{base.rstrip('/')}/bot{channel.bot_token}/{method}", payload, channel.bot_token)
    return answer.get("result", {}).get("message_id", "")


def call(url, payload, secret):
    """POST ``payload`` as JSON; the answer's JSON when ``ok``. ``secret`` (the bot's token,
    part of the address) never appears in an error."""
    request = urllib.request.Request(
        url,
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.MESSENGER_TIMEOUT) as response:
            answer = json.loads(response.read().decode() or "{}")
    except urllib.error.HTTPError as error:
        answer = read_error(error)
        raise MessengerError(hidden(f"HTTP {error.code}: {answer}", secret)) from None
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise MessengerError(hidden(f"{type(error).__name__}: {reason}", secret)) from None
    if not answer.get("ok"):
        raise MessengerError(hidden(str(answer.get("description", answer)), secret))
    return answer


def read_error(error):
    try:
        return json.loads(error.read().decode()).get("description", "")
    except (ValueError, OSError, AttributeError):
        return error.reason


def hidden(text, secret):
    return text.replace(secret, "…") if secret else text


def write_to_folder(channel, content):
    """The local channel: each post a text file in ``MESSENGER_FOLDER/<chat>/``."""
    folder = Path(settings.MESSENGER_FOLDER) / Path(channel.chat_id).name
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{timezone.now():%Y%m%d-%H%M%S}-{content['short_code']}.txt"
    lines = [content["text"]]
    if content["image_url"]:
        lines.append(content["image_url"])
    (folder / name).write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return name
