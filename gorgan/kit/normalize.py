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
  «می‌شود», «می شود» and «میشود» all become the word «میشود»;
* the ezafe written «ه‌ی» is the word itself: «توسعه‌ی» is «توسعه» (as «توسعهٔ» already was);
* a hamza on a seat (أ ؤ ئ) inside a word is written three ways: «هیئت», «هیأت» and «هیات»,
  «مسئول», «مسؤول» and «مسوول». Such a word takes the seat it was written with and is also
  indexed with the other two, so the bare spellings find it and it finds them; a hamza after a
  final alef is dropped («ارتقاء» is «ارتقا»);
* «آ» is «ا»: readers often type without the madda. «آن» and «ان» are then one word, which is
  harmless alone («ان» is not a word) and never made a part of a compound (see gorgan.kit.search);
* an English possessive «'s» is not a word: «Municipality's» is «municipality».

A word made of several parts is indexed both whole and by its non-affix parts, so «شود» finds
«می‌شود» and «بین الملل» (two words) finds «بین‌الملل». A suffix that was written apart with a
space is also indexed alone, since it may be a word of its own: «زمین تر» ('wet ground') is
found by «تر» 'wet', «بزرگ‌تر» is not. Chinese and Japanese text has no spaces: a run of
ideographs is indexed as its single ideographs and their adjacent pairs, and a query run must
find its pairs side by side («广州市长» needs 广州, 州市 and 市长 in a row).

A document lists its words in order, then the extra forms (parts, spellings, loose suffixes),
so that words that stand side by side in the text are neighbours in the index too.

The affix list is deliberately short: joining a word that merely looks like an affix costs
nothing but a missed match on that fragment alone, since the same rule runs on both sides.
"""

import re
import unicodedata
from dataclasses import dataclass

ZWNJ = "\u200c"
# Where a lone affix was glued to its word across a space: a ZWNJ that remembers the space. A
# format character, so folded text never holds one of its own.
SPACE_JOINER = "\u2060"
JOINERS = ZWNJ + SPACE_JOINER
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

# A hamza on a seat keeps its seat letter until the word is shaped (see _spellings).
HAMZA_SEATS = {"أ": "ا", "ؤ": "و", "ئ": "ی"}
HAMZA = "ء"
SEAT_LETTERS = "اوی"
EZAFE = "ی"
CONJUNCTION = "و"

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
    if character == ZWNJ or character in HAMZA_SEATS:
        return character
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
APOSTROPHE = "'’"


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
# «'s» after a Latin letter, not followed by a letter: an English possessive.
POSSESSIVE = re.compile(rf"(?<=[a-z])[{APOSTROPHE}]s(?!{WORD_CHARACTER})")
WORD = re.compile(rf"{WORD_CHARACTER}+(?:[{JOINERS}]+{WORD_CHARACTER}+)*")
JOINER_RUN = re.compile(rf"[{JOINERS}]+")
HAMZA_CHARACTER = re.compile(f"[{''.join(HAMZA_SEATS)}{HAMZA}]")
FINAL_HAMZA = re.compile(rf"(?<=ا){HAMZA}(?![^\W_])")
IDEOGRAPH_CHARACTER = re.compile(rf"[{IDEOGRAPH}]")
WHITESPACE = re.compile(r"\s+")
IDEOGRAPH_RUN = re.compile(rf"[{IDEOGRAPH}](?:\s*[{IDEOGRAPH}])*")
FIRST_IDEOGRAPH = "\u3040"


def _glue(folded):
    """Turn the spaces that separate a lone prefix or suffix from its word into ZWNJs.

    A gap that held a space becomes :data:`SPACE_JOINER` s. An English possessive «'s» is
    blanked out. The text keeps its length, so positions in it still point into the original.
    """
    folded = PREFIX_GAP.sub(lambda match: match[1] + _joiners(match[2]), folded)
    folded = SUFFIX_GAP.sub(lambda match: _joiners(match[1]) + match[2], folded)
    if "'" in folded or "’" in folded:
        folded = POSSESSIVE.sub("  ", folded)
    return folded


def _joiners(gap):
    joiner = ZWNJ if gap.strip(ZWNJ) == "" else SPACE_JOINER
    return joiner * len(gap)


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


def _spellings(word):
    """A word's form and its other spellings, when it holds a hamza (see the module's notes)."""
    if not HAMZA_CHARACTER.search(word):
        return word, ()
    if word[0] in HAMZA_SEATS:  # «أحمد»: a hamza on an initial alef is only an alef
        word = "ا" + word[1:]
    word = FINAL_HAMZA.sub("", word)
    # Before «ی» the seat is always «ی» («رئیس», «رییس»; never «رایس»).
    word = YEH_SEAT.sub("ی", word)
    form = word.translate(SEAT_TABLE)
    if not any(seat in word for seat in HAMZA_SEATS):
        return form, ()
    others = {word.translate(str.maketrans(dict.fromkeys(HAMZA_SEATS, seat))) for seat in SEATS}
    others.discard(form)
    return form, tuple(sorted(others))


SEAT_TABLE = str.maketrans(HAMZA_SEATS)
YEH_SEAT = re.compile("ئ(?=ی)")
SEATS = SEAT_LETTERS


@dataclass(frozen=True)
class Shape:
    """What one token of a text is indexed as."""

    form: str
    stems: tuple = ()  # the parts that carry meaning, when it was built from several
    spellings: tuple = ()  # the form spelt with the other hamza seats
    loose: tuple = ()  # suffixes that were written apart with a space: maybe words of their own

    @property
    def extras(self):
        """The forms indexed after the text's words."""
        stems = tuple(stem for stem in self.stems if stem != self.form)
        return stems + self.spellings + self.loose


