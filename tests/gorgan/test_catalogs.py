"""The interface catalogs in locale/: complete, translated, compiled, and typographically right.

The freshness check runs ``makemessages`` in a temporary copy of the project, so the real
catalogs are never modified by the tests; compiled ``.mo`` files are compared with their
``.po`` by content (git checkouts do not keep file times).
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOG_LANGUAGES = ["fa", "en", "zh_Hans"]
# The command docs/translators.md gives translators, minus the language list.
MAKEMESSAGES_OPTIONS = ["--ignore=.venv", "--ignore=tests"]
NOT_COPIED = shutil.ignore_patterns(
    ".git",
    ".venv",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    "*.egg-info",
    "media",
    "staticfiles",
    "content-po",
    "*.sqlite3",
)

needs_gettext = pytest.mark.skipif(
    shutil.which("xgettext") is None or shutil.which("msgfmt") is None,
    reason="GNU gettext (xgettext, msgfmt) is not installed",
)


def po_path(root, language):
    return Path(root) / "locale" / language / "LC_MESSAGES" / "django.po"


def message_keys(po):
    return {(e.msgctxt or "", e.msgid, e.msgid_plural or "") for e in po if not e.obsolete}


def describe(keys):
    return sorted(f"{ctx + ' | ' if ctx else ''}{msgid}" for ctx, msgid, _plural in keys)


@pytest.fixture(scope="module")
def regenerated_catalogs(tmp_path_factory):
    """The catalogs as ``makemessages`` would write them now, made in a copy of the project."""
    copy = tmp_path_factory.mktemp("catalogs") / "project"
    shutil.copytree(ROOT, copy, ignore=NOT_COPIED)
    languages = [option for language in CATALOG_LANGUAGES for option in ("-l", language)]
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", *languages, *MAKEMESSAGES_OPTIONS],
        cwd=copy,
        env=os.environ | {"DJANGO_SETTINGS_MODULE": "gorgan.settings.test"},
        check=True,
        capture_output=True,
        timeout=300,
    )
    return {language: polib.pofile(str(po_path(copy, language))) for language in CATALOG_LANGUAGES}


@needs_gettext
@pytest.mark.parametrize("language", CATALOG_LANGUAGES)
def test_catalog_holds_every_message_of_the_code_and_templates(regenerated_catalogs, language):
    committed = message_keys(polib.pofile(str(po_path(ROOT, language))))
    expected = message_keys(regenerated_catalogs[language])

    assert describe(expected - committed) == [], "run makemessages: messages missing"
    assert describe(committed - expected) == [], "run makemessages: messages no longer used"


@pytest.mark.parametrize("language", CATALOG_LANGUAGES)
def test_catalog_has_no_untranslated_or_fuzzy_entries(language):
    po = polib.pofile(str(po_path(ROOT, language)))

    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []


def compiled_messages(mo_file):
    """Everything a compiled catalog tells gettext: plural rule and every translation."""
    mo = polib.mofile(str(mo_file))
    messages = {
        (e.msgctxt or "", e.msgid, e.msgid_plural or ""): (
            e.msgstr,
            tuple(sorted((int(k), v) for k, v in e.msgstr_plural.items())),
        )
        for e in mo
        if e.msgid
    }
    return mo.metadata.get("Plural-Forms"), messages


@needs_gettext
@pytest.mark.parametrize("language", CATALOG_LANGUAGES)
def test_compiled_catalog_matches_its_source(tmp_path, language):
    po = po_path(ROOT, language)
    mo = po.with_suffix(".mo")
    fresh = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check-format", "-o", str(fresh), str(po)], check=True)

    assert mo.exists(), f"{mo.relative_to(ROOT)} is missing: run compilemessages"
    committed_rule, committed = compiled_messages(mo)
    expected_rule, expected = compiled_messages(fresh)
    stale = sorted(
        key[1]
        for key in committed.keys() | expected.keys()
        if committed.get(key) != expected.get(key)
    )
    assert (committed_rule, stale) == (expected_rule, []), (
        f"{mo.relative_to(ROOT)} is stale: run compilemessages"
    )


PLACEHOLDERS_AND_TAGS = re.compile(r"%\(\w+\)[sd]|%[sd]|<[^>]+>")


def translations(language):
    for entry in polib.pofile(str(po_path(ROOT, language))):
        values = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for value in values:
            yield entry.msgid, PLACEHOLDERS_AND_TAGS.sub("", value)


def test_persian_translations_use_persian_punctuation_letters_and_digits():
    # Persian writes ، ؛ ؟ « » (not , ; ? "), the Persian ی and ک (not Arabic ي and ك),
    # and Persian digits.
    wrong = re.compile(r'[,;?"0-9\u064a\u0643]')

    assert [(msgid, text) for msgid, text in translations("fa") if wrong.search(text)] == []


def test_chinese_translations_use_full_width_punctuation():
    wrong = re.compile(r'[,;:?!()"]')

    assert [(msgid, text) for msgid, text in translations("zh_Hans") if wrong.search(text)] == []
