"""Persian-aware text normalisation and word splitting for search.

The same rules run on the indexed text and on the query, so the variants readers actually type
meet in one form:

* Arabic letters become their Persian forms (ي ى → ی, ك → ک, ة ۀ → ه, أ إ آ ٱ → ا, ؤ → و);
* Persian, Arabic-Indic and Latin digits become Latin digits;
* diacritics (harakat, hamza and madda above, Latin accents) and the tatweel are dropped, and
  Latin letters are case-folded;
* the zero-width non-joiner (ZWNJ) never ends a word: «بین‌الملل» is one word with the parts
  «بین» and «الملل»;
* the verb prefixes «می» and «نمی» and the common suffixes («ها»، «های»، «ای»، «تر»، «ترین»...)
  are joined to their word whether they were written with a ZWNJ, with a space or with nothing:
  «می‌شود», «می شود» and «میشود» all become the word «میشود».

A word made of several parts is indexed both whole and by its non-affix parts, so «شود» finds
«می‌شود» and «بین الملل» (two words) finds «بین‌الملل». Chinese and Japanese text has no spaces:
a run of ideographs is indexed as its single ideographs and their adjacent pairs, and a query
run must match all its pairs («广州市» needs 广州 and 州市).

The affix list is deliberately short: joining a word that merely looks like an affix costs
nothing but a missed match on that fragment alone, since the same rule runs on both sides.
"""

import re
import unicodedata
from dataclasses import dataclass

ZWNJ = "\u200c"
MAX_WORD_LENGTH = 64

VERB_PREFIXES = frozenset({"می", "نمی"})
SUFFIXES = frozenset(
    {
        "ها",
        "های",
        "هایی",
        "هایم",
        "هایت",
        "هایش",
        "هایمان",
        "هایتان",
        "هایشان",
        "ای",
        "ایی",
        "ی",
        "تر",
        "ترین",
    }
)

LETTER_MAP = {
    "ي": "ی",  # Arabic yeh
    "ى": "ی",  # alef maksura
    "ې": "ی",
    "ك": "ک",  # Arabic kaf
    "ڪ": "ک",
    "ة": "ه",  # teh marbuta
    "ە": "ه",  # what remains of ۀ once its hamza is dropped
    "ہ": "ه",
    "ھ": "ه",
    "ٱ": "ا",  # alef wasla
    "ـ": "",  # tatweel (kashida) only stretches a word
}
DIGIT_MAP = {chr(base + value): str(value) for base in (0x0660, 0x06F0) for value in range(10)}
CHARACTER_MAP = LETTER_MAP | DIGIT_MAP


def _fold_character(character):
    """One character in its search form: possibly empty, possibly several characters."""
    if character == ZWNJ:
        return ZWNJ
    folded = []
    # Decomposition splits أ into ا + hamza above, آ into ا + madda, é into e + accent.
    decomposed = unicodedata.normalize("NFKD", character)
    for part in unicodedata.normalize("NFKD", decomposed.casefold()):
        if unicodedata.category(part) in {"Mn", "Me", "Cf"}:
            continue
        folded.append(CHARACTER_MAP.get(part, part))
    return "".join(folded)


class _FoldTable(dict):
    """A ``str.translate`` table that works out each character the first time it is seen."""

    def __missing__(self, code):
        value = _fold_character(chr(code))
        self[code] = value
        return value


FOLD_TABLE = _FoldTable()


def fold(text):
    """``text`` with every character in its search form (no word rules applied)."""
    return text.translate(FOLD_TABLE)


IDEOGRAPH = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
WORD_CHARACTER = r"[^\W_]"
SOFT_GAP = rf"[\s{ZWNJ}]+"


def _alternatives(affixes):
    return "|".join(sorted(affixes, key=len, reverse=True))


# A lone prefix, then spaces, then a word (not an ideograph, not a number).
PREFIX_GAP = re.compile(
    rf"(?<!{WORD_CHARACTER})(?<!{ZWNJ})({_alternatives(VERB_PREFIXES)})({SOFT_GAP})"
    rf"(?=(?![{IDEOGRAPH}]){WORD_CHARACTER})(?!\d+(?!{WORD_CHARACTER}|{ZWNJ}))"
)
# A word (not an ideograph), then spaces, then a lone suffix.
SUFFIX_GAP = re.compile(
    rf"(?<={WORD_CHARACTER})(?<![{IDEOGRAPH}])({SOFT_GAP})({_alternatives(SUFFIXES)})"
    rf"(?!{WORD_CHARACTER}|{ZWNJ})"
)
WORD = re.compile(rf"{WORD_CHARACTER}+(?:{ZWNJ}+{WORD_CHARACTER}+)*")
IDEOGRAPH_CHARACTER = re.compile(rf"[{IDEOGRAPH}]")
WHITESPACE = re.compile(r"\s+")
IDEOGRAPH_RUN = re.compile(rf"[{IDEOGRAPH}](?:\s*[{IDEOGRAPH}])*")
FIRST_IDEOGRAPH = "\u3040"


