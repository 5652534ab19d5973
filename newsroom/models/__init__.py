from .comments import Comment, CommentQuerySet
from .images import GalleryItem, Image, images_for_release
from .release import PressRelease, PressReleaseQuerySet, PressReleaseTranslation
from .similar import SimilarRelease, SimilarReleasePin
from .taxonomy import Office, Section, Tag, TaggedRelease

__all__ = [
    "Comment",
    "CommentQuerySet",
    "GalleryItem",
    "Image",
    "Office",
    "PressRelease",
    "PressReleaseQuerySet",
    "PressReleaseTranslation",
    "Section",
    "SimilarRelease",
    "SimilarReleasePin",
    "Tag",
    "TaggedRelease",
    "images_for_release",
]
