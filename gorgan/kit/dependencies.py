"""What a page shows, and what changed: the one way anything rendered goes stale.

While a page or a stored part renders, every instance of a *tracked* model it loads is noted
as a dependency key (``app_label.model:42``), and code that shows a list notes the
list's key (``app_label.model``) with :func:`shows`. A save, delete or many-to-many
change of a tracked object calls :func:`changed` with the keys the object *touches*, which
the app that owns the model declares (:func:`track`): itself, the lists it appears in, and
whatever else shows it. So an edit makes stale only what shows the edited thing.

Each key has a *version* in the shared cache (Redis), so that every app server agrees:
values come from one shared counter, bumped after the change commits. Cached pages record
the versions of their keys and are fresh while those are unchanged (``gorgan.kit.pagecache``);
stored parts (``gorgan.models.StoredPart``) are deleted in the changing transaction and again
after it commits.

A render that overlaps a change could record versions read after the change together with
content read before it. Renders therefore note the counter before reading anything, and
nothing is kept if any of its keys was bumped since (see :func:`changed_since`).
"""

import contextlib
import contextvars
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save

logger = logging.getLogger(__name__)

CLOCK_KEY = "deps:clock"
#: The number of the latest bump: while it holds, nothing has changed anywhere.
LAST_CHANGE_KEY = "deps:last-change"
VERSION_KEY = "deps:v:{}"
NEXT_PUBLICATION_KEY = "deps:next-publication"
#: Callables returning when an app's next scheduled item becomes public (or ``None``).
SCHEDULES = []

_recording = contextvars.ContextVar("dependency_recording", default=None)


def key(model, pk=None):
    """``app.model:pk`` for one object, ``app.model`` for the lists of a model."""
    label = model._meta.label_lower
    return label if pk is None else f"{label}:{pk}"


def version_key(dependency):
    return VERSION_KEY.format(dependency)


def is_collection(dependency):
    """Whether ``dependency`` stands for a changing set (a list, a tag's releases) rather than
    one object: what shows a set changes when a scheduled item joins it."""
    _label, _colon, pk = dependency.partition(":")
    return not pk.isdigit()


def shows(*dependencies):
    """Note that what is being rendered shows ``dependencies`` (keys)."""
    recorded = _recording.get()
    if recorded is not None:
        recorded.update(dependencies)


@contextlib.contextmanager
def recording():
    """Collect the keys of what is rendered inside the block; an enclosing recording (a
    page around its parts) gets them too."""
    recorded = set()
    token = _recording.set(recorded)
    try:
        yield recorded
    finally:
        _recording.reset(token)
        shows(*recorded)


@contextlib.contextmanager
def lookup():
    """Inside, only single objects are noted: finding one object by its unique address shows
    that object, not the lists its query starts from (``published()`` notes the list)."""
    outer = _recording.get()
    if outer is None:
        yield
        return
    found = set()
    token = _recording.set(found)
    try:
        yield
    finally:
        _recording.reset(token)
        outer.update(k for k in found if not is_collection(k))


# -- Versions in the shared cache --------------------------------------------------------------
# A bump writes an even number from the one counter, a first sight of a key the odd number of
# the counter its render began at: a render can tell a change (even) from another render
# noting a key for the first time (odd).


def _start_clock():
    """A fresh (or emptied) cache: the counter starts near the present, above anything noted
    before."""
    start = int(time.time() * 1_000_000)
    if cache.add(CLOCK_KEY, start):
        cache.add(LAST_CHANGE_KEY, start * 2, timeout=None)


def _next_number():
    try:
        return cache.incr(CLOCK_KEY)
    except ValueError:
        _start_clock()
        return cache.incr(CLOCK_KEY)


