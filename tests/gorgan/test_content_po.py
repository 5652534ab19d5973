"""Content translations through PO files: export, import, refusal, isolation, validation."""

from io import StringIO

import polib
import pytest
from django.core.management import CommandError, call_command

from gorgan.kit import translation_tracking as tracking
from gorgan.kit.translation_tracking import text_hash
from newsroom.models import PressRelease
from tests.factories import make_office, make_release, make_section, make_tag

pytestmark = pytest.mark.django_db


@pytest.fixture
def vocabulary():
    return {
        "section": make_section(fa="اخبار", en="News", **{"zh-hans": "新闻"}),
        "office": make_office(fa="روابط عمومی", en="Public relations", **{"zh-hans": "公共关系处"}),
    }


def export(folder, language="en", *options):
    out = StringIO()
    call_command(
        "export_content_po", "--language", language, "--output", folder, *options, stdout=out
    )
    return out.getvalue()


def import_po(*args):
    out = StringIO()
    call_command("import_content_po", *args, stdout=out)
    return out.getvalue()


def translate(path, **by_reference):
    """Play the translator: set msgstr by reference, optionally clearing the fuzzy flag."""
    po = polib.pofile(str(path))
    for entry in po:
        if entry.msgctxt in by_reference:
            entry.msgstr = by_reference[entry.msgctxt]
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
    po.save()


def ref(release, field):
    return f"newsroom.pressrelease:{release.pk}:{field}"


def rows(release):
    """Every stored value of every translation row, by language."""
    return {
        row["language_code"]: row for row in release.translations.order_by("language_code").values()
    }


def english(release, field):
    return PressRelease.objects.get(pk=release.pk).safe_translation_getter(
        field, language_code="en"
    )


def statuses(release):
    fresh = PressRelease.objects.prefetch_related("translations").get(pk=release.pk)
    return tracking.language_statuses(fresh)


def edit_persian(release, **fields):
    fresh = PressRelease.objects.get(pk=release.pk)
    fresh.set_current_language("fa")
    for name, value in fields.items():
        setattr(fresh, name, value)
    fresh.save()


def test_export_writes_one_file_per_model_with_source_translation_and_fingerprint(
    tmp_path, vocabulary
):
    release = make_release(**vocabulary)
    make_tag(name="گوانگژو", en="Guangzhou")

    output = export(tmp_path)
    po = polib.pofile(str(tmp_path / "newsroom.pressrelease.en.po"))
    title = po.find(ref(release, "title"), by="msgctxt")

    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "newsroom.office.en.po",
        "newsroom.pressrelease.en.po",
        "newsroom.section.en.po",
        "newsroom.tag.en.po",
    ]
    assert "newsroom.pressrelease: 4 entries" in output
    assert po.metadata["Language"] == "en"
    assert [entry.msgctxt for entry in po] == [
        ref(release, name) for name in ("title", "slug", "lead", "body")
    ]
    assert (title.msgid, title.msgstr, title.flags) == (
        release.safe_translation_getter("title", language_code="fa"),
        release.safe_translation_getter("title", language_code="en"),
        [],
    )
    assert f"source-hash: {text_hash(title.msgid)}" in title.comment.splitlines()


def test_missing_only_export_keeps_untranslated_and_outdated_marks_outdated_fuzzy(
    tmp_path, vocabulary
):
    current = make_release(**vocabulary)
    untranslated = make_release(languages=("fa",), **vocabulary)
    outdated = make_release(**vocabulary)
    edit_persian(outdated, lead="لید بازنویسی‌شده")

    export(tmp_path, "en", "--missing-only")
    po = polib.pofile(str(tmp_path / "newsroom.pressrelease.en.po"))
    entries = {entry.msgctxt: entry for entry in po}

    assert not any(key.startswith(f"newsroom.pressrelease:{current.pk}:") for key in entries)
    assert entries[ref(untranslated, "title")].msgstr == ""
    assert entries[ref(untranslated, "title")].flags == []
    assert entries[ref(outdated, "lead")].msgid == "لید بازنویسی‌شده"
    assert entries[ref(outdated, "lead")].flags == ["fuzzy"]
    assert entries[ref(outdated, "title")].flags == ["fuzzy"]


def test_round_trip_creates_the_translation_and_reports_it(tmp_path, vocabulary):
    release = make_release(languages=("fa",), **vocabulary)
    export(tmp_path, "en", "--missing-only")
    path = tmp_path / "newsroom.pressrelease.en.po"
    translate(
        path,
        **{
            ref(release, "title"): "Gorgan plants ten thousand trees",
            ref(release, "lead"): "The municipality planted trees.",
        },
    )

    report = import_po(str(path))
    again = import_po(str(path))

    assert english(release, "title") == "Gorgan plants ten thousand trees"
    assert english(release, "slug") == "gorgan-plants-ten-thousand-trees"
    assert english(release, "lead") == "The municipality planted trees."
    assert statuses(release)["en"] == "translated"
    assert f"changed: {ref(release, 'title')} — new translation" in report
    assert "Applied: 3 changed, 0 confirmed, 0 unchanged, 2 skipped, 0 refused, 0 errors." in report
    assert "Applied: 0 changed, 0 confirmed, 2 unchanged, 2 skipped, 0 refused, 0 errors." in again


