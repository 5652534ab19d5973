"""Boxes that other apps add beside a release's text ("asides"), unknown to the newsroom.

An app registers an aside from its ``AppConfig.ready()``: the template that draws it and the
prefetch that loads what it shows together with the release's other contents, in a fixed
number of queries. The template finds the release as ``release`` and the prefetched objects
under the prefetch's ``to_attr``.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Prefetch


@dataclass(frozen=True)
class ReleaseAside:
    template_name: str
    #: Builds the prefetch on ``PressRelease``; called per page, so that its queryset can read
    #: the page's language.
    prefetch: Callable[[], Prefetch]


_asides = {}


def dependency_key(release_id):
    """What a release's asides show, beyond the objects they load: an app whose object comes
    to appear in (or leave) a release's asides makes this key stale."""
    return f"newsroom.pressrelease:{release_id}:asides"


def register(name, aside):
    """Show ``aside`` on every release page; registering a name again replaces it."""
    _asides[name] = aside


def registered():
    return list(_asides.values())


def prefetches():
    return [aside.prefetch() for aside in registered()]
