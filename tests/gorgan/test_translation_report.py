"""``manage.py translation_report`` on a known fixture: exact figures."""

import json
from io import StringIO

import polib
import pytest
from django.core.management import CommandError, call_command

from tests.factories import make_office, make_release, make_section, make_tag

pytestmark = pytest.mark.django_db

PLURAL = ("%(count)s item", "%(count)s items")


def write_catalog(root, locale, entries):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": locale}
    for entry in entries:
        po.append(entry)
    path = root / locale / "LC_MESSAGES"
    path.mkdir(parents=True)
    po.save(str(path / "django.po"))


def entry(msgid, msgstr="", fuzzy=False, obsolete=False):
    return polib.POEntry(
        msgid=msgid, msgstr=msgstr, flags=["fuzzy"] if fuzzy else [], obsolete=obsolete
    )


def plural(*forms):
    return polib.POEntry(
        msgid=PLURAL[0], msgid_plural=PLURAL[1], msgstr_plural=dict(enumerate(forms))
    )


@pytest.fixture
def catalogs(tmp_path, settings):
    """Five messages: Persian has 3 translated, English 5, Chinese 2 (one not even listed)."""
    write_catalog(
        tmp_path,
        "fa",
        [
            entry("News", "اخبار"),
            entry("Home", "صفحهٔ اصلی"),
            entry("Tags", "برچسب‌ها", fuzzy=True),
            entry("Pages"),
            plural("%(count)s مورد", "%(count)s مورد"),
            entry("Gone", "رفته", obsolete=True),
        ],
    )
    write_catalog(
        tmp_path,
        "en",
        [entry(text, text) for text in ("News", "Home", "Tags", "Pages")] + [plural(*PLURAL)],
    )
    write_catalog(
        tmp_path,
        "zh_Hans",
        [entry("News", "新闻"), entry("Home", "首页"), entry("Tags"), plural("")],
    )
    settings.LOCALE_PATHS = [tmp_path]


@pytest.fixture
def content():
    """Four releases, two tags, one section and one office, in known states."""
    section = make_section(fa="اخبار", en="News", **{"zh-hans": "新闻"})
    office = make_office(fa="روابط عمومی", en="Public relations", **{"zh-hans": "公共关系处"})
    common = {"section": section, "office": office}
    complete = make_release(**common)
    persian_only = make_release(languages=("fa",), **common)
    outdated = make_release(**common)
    outdated.set_current_language("fa")
    outdated.lead = "لید بازنویسی‌شده"
    outdated.save()
    no_chinese = make_release(languages=("fa", "en"), **common)
    return {
        "releases": (complete, persian_only, outdated, no_chinese),
        "tags": (make_tag(en="Guangzhou"), make_tag()),
    }


def run_report(*args):
    out = StringIO()
    call_command("translation_report", *args, stdout=out)
    return out.getvalue()


def test_json_report_gives_exact_figures_per_language(catalogs, content):
    _complete, persian_only, outdated, no_chinese = content["releases"]
    translated_tag, persian_tag = content["tags"]

    report = json.loads(run_report("--format", "json"))
    by_code = {language["code"]: language for language in report["languages"]}

    assert [language["code"] for language in report["languages"]] == ["fa", "en", "zh-hans"]
    assert {code: figures["interface"] for code, figures in by_code.items()} == {
        "fa": {"total": 5, "translated": 3, "percent": 60.0},
        "en": {"total": 5, "translated": 5, "percent": 100.0},
        "zh-hans": {"total": 5, "translated": 2, "percent": 40.0},
    }
    english = by_code["en"]["content"]
    # Models with nothing in them (agreements, services, images, ...) are listed with zeros.
    english["models"] = [model for model in english["models"] if model["total"]]
    assert english == {
        "total": 8,
        "current": 5,
        "percent": 62.5,
        "models": [
            {
                "model": "newsroom.pressrelease",
                "label": "press releases",
                "total": 4,
                "missing": [persian_only.pk],
                "outdated": [outdated.pk],
            },
            {
                "model": "newsroom.tag",
                "label": "tags",
                "total": 2,
                "missing": [persian_tag.pk],
                "outdated": [],
            },
            {
                "model": "newsroom.section",
                "label": "sections",
                "total": 1,
                "missing": [],
                "outdated": [],
            },
            {
                "model": "newsroom.office",
                "label": "issuing offices",
                "total": 1,
                "missing": [],
                "outdated": [],
            },
        ],
    }
    (chinese_releases,) = [
        model
        for model in by_code["zh-hans"]["content"]["models"]
        if model["model"] == "newsroom.pressrelease"
    ]
    assert (chinese_releases["missing"], chinese_releases["outdated"]) == (
        [persian_only.pk, no_chinese.pk],
        [outdated.pk],
    )
    assert by_code["zh-hans"]["content"]["percent"] == 37.5
    assert by_code["fa"]["content"]["percent"] == 100.0
    assert report["failing"] == []
    assert translated_tag.pk not in by_code["en"]["content"]["models"][1]["missing"]


def test_text_report_names_figures_and_items(catalogs, content):
    _complete, persian_only, outdated, _no_chinese = content["releases"]
    _translated_tag, persian_tag = content["tags"]

    lines = run_report("--language", "en").splitlines()

    assert lines == [
        "English (en)",
        "  Interface: 5 of 5 strings translated (100.0%)",
        "  Content: 5 of 8 items translated and up to date (62.5%)",
        "    press releases: 4 items, 1 missing, 1 outdated",
        f"      missing: #{persian_only.pk}",
        f"      outdated: #{outdated.pk}",
        "    tags: 2 items, 1 missing, 0 outdated",
        f"      missing: #{persian_tag.pk}",
        "    sections: 1 item, 0 missing, 0 outdated",
        "    issuing offices: 1 item, 0 missing, 0 outdated",
    ]


def test_fail_under_passes_when_every_figure_reaches_it(catalogs, content):
    output = run_report("--language", "en", "--fail-under", "62.5")

    assert "English (en)" in output


def test_fail_under_fails_naming_the_languages_below_it(catalogs, content):
    with pytest.raises(CommandError) as error:
        run_report("--fail-under", "61", "--format", "json")

    assert str(error.value) == "Below 61% in: fa, zh-hans (see the figures above)."


def test_report_on_the_committed_catalogs_is_complete(db):
    report = json.loads(run_report("--format", "json", "--fail-under", "100"))

    assert {language["interface"]["percent"] for language in report["languages"]} == {100.0}
