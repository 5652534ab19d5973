import reversion

from .channels import Channel, ChannelPost
from .comments import Comment, CommentQuerySet
from .contacts import PressContact
from .images import GalleryItem, Image, images_for_release
from .redirects import RetiredSlug
from .release import PressRelease, PressReleaseQuerySet, PressReleaseTranslation
from .similar import SimilarRelease, SimilarReleasePin
from .subscriptions import Journalist, MailDelivery, Subscriber
from .taxonomy import Office, Section, Tag, TaggedRelease, tagged_items_with_labels
from .workflow import StatusChange

# Every saved version of a release keeps all its translations and its tags, so restoring a
# version (or recovering a deleted release) brings back every language at once.
reversion.register(PressReleaseTranslation)
reversion.register(TaggedRelease)
reversion.register(PressRelease, follow=["translations", "tagged_items"])

__all__ = [
    "Channel",
    "ChannelPost",
    "Comment",
    "CommentQuerySet",
    "GalleryItem",
    "Image",
    "Journalist",
    "MailDelivery",
    "Office",
    "PressContact",
    "PressRelease",
    "PressReleaseQuerySet",
    "PressReleaseTranslation",
    "RetiredSlug",
    "Section",
    "SimilarRelease",
    "SimilarReleasePin",
    "StatusChange",
    "Subscriber",
    "Tag",
    "TaggedRelease",
    "images_for_release",
    "tagged_items_with_labels",
]
