"""Persian typography at the desk: find what news copy commonly gets wrong and propose fixes.

``check(text)`` returns proposals, each a span of the text, its replacement and why;
``apply(text, accepted)`` makes only the accepted ones. Nothing here rewrites on its own.
The rules follow the Academy of Persian Language and Literature's orthography as the
translators' glossary asks (docs/translators.md):

- a zero-width non-joiner (ZWNJ) instead of a space after the prefixes «می» and «نمی», before
  the plural «ها» (and «های», «هایی»…), before «تر» and «ترین», before the indefinite «ای»
  after a final «ه», and inside the compound words of ``COMPOUNDS``;
- Persian «ی» and «ک» for the Arabic «ي» and «ك», and «ه» for «ة»;
- Persian digits for Latin or Arabic-Indic ones standing in Persian text (not beside Latin
  letters: «COVID-19» stays);
- no space before punctuation (or inside «» and brackets), and «…» for «...».

HTML markup, addresses (URLs, e-mail), code (``<code>``, ``<pre>``, ``<kbd>``, ``<samp>``)
and quotations marked as such (``<q>``, ``<blockquote>``) are never touched. No maintained
library fits: Persian normalisers (hazm, parsivar) rewrite a whole text at once, without
proposals to accept one by one, and pull in a natural-language toolkit.
"""

import html
import re
from dataclasses import asdict, dataclass

from django.utils.translation import gettext_lazy as _

ZWNJ = "\u200c"
LETTER = "[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]"  # Arabic-script letters
PERSIAN_DIGITS = str.maketrans("0123456789٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹۰۱۲۳۴۵۶۷۸۹")
CONTEXT = 24  # characters of context shown each side of a proposal

# Compound words written with a space or run together where the ZWNJ belongs. A compound
# matches at the start of a word, so its inflections follow («راه‌اندازی‌ها», «بین‌المللی»).
COMPOUNDS = {
    "اطلاع رسانی": "اطلاع‌رسانی",
    "اطلاعرسانی": "اطلاع‌رسانی",
    "آیین نامه": "آیین‌نامه",
    "آییننامه": "آیین‌نامه",
    "برنامه ریزی": "برنامه‌ریزی",
    "بهره برداری": "بهره‌برداری",
    "بهره مند": "بهره‌مند",
    "بین الملل": "بین‌الملل",
    "تفاهم نامه": "تفاهم‌نامه",
    "تفاهمنامه": "تفاهم‌نامه",
    "توافق نامه": "توافق‌نامه",
    "توافقنامه": "توافق‌نامه",
    "حمل و نقل": "حمل‌ونقل",
    "راه اندازی": "راه‌اندازی",
    "سرمایه گذاری": "سرمایه‌گذاری",
    "شیوه نامه": "شیوه‌نامه",
}

# Where nothing may change: markup, and what the writer quotes or cites literally.
_PROTECTED = re.compile(
    r"<(code|pre|kbd|samp|q|blockquote)\b[^>]*>.*?</\1\s*>"  # code and marked quotations
    r"|<[^>]*>"  # tags and their attributes
    r"|&#?\w+;"  # character references
    r"|\b(?:https?|ftp)://\S+|\bwww\.\S+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # addresses
    re.IGNORECASE | re.DOTALL,
)
_PLURAL = "ها|های|هایی|هایم|هایت|هایش|هایمان|هایتان|هایشان"


@dataclass(frozen=True)
class Proposal:
    start: int
    end: int
    original: str
    replacement: str
    rule: str

    @property
    def message(self):
        return RULES[self.rule]

    def as_dict(self, text):
        """The proposal with its message and a little of the text around it, for a preview."""
        return asdict(self) | {
            "message": str(self.message),
            "before": _plain(text[max(0, self.start - CONTEXT) : self.start]),
            "after": _plain(text[self.end : self.end + CONTEXT]),
        }


def _plain(fragment):
    """A slice of HTML as a reader sees it: tags (whole or cut at the edges) as spaces."""
    return html.unescape(re.sub(r"<[^>]*>|^[^<]*>|<[^>]*$", " ", fragment))