def start_last_change():
    """Give ``LAST_CHANGE_KEY`` a value nothing was found fresh at, where it has none (a new
    or emptied cache, or an evicted key): what a process knew to be fresh before is checked
    again."""
    try:
        cache.add(LAST_CHANGE_KEY, _next_number() * 2, timeout=None)
    except Exception:
        logger.warning("Shared cache unreachable: the last change is not kept.", exc_info=True)


def clock():
    """The counter now, to be read before a render reads any content; ``None`` when the
    shared cache is unreachable (then nothing rendered is kept)."""
    try:
        value = cache.get(CLOCK_KEY)
        if value is None:
            _start_clock()
            value = cache.get(CLOCK_KEY)
    except Exception:
        logger.warning("Shared cache unreachable: nothing rendered is kept.", exc_info=True)
        return None
    return value


def versions(dependencies, start):
    """``{key: version}`` now, giving keys seen for the first time the odd version of
    ``start``, the counter the render read before it began.

    That value differs from any the key had: a bump after ``start`` writes a larger even
    number, and one before it a smaller one. Renders that began at the same ``start`` saw
    the same content, so they may share it.
    """
    names = {version_key(dependency): dependency for dependency in dependencies}
    found = cache.get_many(list(names))
    missing = {name: start * 2 + 1 for name in names if name not in found}
    if missing:
        cache.set_many(missing, timeout=None)
        found |= missing
    return {names[name]: value for name, value in found.items()}


def changed_since(start, recorded_versions):
    """Whether any key was changed (bumped) after the counter read ``start``."""
    return any(value % 2 == 0 and value > start * 2 for value in recorded_versions.values())


def fresh(recorded_versions, current):
    """Whether versions recorded at render time all still hold (``current`` from the cache)."""
    return all(current.get(version_key(k)) == v for k, v in recorded_versions.items())


def _bump(dependencies):
    try:
        number = _next_number() * 2
        # One MSET: whoever reads the new last change reads the new versions too.
        bumped = {version_key(dependency): number for dependency in dependencies}
        cache.set_many(bumped | {LAST_CHANGE_KEY: number}, None)
        # A save may have scheduled something.
        cache.delete(NEXT_PUBLICATION_KEY)
    except Exception:
        # Cached pages also expire on their own (PAGE_CACHE_SECONDS) and stored parts are
        # deleted in the database below, so a missed bump is bounded.
        logger.error("Shared cache unreachable: pages showing %s stay cached.", dependencies)
    from gorgan.models import StoredPart

    StoredPart.objects.forget(dependencies)


def changed(*dependencies):
    """What shows ``dependencies`` is stale: stored parts go now, inside the transaction, and
    versions are bumped (and stored parts forgotten again) once it commits."""
    dependencies = set(dependencies)
    if not dependencies:
        return
    from gorgan.models import StoredPart

    StoredPart.objects.forget(dependencies)
    transaction.on_commit(lambda: _bump(dependencies))


# -- Scheduled publication ---------------------------------------------------------------------
# What shows a list changes by itself when a scheduled item's time comes, without a save: such
# entries expire then (no background job is needed for a release to appear on time).


def register_schedule(next_publication):
    """``next_publication()`` tells when an app's next scheduled item goes public."""
    if next_publication not in SCHEDULES:
        SCHEDULES.append(next_publication)


def next_publication_timestamp(limit=3600, cached=None):
    """When the next scheduled item goes public (epoch seconds), or ``None``; cached until a
    change (which may schedule one) or for ``limit`` seconds.

    ``cached`` is the value of ``NEXT_PUBLICATION_KEY`` when the caller has read it already.
    """
    if cached is None:
        try:
            cached = cache.get(NEXT_PUBLICATION_KEY)
        except Exception:
            cached = None
    if cached is not None and (cached == 0 or cached > time.time()):
        return cached or None
    moments = [moment for schedule in SCHEDULES if (moment := schedule()) is not None]
    moment = min(moments, default=None)
    timestamp = moment.timestamp() if moment else 0
    with contextlib.suppress(Exception):
        cache.set(NEXT_PUBLICATION_KEY, timestamp, timeout=limit)
    return timestamp or None


