"""Signed draft-preview links: show an unpublished release to someone without an account.

The link carries the release's id and the time it was last saved, signed with the site's
secret key. It stops working after seven days, and at once when the release is saved again.
"""

import datetime

from django.core import signing

SALT = "newsroom.preview"
MAX_AGE = datetime.timedelta(days=7)
_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
_MICROSECOND = datetime.timedelta(microseconds=1)


def _version(release):
    return (release.updated_at - _EPOCH) // _MICROSECOND


def make_token(release):
    return signing.dumps([release.pk, _version(release)], salt=SALT)


def release_for_token(token, queryset):
    """The release the token was made for, or ``None`` if tampered, expired or out of date."""
    try:
        pk, version = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    release = queryset.filter(pk=pk).first()
    if release is None or _version(release) != version:
        return None
    return release
