from .images import GalleryItem, Image, images_for_release
from .release import PressRelease, PressReleaseQuerySet, PressReleaseTranslation
from .taxonomy import Office, Section, Tag, TaggedRelease

__all__ = [
    "GalleryItem",
    "Image",
    "Office",
    "PressRelease",
    "PressReleaseQuerySet",
    "PressReleaseTranslation",
    "Section",
    "Tag",
    "TaggedRelease",
    "images_for_release",
]