# -- Tracked models ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tracking:
    #: Keys a page that loads an instance shows (the instance, or its parent for a translation).
    shown_as: Callable
    #: Keys a saved or deleted instance makes stale (also called with an instance that has
    #: only its pk, for a many-to-many change).
    touches: Callable


_tracked = {}


def own_keys(instance):
    return [key(type(instance), instance.pk)]


def own_and_list_keys(instance):
    return [key(type(instance), instance.pk), key(type(instance))]


def track(model, shown_as=own_keys, touches=own_and_list_keys):
    """Pages that load ``model``'s instances depend on ``shown_as(instance)``; saving or
    deleting one, or changing one of its many-to-many sets, makes stale what
    ``touches(instance)`` names (by default the object and its model's lists).

    Apps call it from ``AppConfig.ready()`` for every model their public pages show.
    """
    _tracked[model] = Tracking(shown_as, touches)
    post_init.connect(_loaded, sender=model, weak=False, dispatch_uid=f"deps-init-{model}")
    post_save.connect(_saved, sender=model, weak=False, dispatch_uid=f"deps-save-{model}")
    post_delete.connect(_saved, sender=model, weak=False, dispatch_uid=f"deps-delete-{model}")
    m2m_changed.connect(_relation_changed, weak=False, dispatch_uid="deps-m2m")


def _loaded(sender, instance, **kwargs):
    if _recording.get() is not None and instance.pk is not None:
        shows(*_tracked[sender].shown_as(instance))


def _saved(sender, instance, **kwargs):
    # Models can say that a change is invisible to readers (a comment awaiting moderation).
    changes_public_pages = getattr(instance, "changes_public_pages", None)
    if changes_public_pages is not None and not changes_public_pages():
        return
    changed(*_tracked[sender].touches(instance))


def _relation_changed(sender, instance, action, model, pk_set, **kwargs):
    """Both sides of a changed many-to-many set (tags of a release, releases of an
    agreement) touch what they touch when saved."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    dependencies = []
    if type(instance) in _tracked:
        dependencies += _tracked[type(instance)].touches(instance)
    if model in _tracked:
        if pk_set:
            touches = _tracked[model].touches
            dependencies += [k for pk in pk_set for k in touches(model(pk=pk))]
        else:  # cleared: which ones is no longer known
            dependencies.append(key(model))
    changed(*dependencies)


def list_key_only(model):
    """``shown_as`` for a model whose every change touches its list (the default): a page
    that shows several of its few objects (the services) needs only the list's key, and
    fewer keys make a cached page's check cheaper."""
    return lambda pk: [key(model)]


def track_translated(model, touches=own_and_list_keys, shown_as=None):
    """:func:`track` for a parler model and its translations, which count as the object.

    ``shown_as(pk)`` gives the keys a page loading the object (or a translation) shows.
    """
    shown_as = shown_as or (lambda pk: [key(model, pk)])
    track(model, shown_as=lambda obj: shown_as(obj.pk), touches=touches)
    track(
        model._parler_meta.root_model,
        shown_as=lambda row: shown_as(row.master_id),
        touches=lambda row: touches(model(pk=row.master_id)),
    )


class ReadOnce:
    """A value read at most once per request, which notes what it shows at every use.

    For data many templates of one page use (the site's identity): each stored part that
    uses it depends on it, even when another part read it first.
    """

    def __init__(self, load):
        self._load = load
        self._loaded = False

    def _value(self):
        if not self._loaded:
            with recording() as self._shown:
                self._result = self._load()
            self._loaded = True
        else:
            shows(*self._shown)
        return self._result

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._value(), name)

    def __iter__(self):
        return iter(self._value())

    def __len__(self):
        return len(self._value())

    def __bool__(self):
        return bool(self._value())

    def __str__(self):
        return str(self._value())