def test_entries_whose_persian_changed_since_export_are_refused(tmp_path, vocabulary):
    release = make_release(**vocabulary)
    export(tmp_path)
    path = tmp_path / "newsroom.pressrelease.en.po"
    edit_persian(release, title="عنوان تازهٔ فارسی")
    translate(
        path,
        **{ref(release, "title"): "Translated old title", ref(release, "lead"): "New lead"},
    )

    with pytest.raises(CommandError, match="1 entries were not applied"):
        import_po(str(path))

    assert english(release, "title") == f"Release {release_number(release)}"
    assert english(release, "lead") == "New lead"
    # The title still follows the old Persian text, so English stays outdated.
    assert statuses(release)["en"] == "outdated"


def release_number(release):
    return release.safe_translation_getter("title", language_code="fa").split()[-1]


def test_refusal_is_reported_by_reference(tmp_path, vocabulary, capsys):
    release = make_release(**vocabulary)
    export(tmp_path)
    path = tmp_path / "newsroom.pressrelease.en.po"
    edit_persian(release, lead="لید تازه")
    translate(path, **{ref(release, "lead"): "Another lead"})

    out = StringIO()
    with pytest.raises(CommandError):
        call_command("import_content_po", str(path), stdout=out)

    assert (
        f"  REFUSED: {ref(release, 'lead')} — the Persian text changed since the export"
        in out.getvalue().splitlines()
    )


def test_import_touches_only_that_language_and_those_fields(tmp_path, vocabulary):
    release = make_release(**vocabulary)
    other = make_release(**vocabulary)
    export(tmp_path)
    path = tmp_path / "newsroom.pressrelease.en.po"
    before, other_before = rows(release), rows(other)
    master_before = PressRelease.objects.filter(pk=release.pk).values().get()
    translate(path, **{ref(release, "title"): "A better English title"})

    import_po(str(path))
    after = rows(release)

    assert after["fa"] == before["fa"]
    assert after["zh-hans"] == before["zh-hans"]
    changed = {name for name in after["en"] if after["en"][name] != before["en"][name]}
    assert changed <= {"title", "saved_at", "search_document"}  # the index follows the title
    assert after["en"]["title"] == "A better English title"
    assert rows(other) == other_before
    assert PressRelease.objects.filter(pk=release.pk).values().get() == master_before


def test_invalid_object_is_reported_and_left_whole_while_others_apply(tmp_path, vocabulary):
    taken = make_release(**vocabulary)
    release = make_release(**vocabulary)
    fine = make_release(**vocabulary)
    export(tmp_path)
    path = tmp_path / "newsroom.pressrelease.en.po"
    translate(
        path,
        **{
            ref(release, "title"): "Title that must not land alone",
            ref(release, "slug"): english(taken, "slug"),
            ref(fine, "title"): "This one lands",
        },
    )
    before = rows(release)

    out = StringIO()
    with pytest.raises(CommandError, match="2 entries were not applied"):
        call_command("import_content_po", str(path), stdout=out)

    assert rows(release) == before
    assert english(fine, "title") == "This one lands"
    assert (
        f"  ERROR: {ref(release, 'slug')} — not applied (slug: Another release already uses "
        "this slug in this language.)" in out.getvalue().splitlines()
    )


def test_fuzzy_entries_are_skipped_and_clearing_fuzzy_confirms(tmp_path, vocabulary):
    release = make_release(**vocabulary)
    edit_persian(release, lead="لید بازنویسی‌شده")
    export(tmp_path)
    path = tmp_path / "newsroom.pressrelease.en.po"

    untouched = import_po(str(path))
    status_after_untouched = statuses(release)["en"]
    current = {name: english(release, name) for name in ("title", "slug", "lead", "body")}
    translate(path, **{ref(release, name): value for name, value in current.items()})
    confirmed = import_po(str(path))

    assert "0 changed, 0 confirmed, 0 unchanged, 4 skipped" in untouched
    assert status_after_untouched == "outdated"
    assert "0 changed, 1 confirmed, 4 unchanged, 0 skipped" in confirmed
    assert statuses(release)["en"] == "translated"


def test_dry_run_changes_nothing(tmp_path, vocabulary):
    release = make_release(languages=("fa",), **vocabulary)
    export(tmp_path)
    path = tmp_path / "newsroom.pressrelease.en.po"
    translate(path, **{ref(release, "title"): "Dry title", ref(release, "lead"): "Dry lead"})

    report = import_po(str(path), "--dry-run")

    assert "Would apply: 3 changed" in report
    assert release.translations.filter(language_code="en").exists() is False


def test_tags_round_trip(tmp_path):
    tag = make_tag(name="خواهرخواندگی")
    export(tmp_path, "zh-hans")
    path = tmp_path / "newsroom.tag.zh_Hans.po"
    translate(path, **{f"newsroom.tag:{tag.pk}:label": "友好城市"})

    import_po(str(path))

    assert tag.translations.get(language_code="zh-hans").label == "友好城市"


def test_persian_file_and_unknown_references_are_refused(tmp_path):
    persian = tmp_path / "fa.po"
    po = polib.POFile()
    po.metadata = {"Language": "fa", "Content-Type": "text/plain; charset=UTF-8"}
    po.save(str(persian))
    unknown = tmp_path / "unknown.po"
    po.metadata["Language"] = "en"
    po.append(polib.POEntry(msgctxt="newsroom.nothing:1:title", msgid="x", msgstr="y"))
    po.save(str(unknown))

    with pytest.raises(CommandError, match="Persian is the source language"):
        import_po(str(persian))
    out = StringIO()
    with pytest.raises(CommandError, match="1 entries were not applied"):
        call_command("import_content_po", str(unknown), stdout=out)
    assert "  ERROR: newsroom.nothing:1:title — unknown reference" in out.getvalue()
