"""What a change to each newsroom model makes stale on the public site.

Pages note the objects they load by themselves (``gorgan.kit.dependencies``); this module
declares, for each model public pages show, which keys a saved or deleted object touches.
"""

from gorgan.kit.dependencies import key, own_and_list_keys, track, track_translated

from . import asides
from .models import (
    Comment,
    GalleryItem,
    Image,
    Office,
    PressContact,
    PressRelease,
    Section,
    SimilarReleasePin,
    Tag,
    TaggedRelease,
)
from .models.comments import comments_key
from .models.similar import tag_releases_key


def release_keys(release):
    """The release's pages, every list of releases, and the similar boxes of its tags."""
    tag_ids = TaggedRelease.objects.filter(content_object_id=release.pk).values_list(
        "tag_id", flat=True
    )
    return [
        key(PressRelease, release.pk),
        key(PressRelease),
        *(tag_releases_key(tag_id) for tag_id in tag_ids),
    ]


def tag_keys(tag):
    return [*own_and_list_keys(tag), tag_releases_key(tag.pk)]


def shown_with_release(instance):
    """Gallery pictures and pins appear only on their release's page."""
    return [key(PressRelease, instance.release_id)]


def contact_keys(contact):
    """Press contacts appear in their release's asides, and only there."""
    release_id = contact.release_id
    if release_id is None:  # a translation's change: only the contact's pk is at hand
        found = PressContact.objects.filter(pk=contact.pk).values_list("release_id", flat=True)
        release_id = found.first()
    return [asides.dependency_key(release_id)] if release_id is not None else []


def comment_keys(comment):
    return [comments_key(comment.release_id)]


def track_models():
    track_translated(PressRelease, touches=release_keys)
    track_translated(Section)
    track_translated(Office)
    track_translated(Image)
    # A tag's own changes touch the key of its releases too, which pages that show the tag
    # (its name) note instead of its own: one key per tag on an article rather than two.
    track_translated(Tag, touches=tag_keys, shown_as=lambda pk: [tag_releases_key(pk)])
    track(
        TaggedRelease,
        shown_as=lambda item: [
            key(PressRelease, item.content_object_id),
            tag_releases_key(item.tag_id),
        ],
        touches=lambda item: [
            key(PressRelease, item.content_object_id),
            key(PressRelease),
            tag_releases_key(item.tag_id),
        ],
    )
    track(Comment, shown_as=comment_keys, touches=comment_keys)
    track_translated(PressContact, touches=contact_keys)
    for model in (GalleryItem, SimilarReleasePin):
        track(model, shown_as=shown_with_release, touches=shown_with_release)