RULES = {
    "zwnj-prefix": _("A zero-width non-joiner after «می» or «نمی»"),
    "zwnj-plural": _("A zero-width non-joiner before the plural «ها»"),
    "zwnj-comparative": _("A zero-width non-joiner before «تر» or «ترین»"),
    "zwnj-indefinite": _("A zero-width non-joiner before the indefinite «ای»"),
    "zwnj-compound": _("A zero-width non-joiner inside a compound word"),
    "arabic-letter": _("Persian letters instead of Arabic «ي», «ك» or «ة»"),
    "digits": _("Persian digits in Persian text"),
    "space-punctuation": _("No space before punctuation or inside quotation marks"),
    "ellipsis": _("One ellipsis character «…» instead of three full stops"),
}


def _join(match):
    return match.group(1) + ZWNJ + match.group(2)


def _patterns():
    """(rule, compiled pattern, replacement function) in the order they are tried."""
    word_start = r"(?<![\w\u200c])"
    word_end = r"(?![\w\u200c])"
    compounds = "|".join(re.escape(key) for key in sorted(COMPOUNDS, key=len, reverse=True))
    word = rf"{word_start}({LETTER}+)"
    return [
        ("zwnj-compound", re.compile(word_start + f"({compounds})"), lambda m: COMPOUNDS[m[1]]),
        ("zwnj-prefix", re.compile(rf"{word_start}(ن?می) +({LETTER}+)"), _join),
        ("zwnj-plural", re.compile(rf"{word} +((?:{_PLURAL}){word_end})"), _join),
        ("zwnj-comparative", re.compile(rf"{word} +((?:ترین|تر){word_end})"), _join),
        ("zwnj-indefinite", re.compile(rf"{word_start}({LETTER}*ه) +(ای{word_end})"), _join),
        (
            "arabic-letter",
            re.compile(r"\w*[يكة]\w*"),
            lambda m: m[0].replace("ي", "ی").replace("ك", "ک").replace("ة", "ه"),
        ),
        (
            "digits",
            re.compile(r"(?<![A-Za-z0-9۰-۹٠-٩_\-])[0-9٠-٩]+(?:[.,/:][0-9٠-٩]+)*(?![A-Za-z_])"),
            lambda m: m[0].translate(PERSIAN_DIGITS),
        ),
        ("space-punctuation", re.compile(r"[ \u00a0]+([.,;:!?،؛؟»)\]])(?!\.)"), lambda m: m[1]),
        ("space-punctuation", re.compile(r"([«(\[])[ \u00a0]+"), lambda m: m[1]),
        ("ellipsis", re.compile(r"\.{3}"), "…"),
    ]


PATTERNS = _patterns()


def _protected_spans(text):
    return [match.span() for match in _PROTECTED.finditer(text)]


def _has_persian(text):
    return re.search(LETTER, text) is not None


def check(text):
    """Proposals for ``text`` (plain text or the editor's HTML), in order, none overlapping."""
    if not text or not _has_persian(text):
        return []
    protected = _protected_spans(text)
    found = []
    for rule, pattern, replace in PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < stop and begin < end for begin, stop in protected):
                continue
            if rule == "digits" and not _in_persian_context(text, start, end):
                continue
            replacement = replace(match) if callable(replace) else replace
            if replacement != match[0]:
                found.append(Proposal(start, end, match[0], replacement, rule))
    proposals, taken_until = [], -1
    for proposal in sorted(found, key=lambda p: (p.start, -p.end)):
        if proposal.start >= taken_until:
            proposals.append(proposal)
            taken_until = proposal.end
    return proposals


def _in_persian_context(text, start, end):
    """Digits stand in Persian text when the nearest letter before or after is Persian."""
    before = re.findall(r"[A-Za-z]|" + LETTER, text[max(0, start - 40) : start])
    after = re.findall(r"[A-Za-z]|" + LETTER, text[end : end + 40])
    neighbours = before[-1:] + after[:1]
    return bool(neighbours) and all(re.match(LETTER, letter) for letter in neighbours)


def apply(text, accepted):
    """``text`` with the accepted proposals made, and how many were made.

    ``accepted`` holds ``(start, original, replacement)`` triples from ``check()``; one that
    no longer matches what ``check(text)`` proposes (the text changed since) is skipped.
    """
    current = {(p.start, p.original, p.replacement): p for p in check(text)}
    chosen = sorted(
        (current[key] for key in set(accepted) if key in current),
        key=lambda p: p.start,
        reverse=True,
    )
    for proposal in chosen:
        text = text[: proposal.start] + proposal.replacement + text[proposal.end :]
    return text, len(chosen)
