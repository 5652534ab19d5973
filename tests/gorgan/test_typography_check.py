"""The typography check: proposals on real Persian news copy, applied only when accepted."""

import pytest
from django.utils import translation

from gorgan.kit import typography
from newsroom import demo_loader

ZWNJ = "\u200c"
SEED = demo_loader.data()["releases"][0]["translations"]["fa"]


def proposed(text):
    return [(p.original, p.replacement, p.rule) for p in typography.check(text)]


def accept_all(text):
    return typography.apply(
        text, [(p.start, p.original, p.replacement) for p in typography.check(text)]
    )


def test_check_finds_every_missing_zwnj_in_the_seed_title():
    assert proposed(SEED["title"]) == [
        ("همکاری های", f"همکاری{ZWNJ}های", "zwnj-plural"),
        ("راه اندازی", f"راه{ZWNJ}اندازی", "zwnj-compound"),
        ("می شود", f"می{ZWNJ}شود", "zwnj-prefix"),
    ]


def test_check_finds_the_compound_run_together_in_the_seed_lead():
    assert ("تفاهمنامه", f"تفاهم{ZWNJ}نامه", "zwnj-compound") in proposed(SEED["lead"])


def test_check_keeps_the_space_before_an_ellipsis_and_proposes_the_character():
    assert proposed("کشاورزی و فرهنگی و ... اشاره کرد") == [("...", "…", "ellipsis")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("کار بیش تر و بزرگ ترین طرح", [f"بیش{ZWNJ}تر", f"بزرگ{ZWNJ}ترین"]),
        ("این کار نمی شود", [f"نمی{ZWNJ}شود"]),
        ("به گونه ای که", [f"گونه{ZWNJ}ای"]),
        ("علي و كتاب مدرسة", ["علی", "کتاب", "مدرسه"]),
        ("در سال 1405 و ٢٠٢٦ ", ["۱۴۰۵", "۲۰۲۶"]),
        ("خبر ، تازه « سلام »", ["،", "«", "»"]),
        ("گرگان؛ حمل و نقل عمومی", [f"حمل{ZWNJ}ونقل"]),
    ],
)
def test_check_proposes_the_persian_form(text, expected):
    assert [replacement for _original, replacement, _rule in proposed(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "همکاری‌های متقابل راه‌اندازی می‌شود.",  # already right
        "<p><a href='https://gorgan.ir/می شود/1405'>پیوند</a></p>",  # markup and addresses
        "نشانی www.gorgan.ir/news/ha 3 و info@gorgan.ir",
        "<p><code>ls 2 ...</code></p>",  # code
        "<q>همکاری های ما</q><blockquote><p>نمی دانم ...</p></blockquote>",  # marked quotations
        "بیماری COVID-19 و H2O",  # digits inside Latin words
        "Mayor Dadboud met ... 3 people",  # no Persian at all
    ],
)
def test_check_leaves_alone_what_it_must_not_touch(text):
    assert proposed(text) == []


def test_apply_makes_only_the_accepted_proposals():
    text = SEED["title"]
    prefix = next(p for p in typography.check(text) if p.rule == "zwnj-prefix")

    fixed, count = typography.apply(text, [(prefix.start, prefix.original, prefix.replacement)])

    assert count == 1
    assert fixed == text.replace("می شود", f"می{ZWNJ}شود")
    assert "همکاری های" in fixed


def test_apply_skips_a_proposal_the_text_no_longer_has():
    stale = (0, "می شود", f"می{ZWNJ}شود")

    assert typography.apply("خبر تازه است", [stale]) == ("خبر تازه است", 0)


def test_accepting_everything_leaves_nothing_to_propose_in_the_seed_body():
    fixed, count = accept_all(SEED["body"])

    assert count > 20
    assert typography.check(fixed) == []
    assert fixed.count("<p>") == SEED["body"].count("<p>")


def test_proposal_preview_shows_the_text_around_the_change():
    text = "اتاق گوانگژو در شهرداری گرگان راه اندازی می شود"
    proposal = typography.check(text)[-1]

    with translation.override("en"):
        preview = proposal.as_dict(text)
    with translation.override("fa"):
        persian = proposal.as_dict(text)["message"]

    assert (preview["before"], preview["original"], preview["after"]) == (
        text[-30:-6],
        "می شود",
        "",
    )
    assert preview["message"] == "A zero-width non-joiner after «می» or «نمی»"
    assert persian == "نیم‌فاصله پس از «می» یا «نمی»"