def _glue(folded):
    """Turn the spaces that separate a lone prefix or suffix from its word into ZWNJs.

    The text keeps its length, so positions in it still point into the original text.
    """
    folded = PREFIX_GAP.sub(lambda match: match[1] + ZWNJ * len(match[2]), folded)
    return SUFFIX_GAP.sub(lambda match: ZWNJ * len(match[1]) + match[2], folded)


def _tokens(folded):
    """(start, end, token, is_ideograph) for each word of a folded text, glued."""
    for match in WORD.finditer(_glue(folded)):
        token = match[0]
        if max(token) < FIRST_IDEOGRAPH:
            yield match.start(), match.end(), token, False
            continue
        # Ideographs are words of their own; what lies between them is split as usual.
        position = 0
        for ideograph in IDEOGRAPH_CHARACTER.finditer(token):
            for part in WORD.finditer(token, position, ideograph.start()):
                yield match.start() + part.start(), match.start() + part.end(), part[0], False
            yield (
                match.start() + ideograph.start(),
                match.start() + ideograph.end(),
                ideograph[0],
                True,
            )
            position = ideograph.end()
        for part in WORD.finditer(token, position):
            yield match.start() + part.start(), match.start() + part.end(), part[0], False


def _shape(token):
    """A token's search form and, for a word of several parts, its non-affix parts."""
    if ZWNJ not in token:
        return token[:MAX_WORD_LENGTH], ()
    pieces = [piece for piece in token.split(ZWNJ) if piece]
    stems = tuple(
        piece[:MAX_WORD_LENGTH]
        for index, piece in enumerate(pieces)
        if not (index == 0 and piece in VERB_PREFIXES) and not (index > 0 and piece in SUFFIXES)
    )
    return "".join(pieces)[:MAX_WORD_LENGTH], stems


def ideograph_tokens(run, unigrams=True):
    """The indexed words of a run of ideographs: each one and each adjacent pair.

    Chinese has no spaces between words, so «广州» is found as the pair 广州 (an exact index
    match) rather than as two characters that must be neighbours.
    """
    run = "".join(run)
    if len(run) == 1:
        return [run]
    pairs = [run[index : index + 2] for index in range(len(run) - 1)]
    if not unigrams:
        return pairs
    tokens = [run[0]] * (2 * len(run) - 1)
    tokens[0::2] = run
    tokens[1::2] = pairs
    return tokens


def _index_ideograph_run(match):
    run = match[0]
    if len(run) == 1:
        return f" {run} "
    return " " + " ".join(ideograph_tokens(WHITESPACE.sub("", run))) + " "


@dataclass
class Word:
    """A word of a text in its search form, with where it stands in the original text."""

    form: str
    stems: tuple  # the parts that carry meaning, when the word was built from several
    start: int
    end: int
    ideograph: bool = False


def words(text):
    """The words of ``text`` in search form, with their spans in ``text`` itself."""
    origins = []
    folded_parts = []
    for index, character in enumerate(text):
        folded = FOLD_TABLE[ord(character)]
        folded_parts.append(folded)
        origins.extend([index] * len(folded))
    origins.append(len(text))
    found = []
    for start, end, token, ideograph in _tokens("".join(folded_parts)):
        form, stems = _shape(token)
        # The end reaches the next character that has a search form, so marks that fold to
        # nothing (a trailing hamza or tatweel) stay inside the word.
        found.append(
            Word(form, stems, origins[start], max(origins[end], origins[end - 1] + 1), ideograph)
        )
    return found


def search_document(*texts):
    """The indexed form of ``texts``: search words separated by single spaces.

    Each word is followed by its parts when it has several, so a part alone also matches. A
    run of ideographs gives each ideograph and each adjacent pair (:func:`ideograph_tokens`).
    Gives the words of :func:`words`, faster (documents are long).
    """
    tokens = []
    for text in texts:
        glued = _glue(fold(text or ""))
        if glued and max(glued) >= FIRST_IDEOGRAPH:
            glued = IDEOGRAPH_RUN.sub(_index_ideograph_run, glued)
        for token in WORD.findall(glued):
            if ZWNJ in token:
                form, stems = _shape(token)
                tokens.append(form)
                tokens.extend(stem for stem in stems if stem != form)
            else:
                tokens.append(token[:MAX_WORD_LENGTH])
    return " ".join(tokens)
