"""Which stored media files are still in use, found through the storage API only.

Every ``FileField`` (and ``ImageField``) of every installed model is discovered through the
app registry, so files of models added later are covered without a change here. A model that
keeps files no field names (such as image renditions) lists them in a classmethod
``media_files_in_use()`` that yields ``(storage, name)`` pairs.
"""

import posixpath
from dataclasses import dataclass
from datetime import timedelta
from pathlib import PurePath

from django.apps import apps
from django.core.files.storage import default_storage
from django.db import models
from django.utils import timezone
from django.utils.functional import LazyObject, empty


def unwrap(storage):
    """The storage behind a lazy wrapper such as ``default_storage``."""
    if isinstance(storage, LazyObject):
        if storage._wrapped is empty:
            storage._setup()
        return storage._wrapped
    return storage


def file_fields():
    """(model, field) for every concrete file field of every installed model."""
    for model in apps.get_models():
        if model._meta.proxy:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                yield model, field


def files_in_use():
    """{storage: set of names} of every file a database row refers to."""
    in_use = {}

    def add(storage, name):
        if name:
            storage = unwrap(storage)
            in_use.setdefault(storage, set()).add(name)

    in_use[unwrap(default_storage)] = set()
    fields_by_model = {}
    for model, field in file_fields():
        fields_by_model.setdefault(model, []).append(field)
    for model, fields in fields_by_model.items():
        names = model._base_manager.values_list(*(field.attname for field in fields))
        for row in names.iterator(chunk_size=2000):
            for field, name in zip(fields, row, strict=True):
                add(field.storage, name)
        if hasattr(model, "media_files_in_use"):
            for storage, name in model.media_files_in_use():
                add(storage, name)
    return in_use


def nested_prefixes(storage, storages):
    """Folders of ``storage`` that hold another (local) storage of the list: not ours to judge."""
    location = getattr(storage, "location", None)
    prefixes = []
    for other in storages:
        other_location = getattr(other, "location", None)
        if other is storage or not location or not other_location:
            continue
        outer, inner = PurePath(location), PurePath(other_location)
        if inner != outer and outer in inner.parents:
            prefixes.append(inner.relative_to(outer).as_posix())
    return prefixes


def walk(storage, folder="", skip=()):
    """Every file name in ``storage`` under ``folder``, through ``listdir`` only."""
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield posixpath.join(folder, name)
    for directory in sorted(directories):
        path = posixpath.join(folder, directory)
        if path not in skip:
            yield from walk(storage, path, skip)


def modified_time(storage, name):
    try:
        return storage.get_modified_time(name)
    except NotImplementedError:  # a storage that cannot tell: treat the file as old
        return timezone.now() - timedelta(days=365)


@dataclass(frozen=True)
class OrphanedFile:
    storage: object
    name: str


def orphaned_files(min_age=timedelta(hours=1)):
    """Stored files no row refers to and older than ``min_age``.

    The age margin leaves alone a file whose upload is saved but whose row is not committed
    yet.
    """
    in_use = files_in_use()
    newest_allowed = timezone.now() - min_age
    for storage, names in in_use.items():
        skip = set(nested_prefixes(storage, in_use))
        for name in walk(storage, skip=skip):
            if name in names:
                continue
            if min_age and modified_time(storage, name) > newest_allowed:
                continue
            yield OrphanedFile(storage, name)
