"""Template tags for responsive pictures: ``{% load pictures %}``."""

from django import template
from django.utils import translation

from newsroom import renditions
from newsroom.models import images_for_release

register = template.Library()


@register.simple_tag
def release_images(release):
    """``{% release_images release as images %}``: ``images.featured`` and ``images.gallery``."""
    return images_for_release(release)


@register.simple_tag
def picture_of(image, language_code=None):
    """``{% picture_of image content_language as picture %}``: what ``_picture.html`` needs."""
    return renditions.picture(image, language_code or translation.get_language())
