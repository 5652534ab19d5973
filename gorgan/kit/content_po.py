"""Content translations as gettext PO files, so translators can use the tools they know.

One file per registered model and language. Each entry is one field of one object:

- ``msgctxt``: a stable reference ``app_label.modelname:pk:field``, for example
  ``gorgan.service:7:title``;
- ``msgid``: the Persian text; ``msgstr``: the current translation (empty when missing);
- an extracted comment ``source-hash: …`` with the fingerprint of that Persian text;
- the ``fuzzy`` flag when the translation was made from an older Persian text.

Importing applies translated, non-fuzzy entries to that language only. An entry whose Persian
text changed since the export is refused; an object whose new values do not validate (a slug
taken by another item, a required field left empty) is reported and left as it was.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import polib
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import translation
from django.utils.text import slugify

from gorgan.kit import translation_tracking as tracking
from gorgan.kit.translation_registry import entry_for, registered_content

HASH_COMMENT = "source-hash:"
HASH_PATTERN = re.compile(r"^source-hash:\s*([0-9a-f]+)\s*$", re.MULTILINE)


def reference(content, pk, field_name):
    return f"{content.key}:{pk}:{field_name}"


def parse_reference(msgctxt):
    """``(registry entry, pk, field)`` from a reference, or ``None`` when it names nothing."""
    parts = (msgctxt or "").split(":")
    if len(parts) != 3 or not parts[1].isdigit():
        return None
    content = entry_for(parts[0])
    if content is None or parts[2] not in content.fields:
        return None
    return content, int(parts[1]), parts[2]


def po_language(language_code):
    return translation.to_locale(language_code)


def language_from_po(po):
    """The site language code a PO file is for, from its ``Language`` header."""
    locale = po.metadata.get("Language", "").strip()
    candidates = {translation.to_locale(code).lower(): code for code, _name in settings.LANGUAGES}
    return candidates.get(locale.replace("-", "_").lower())


def file_name(content, language_code):
    return f"{content.key}.{po_language(language_code)}.po"


def rows_by_language(obj):
    return {row.language_code: row for row in tracking.translations_of(obj)}


def describe(obj, content, field_name):
    model = content.model
    translation_model = tracking.translation_model_of(model)
    field_label = translation_model._meta.get_field(field_name).verbose_name
    with translation.override("en"):
        return f"{model._meta.verbose_name} #{obj.pk}: {obj} · {field_label}"


def export_entries(content, language_code, missing_only=False):
    """The PO entries of one registered model for ``language_code``."""
    model = content.model
    objects = (
        model._default_manager.order_by("pk")
        .prefetch_related(model._parler_meta.root_rel_name)
        .iterator(chunk_size=500)
    )
    for obj in objects:
        rows = rows_by_language(obj)
        source = rows.get(tracking.SOURCE_LANGUAGE)
        if source is None:
            continue
        target = rows.get(language_code)
        outdated = tracking.is_tracked(type(source)) and tracking.is_outdated(target, source)
        for field_name in content.fields:
            persian = getattr(source, field_name) or ""
            if not persian:
                continue
            current = (getattr(target, field_name) or "") if target is not None else ""
            if missing_only and current and not outdated:
                continue
            yield polib.POEntry(
                msgctxt=reference(content, obj.pk, field_name),
                msgid=persian,
                msgstr=current,
                comment=(
                    f"{describe(obj, content, field_name)}\n"
                    f"{HASH_COMMENT} {tracking.text_hash(persian)}"
                ),
                flags=["fuzzy"] if outdated and current else [],
            )


def new_po_file(content, language_code):
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "Gorgan Municipality content",
        "Language": po_language(language_code),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": po_language(tracking.SOURCE_LANGUAGE),
        "X-Content-Model": content.key,
    }
    return po


def export_content(language_code, output_dir, missing_only=False):
    """Write one PO file per registered model; returns ``[(content, path or None, count)]``."""
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for content in registered_content():
        po = new_po_file(content, language_code)
        po.extend(export_entries(content, language_code, missing_only=missing_only))
        path = None
        if len(po):
            path = output_dir / file_name(content, language_code)
            po.save(str(path))
        written.append((content, path, len(po)))
    return written


@dataclass
class ImportResult:
    """What an import did, entry by entry (each item: ``(reference, detail)``)."""

    language_code: str = ""
    changed: list = field(default_factory=list)
    confirmed: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    refused: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def has_problems(self):
        return bool(self.refused or self.errors)


def recorded_hash(po_entry):
    match = HASH_PATTERN.search(po_entry.comment or "")
    return match[1] if match else None


def source_changed(po_entry, persian):
    """True when the Persian text is no longer the one this entry was exported from."""
    expected = recorded_hash(po_entry)
    if expected is not None:
        return tracking.text_hash(persian or "") != expected
    return (persian or "") != po_entry.msgid


def import_file(path, dry_run=False):
    """Apply one content PO file; see the module docstring for the rules."""
    po = polib.pofile(str(path))
    language_code = language_from_po(po)
    result = ImportResult(language_code=language_code or "")
    if language_code is None:
        raise ValueError(f"{path}: the Language header names no language of this site.")
    if language_code == tracking.SOURCE_LANGUAGE:
        raise ValueError(f"{path}: Persian is the source language; it is edited in the admin.")

    contents, groups = {}, defaultdict(list)
    for po_entry in po:
        if po_entry.obsolete:
            continue
        parsed = parse_reference(po_entry.msgctxt)
        if parsed is None:
            result.errors.append((po_entry.msgctxt or po_entry.msgid[:40], "unknown reference"))
            continue
        content, pk, field_name = parsed
        contents[content.key] = content
        groups[(content.key, pk)].append((field_name, po_entry))

    with transaction.atomic():
        for (key, pk), entries in groups.items():
            _import_object(contents[key], pk, entries, language_code, result)
        if dry_run:
            transaction.set_rollback(True)
    return result


def _import_object(content, pk, entries, language_code, result):
    model = content.model
    obj = (
        model._default_manager.filter(pk=pk)
        .prefetch_related(model._parler_meta.root_rel_name)
        .first()
    )
    if obj is None:
        for field_name, _po_entry in entries:
            result.errors.append((reference(content, pk, field_name), "the item no longer exists"))
        return
    rows = rows_by_language(obj)
    source = rows.get(tracking.SOURCE_LANGUAGE)
    target = rows.get(language_code)

    changes, held_back = {}, False
    for field_name, po_entry in entries:
        ref = reference(content, pk, field_name)
        if not po_entry.msgstr:
            result.skipped.append((ref, "not translated"))
            held_back = True
            continue
        if "fuzzy" in po_entry.flags:
            result.skipped.append((ref, "marked fuzzy (needs review)"))
            held_back = True
            continue
        persian = getattr(source, field_name) if source is not None else None
        if source is None or source_changed(po_entry, persian):
            result.refused.append((ref, "the Persian text changed since the export"))
            held_back = True
            continue
        current = getattr(target, field_name) if target is not None else None
        if po_entry.msgstr == (current or ""):
            result.unchanged.append((ref, ""))
        else:
            changes[field_name] = po_entry.msgstr

    if not changes:
        reviewed = not held_back and _covers_all_fields(content, source, entries)
        if reviewed and tracking.is_outdated(target, source):
            _confirm(target, content, pk, result)
        return
    _apply(obj, content, target, changes, language_code, held_back, result)


def _covers_all_fields(content, source, entries):
    present = {field_name for field_name, _po_entry in entries}
    needed = {name for name in content.fields if getattr(source, name, None)}
    return needed <= present


def _confirm(target, content, pk, result):
    """Every entry was reviewed and kept: the translation is current again."""
    tracking.mark_up_to_date(target)
    result.confirmed.append((reference(content, pk, "*"), "reviewed, kept as it is"))


def _apply(obj, content, target, changes, language_code, held_back, result):
    translation_model = tracking.translation_model_of(content.model)
    created = target is None
    if created:
        target = translation_model(language_code=language_code, master=obj)
    for field_name, value in changes.items():
        setattr(target, field_name, value)
    for slug_field, source_field in content.slug_sources.items():
        if not getattr(target, slug_field, ""):
            max_length = translation_model._meta.get_field(slug_field).max_length
            made = slugify(getattr(target, source_field, "") or "", allow_unicode=True)
            setattr(target, slug_field, made[:max_length])
            if made:
                changes[slug_field] = getattr(target, slug_field)
    # Entries refused or left fuzzy mean part of it still follows an older Persian text.
    target.keep_source_hash = held_back and not created
    refs = [reference(content, obj.pk, name) for name in changes]
    try:
        target.full_clean()
        with transaction.atomic():
            if created:
                target.save()
            else:
                target.save(update_fields=[*changes, "source_hash", *_auto_now_fields(target)])
    except ValidationError as error:
        detail = "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
        result.errors.extend((ref, f"not applied ({detail})") for ref in refs)
        return
    except DatabaseError as error:
        result.errors.extend((ref, f"not applied ({error})") for ref in refs)
        return
    result.changed.extend((ref, "new translation" if created else "updated") for ref in refs)


def _auto_now_fields(instance):
    return [f.name for f in instance._meta.concrete_fields if getattr(f, "auto_now", False)]
