"""What a save changes: the one way models and signal receivers learn a field's stored value.

``track(Model, "status", ...)`` (from ``AppConfig.ready()`` or at import of the model module)
makes the model's instances remember the tracked values as stored:

- an instance loaded from the database remembers what it was loaded with (no query);
- each save records, just before writing, the values it replaces (``previous()``), and
  after writing, the values now stored;
- an instance that did not come from the database but carries a primary key (a version
  restored from history, a deserialised fixture) holds the *new* values in memory, so the
  stored row is read once, before the save.

Two questions, asked at two moments:

- ``stored(instance, "status")``: the value in the database now, as far as this instance
  knows; a model's ``save()`` asks it before writing.
- ``previous(instance, "status")``: the value that the latest save of this instance replaced;
  ``post_save`` receivers ask it. Before any save it is the stored value.

Both are ``None`` for a row that does not exist (yet).
"""

from django.db.models.fields.files import FieldFile
from django.db.models.signals import post_init, post_save, pre_save

_tracked = {}  # model -> attnames of its tracked fields


def track(model, *field_names):
    """Remember ``field_names`` (names or attnames) of ``model``'s instances as stored."""
    attnames = {model._meta.get_field(name).attname for name in field_names}
    _tracked[model] = tuple(sorted({*_tracked.get(model, ()), *attnames}))
    uid = f"tracking-{model._meta.label_lower}"
    post_init.connect(_remember_stored, sender=model, dispatch_uid=f"{uid}-init")
    pre_save.connect(_remember_previous, sender=model, dispatch_uid=f"{uid}-pre")
    post_save.connect(_remember_stored, sender=model, dispatch_uid=f"{uid}-post")


def _current(instance):
    loaded = instance.__dict__  # never load a deferred field
    return {
        # A file is remembered by its name: the field's file object changes in place.
        name: loaded[name].name if isinstance(loaded[name], FieldFile) else loaded[name]
        for name in _tracked[type(instance)]
        if name in loaded
    }


def _remember_stored(sender, instance, **kwargs):
    instance._tracked_stored = _current(instance)


def mark_stored(instance):
    """Record that ``instance``'s values are stored, after writing them without ``save()``."""
    _remember_stored(type(instance), instance)


def _stored_values(instance):
    names = _tracked[type(instance)]
    if instance.pk is None:
        return dict.fromkeys(names)
    known = instance.__dict__.get("_tracked_stored", {})
    if not instance._state.adding and all(name in known for name in names):
        return dict(known)
    row = type(instance)._base_manager.filter(pk=instance.pk).values(*names).first()
    return row or dict.fromkeys(names)


def _remember_previous(sender, instance, **kwargs):
    instance._tracked_previous = _stored_values(instance)


def stored(instance, field_name):
    """The value of ``field_name`` in the database now, as far as ``instance`` knows."""
    return _stored_values(instance).get(instance._meta.get_field(field_name).attname)


def previous(instance, field_name):
    """The value of ``field_name`` that the latest save of ``instance`` replaced."""
    values = instance.__dict__.get("_tracked_previous")
    if values is None:
        return stored(instance, field_name)
    return values.get(instance._meta.get_field(field_name).attname)