def _shape(token):
    """A token in its search form (:class:`Shape`)."""
    if not (JOINER_RUN.search(token) or HAMZA_CHARACTER.search(token)):
        return Shape(token[:MAX_WORD_LENGTH])
    pieces = []  # (piece, written after a space)
    position = 0
    for joiner in JOINER_RUN.finditer(token):
        pieces.append(token[position : joiner.start()])
        position = joiner.end()
    pieces.append(token[position:])
    after_space = [False] + [SPACE_JOINER in joiner[0] for joiner in JOINER_RUN.finditer(token)]
    # The ezafe «ه‌ی» is the word itself.
    if len(pieces) > 1 and pieces[-1] == EZAFE and pieces[-2].endswith("ه"):
        pieces.pop()
        after_space.pop()
    stems = tuple(
        _spellings(piece)[0][:MAX_WORD_LENGTH]
        for index, piece in enumerate(pieces)
        if not (index == 0 and piece in VERB_PREFIXES) and not (index > 0 and piece in SUFFIXES)
    )
    loose = tuple(
        piece
        for index, piece in enumerate(pieces)
        if index > 0 and after_space[index] and piece in SUFFIXES and len(piece) > 1
    )
    form, spellings = _spellings("".join(pieces))
    return Shape(
        form[:MAX_WORD_LENGTH],
        stems if len(pieces) > 1 else (),
        tuple(spelling[:MAX_WORD_LENGTH] for spelling in spellings),
        loose,
    )


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
    spellings: tuple = ()  # the form spelt with the other hamza seats
    loose: tuple = ()  # suffixes written apart with a space, indexed alone too

    @property
    def forms(self):
        """Every form this word is indexed under."""
        return {self.form, *self.stems, *self.spellings, *self.loose}


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
        shape = _shape(token)
        # The end reaches the next character that has a search form, so marks that fold to
        # nothing (a trailing hamza or tatweel) stay inside the word.
        found.append(
            Word(
                shape.form,
                shape.stems,
                origins[start],
                max(origins[end], origins[end - 1] + 1),
                ideograph,
                shape.spellings,
                shape.loose,
            )
        )
    return found


def apart(text):
    """The forms of a word's parts written apart, as its spaced spelling is indexed.

    «حمل‌ونقل» gives «حمل», «و», «نقل» (a part that starts with «و» after the first is the
    conjunction and its word); «پشت‌بام‌ها» gives «پشت», «بامها».
    """
    pieces = [piece for piece in JOINER_RUN.split(fold(text)) if piece]
    spaced = [pieces[0]] if pieces else []
    for piece in pieces[1:]:
        if piece.startswith(CONJUNCTION) and len(piece) > 2:
            spaced.extend([CONJUNCTION, piece[1:]])
        else:
            spaced.append(piece)
    return [word.form for word in words(" ".join(spaced))]


def search_document(*texts):
    """The indexed form of ``texts``: search words separated by single spaces.

    The words come first, in order, so that neighbours in the text are neighbours here; a run
    of ideographs gives each ideograph and each adjacent pair (:func:`ideograph_tokens`). Then
    come the other forms of the words that have them (parts, hamza spellings, loose suffixes),
    so that these match alone too. Gives the words of :func:`words`, faster (documents are
    long).
    """
    tokens = []
    extras = []
    for text in texts:
        glued = _glue(fold(text or ""))
        if glued and max(glued) >= FIRST_IDEOGRAPH:
            glued = IDEOGRAPH_RUN.sub(_index_ideograph_run, glued)
        plain = not HAMZA_CHARACTER.search(glued)
        for token in WORD.findall(glued):
            if plain and not JOINER_RUN.search(token):
                tokens.append(token[:MAX_WORD_LENGTH])
                continue
            shape = _shape(token)
            tokens.append(shape.form)
            extras.extend(shape.extras)
    return " ".join(tokens + extras)
