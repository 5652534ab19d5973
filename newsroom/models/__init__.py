from .comments import Comment, CommentQuerySet
from .release import PressRelease, PressReleaseQuerySet, PressReleaseTranslation
from .similar import SimilarRelease, SimilarReleasePin
from .taxonomy import Office, Section, Tag, TaggedRelease

__all__ = [
    "Comment",
    "CommentQuerySet",
    "Office",
    "PressRelease",
    "PressReleaseQuerySet",
    "PressReleaseTranslation",
    "Section",
    "SimilarRelease",
    "SimilarReleasePin",
    "Tag",
    "TaggedRelease",
]
