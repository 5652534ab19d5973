"""The normalisation rules on their own; tests/gorgan/test_search.py runs them in the database."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gorgan.kit.normalize import apart, fold, ideograph_tokens, search_document, words


@pytest.mark.parametrize(
    ("variant", "expected"),
    [
        ("كتاب", "کتاب"),  # Arabic kaf
        ("علي", "علی"),  # Arabic yeh
        ("مصطفى", "مصطفی"),  # alef maksura
        ("مدرسة", "مدرسه"),  # teh marbuta
        ("أحمد", "احمد"),
        ("إسلام", "اسلام"),
        ("آب", "اب"),
        ("مؤسسه", "موسسه"),
        ("خانهٔ", "خانه"),
        ("مُحَمَّدٌ", "محمد"),  # harakat
        ("گرگـــان", "گرگان"),  # tatweel
        ("۱۴۰۵", "1405"),  # Persian digits
        ("١٤٠٥", "1405"),  # Arabic-Indic digits
        ("Café", "cafe"),
        ("GORGAN", "gorgan"),
        ("توسعه‌ی", "توسعه"),  # the ezafe written «ه‌ی»
        ("توسعه ی", "توسعه"),
        ("ارتقاء", "ارتقا"),  # a hamza after a final alef
        ("هیأت", "هیات"),
        ("رئیس", "رییس"),
        ("Municipality's", "municipality"),
        ("Municipality’s", "municipality"),
    ],
)
def test_variant_folds_to_one_form(variant, expected):
    assert [word.form for word in words(variant)] == [expected]


@pytest.mark.parametrize(
    ("spelling", "indexed"),
    [
        ("هیئت", "هییت هیات هیوت"),
        ("هیأت", "هیات هیوت هییت"),
        ("مسئول", "مسیول مساول مسوول"),
        ("مسؤول", "مسوول مساول مسیول"),
        ("رئیس", "رییس"),  # before «ی» the seat is only «ی»
        ("أحمد", "احمد"),  # on an initial alef, only an alef
    ],
)
def test_hamza_on_a_seat_is_indexed_with_every_seat(spelling, indexed):
    assert search_document(spelling) == indexed


def test_suffix_written_apart_is_indexed_alone_too():
    assert search_document("زمین تر") == "زمینتر زمین تر"
    assert search_document("زمین‌تر") == "زمینتر زمین"
    assert search_document("بهتر") == "بهتر"


def test_extra_forms_follow_the_words_so_neighbours_stay_neighbours():
    assert search_document("حمل‌ونقل هیئت مدیره") == "حملونقل هییت مدیره حمل ونقل هیات هیوت"


@pytest.mark.parametrize(
    ("compound", "parts"),
    [
        ("حمل‌ونقل", ["حمل", "و", "نقل"]),
        ("پشت‌بام‌ها", ["پشت", "بامها"]),
        ("ال‌ای‌دی", ["الای", "دی"]),
        ("می‌شود", ["میشود"]),
    ],
)
def test_compound_written_apart_gives_the_words_indexed_for_its_spaced_form(compound, parts):
    assert apart(compound) == parts


@pytest.mark.parametrize("variant", ["می‌شود", "می شود", "میشود", "مي‌شود", "مي شود"])
def test_verb_prefix_variants_share_one_word(variant):
    assert words(variant)[0].form == "میشود"


@pytest.mark.parametrize("variant", ["کتاب‌ها", "کتاب ها", "کتابها", "كتاب ها"])
def test_plural_suffix_variants_share_one_word(variant):
    assert words(variant)[0].form == "کتابها"


def test_joined_word_is_indexed_whole_and_by_its_parts():
    assert search_document("می‌شود بین‌الملل") == "میشود بینالملل شود بین الملل"


def test_affix_is_not_joined_across_punctuation():
    assert [word.form for word in words("شهر. ها")] == ["شهر", "ها"]


def test_ideographs_are_indexed_alone_and_in_pairs():
    assert search_document("广州市2026年") == "广 广州 州 州市 市 2026 年"


def test_word_spans_point_into_the_original_text():
    text = "«اتاق گوانگژو» می شود، خانهٔ ما"

    spans = [text[word.start : word.end] for word in words(text)]

    assert spans == ["اتاق", "گوانگژو", "می شود", "خانهٔ", "ما"]


@given(st.text())
def test_any_text_folds_without_error_and_spans_stay_inside(text):
    found = words(text)

    assert all(0 <= word.start < word.end <= len(text) for word in found)
    assert isinstance(search_document(text), str)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=50))
def test_folding_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


PERSIAN_SAMPLE = st.text(
    alphabet=st.sampled_from(list("میشودکتابهایتر ‌،.广州2۲ـًé\u200d\xa0⼀أؤئءاه's’"))
)


@given(st.one_of(st.text(), PERSIAN_SAMPLE))
def test_indexed_words_and_highlighted_words_agree(text):
    expected = []
    extras = []
    run = []
    previous_end = 0
    for word in words(text):
        if run and (not word.ideograph or fold(text[previous_end : word.start]).strip()):
            expected.extend(ideograph_tokens(run))
            run = []
        if word.ideograph:
            run.append(word.form)
        else:
            expected.append(word.form)
            extras.extend(stem for stem in word.stems if stem != word.form)
            extras.extend(word.spellings + word.loose)
        previous_end = word.end
    expected.extend(ideograph_tokens(run) if run else [])

    assert search_document(text) == " ".join(expected + extras)
