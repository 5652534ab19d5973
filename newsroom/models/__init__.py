from .redirects import RetiredSlug
from .release import PressRelease, PressReleaseQuerySet, PressReleaseTranslation
from .taxonomy import Office, Section, Tag, TaggedRelease

__all__ = [
    "Office",
    "PressRelease",
    "PressReleaseQuerySet",
    "PressReleaseTranslation",
    "RetiredSlug",
    "Section",
    "Tag",
    "TaggedRelease",
]
