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
each ideograph is a word of its own and a query run of them must match as a phrase.
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
    for part in unicodedata.normalize("NFKD", character.casefold()):
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
PIECE = rf"(?:(?![{IDEOGRAPH}])[^\W_])+"
TOKEN_PATTERN = re.compile(rf"(?P<ideograph>[{IDEOGRAPH}])|(?P<word>{PIECE}(?:{ZWNJ}+{PIECE})*)")
SOFT_GAP = re.compile(rf"[\s{ZWNJ}]+")


@dataclass
class Word:
    """A word of the text in its search form, with where it stands in the original text."""

    pieces: list
    affixes: list  # True for each piece that is a prefix or suffix
    start: int
    end: int
    ideograph: bool = False

    @property
    def form(self):
        return "".join(self.pieces)[:MAX_WORD_LENGTH]

    @property
    def stems(self):
        """The parts that carry meaning, when the word was built from several parts."""
        if len(self.pieces) == 1:
            return ()
        return tuple(
            piece[:MAX_WORD_LENGTH]
            for piece, is_affix in zip(self.pieces, self.affixes, strict=True)
            if not is_affix
        )

    @property
    def is_lone_prefix(self):
        return len(self.pieces) == 1 and self.pieces[0] in VERB_PREFIXES

    @property
    def is_lone_suffix(self):
        return len(self.pieces) == 1 and self.pieces[0] in SUFFIXES

    def join(self, other):
        return Word(self.pieces + other.pieces, self.affixes + other.affixes, self.start, other.end)


def _piece_affixes(pieces):
    return [
        (index == 0 and piece in VERB_PREFIXES) or (index > 0 and piece in SUFFIXES)
        for index, piece in enumerate(pieces)
    ]


def _raw_words(folded):
    """(word, gap_is_soft) pairs: gap_is_soft when only spaces or ZWNJs precede the word."""
    previous_end = 0
    for match in TOKEN_PATTERN.finditer(folded):
        gap = folded[previous_end : match.start()]
        soft = previous_end > 0 and bool(gap) and SOFT_GAP.fullmatch(gap) is not None
        previous_end = match.end()
        if match["ideograph"]:
            yield Word([match[0]], [False], match.start(), match.end(), ideograph=True), soft
            continue
        pieces = [piece for piece in match[0].split(ZWNJ) if piece]
        yield Word(pieces, _piece_affixes(pieces), match.start(), match.end()), soft


def _join_affixes(raw_words):
    """Join lone prefixes to the next word and lone suffixes to the previous one."""
    words = []
    prefix = None
    for word, soft in raw_words:
        if prefix is not None:
            if soft and not word.ideograph and not word.form.isdigit():
                word = Word(
                    prefix.pieces + word.pieces, [True, *word.affixes], prefix.start, word.end
                )
            else:
                words.append(prefix)
            prefix = None
        if word.ideograph:
            words.append(word)
        elif word.is_lone_prefix:
            prefix = word
        elif word.is_lone_suffix and soft and words and not words[-1].ideograph:
            words[-1] = words[-1].join(Word(word.pieces, [True], word.start, word.end))
        else:
            words.append(word)
    if prefix is not None:
        words.append(prefix)
    return words


def words(text):
    """The words of ``text`` in search form, with their spans in ``text`` itself."""
    origins = []
    folded_parts = []
    for index, character in enumerate(text):
        folded = FOLD_TABLE[ord(character)]
        folded_parts.append(folded)
        origins.extend([index] * len(folded))
    origins.append(len(text))
    result = _join_affixes(_raw_words("".join(folded_parts)))
    for word in result:
        # The end reaches the next character that has a search form, so marks that fold to
        # nothing (a trailing hamza or tatweel) stay inside the word.
        word.start = origins[word.start]
        word.end = max(origins[word.end], origins[word.end - 1] + 1)
    return result


def _folded_words(text):
    """Like :func:`words` but without spans, for whole documents (faster)."""
    return _join_affixes(_raw_words(fold(text)))


def search_document(*texts):
    """The indexed form of ``texts``: search words separated by single spaces.

    Each word is followed by its parts when it has several, so a part alone also matches.
    Ideographs stay in reading order, one per word, so a phrase of them can be matched.
    """
    tokens = []
    for text in texts:
        for word in _folded_words(text or ""):
            tokens.append(word.form)
            tokens.extend(stem for stem in word.stems if stem != word.form)
    return " ".join(tokens)
