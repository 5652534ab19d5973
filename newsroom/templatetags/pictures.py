"""Template tags for responsive pictures: ``{% load pictures %}``."""

import logging

from django import template
from django.utils import translation

from newsroom import renditions
from newsroom.models import images_for_release

register = template.Library()
logger = logging.getLogger(__name__)


@register.simple_tag
def release_images(release):
    """``{% release_images release as images %}``: ``images.featured`` and ``images.gallery``."""
    return images_for_release(release)


@register.simple_tag
def picture_of(image, language_code=None):
    """``{% picture_of image content_language as picture %}``: what ``_picture.html`` needs.

    None when the renditions are missing and cannot be made (say, the original is gone): the
    page is then shown without that picture rather than not at all.
    """
    try:
        return renditions.picture(image, language_code or translation.get_language())
    except Exception:
        logger.exception("No renditions for image %s (%s)", image.pk, image.file.name)
        return None
