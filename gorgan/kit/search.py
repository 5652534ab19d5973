"""Site search: the reader's query, the sources that answer it, ranking, paging, highlighting.

Every app that has public things worth finding registers a :class:`SearchSource` (usually a
:class:`TranslatedDocumentSource`) from its ``AppConfig.ready()``::

    from gorgan.kit import search
    search.register(PressReleaseSearch())

Each source returns its best matches; the search page merges them by rank, newest first among
equals, and loads only the objects shown on the current page.

Indexed text and queries are normalised by :mod:`gorgan.kit.normalize`; the query then also
tries the other ways its words may be written (:class:`Term`), including the spelling list
that staff edit in the admin (``SearchSpelling``), so that list needs no re-indexing. On
PostgreSQL the normalised document is searched through a stored ``tsvector`` with a GIN index
(:class:`AddSearchVector`); elsewhere every query word must occur in the document (words side
by side as a substring of it) and results are ranked by how often they occur.
"""

import datetime
import functools
import logging
import operator
import re
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connections
from django.db.migrations.operations.base import Operation
from django.db.models import F, IntegerField, Q, TextField, Value
from django.db.models.expressions import Expression, ExpressionWrapper
from django.db.models.functions import Concat, Length, Replace
from django.db.models.signals import post_save, pre_save
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from gorgan.kit import normalize

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
MAX_TERMS = 16
RESULTS_PER_PAGE = 10
MAX_PAGES = 20
MAX_RESULTS = RESULTS_PER_PAGE * MAX_PAGES
MAX_CANDIDATES = 1000
SUMMARY_LENGTH = 280
STATISTICS_TARGET = 1000
SEARCH_CONFIG = "simple"  # the text is normalised already; no stemming, no stop words


class SearchDocumentField(TextField):
    """The normalised text of a translation that the site search looks through.

    Kept current by the model's save path; not editable. Deconstructs as a plain TextField, so
    migrations stay free of this class.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("verbose_name", _("search document"))
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        kwargs.setdefault("editable", False)
        kwargs.setdefault(
            "help_text",
            _("Normalised text that the site search looks through; kept current on save."),
        )
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.TextField", args, kwargs


def keep_search_documents(translation_model, build_document):
    """Compute ``search_document`` with ``build_document(row)`` whenever a row of
    ``translation_model`` is saved, on every save path (admin, shell, imports).

    Apps call it from ``AppConfig.ready()``; it is the one place documents are computed on
    save (what else changes a document, such as a renamed tag, is the app's to watch).
    """

    def compute(sender, instance, raw=False, **kwargs):
        if not raw:
            instance.search_document = build_document(instance)

    def write_if_left_out(sender, instance, raw=False, update_fields=None, **kwargs):
        # A save limited to some fields (a translation imported from a PO file) would leave
        # the document computed before it unwritten.
        if raw or update_fields is None or "search_document" in update_fields:
            return
        sender._base_manager.filter(pk=instance.pk).update(search_document=instance.search_document)

    uid = f"search-document-{translation_model._meta.label_lower}"
    pre_save.connect(compute, sender=translation_model, weak=False, dispatch_uid=uid)
    post_save.connect(write_if_left_out, sender=translation_model, weak=False, dispatch_uid=uid)


@dataclass(frozen=True)
class Term:
    """One thing every result must contain, in any of the ways it may be written.

    A result satisfies the term when its document holds one of ``words`` (the normalised word,
    its hamza spellings, its entries in the spelling list, and the word joined with its
    neighbours in the query, since «با توجه» may be written «باتوجه»); or all of ``parts``
    (the parts of a word built from several, in any order); or one of ``sequences`` side by
    side (the parts of a compound written apart, «حمل و نقل» for «حمل‌ونقل»; a word split in
    two, «با توجه» for «باتوجه»; the indexed pairs of a run of ideographs). ``phrase`` is the
    run of ideographs itself, for highlighting.
    """

    form: str = ""
    alternatives: tuple = ()
    parts: tuple = ()
    sequences: tuple = ()
    phrase: tuple = ()

    @property
    def words(self):
        return tuple(dict.fromkeys(word for word in (self.form, *self.alternatives) if word))


@dataclass
class Query:
    text: str
    terms: list
    was_cut: bool = False

    @property
    def is_blank(self):
        return not self.text.strip()

    @functools.cached_property
    def highlight_forms(self):
        forms = set()
        for term in self.terms:
            if not term.phrase:
                forms.update(term.words)
                forms.update(term.parts)
        return forms

    @functools.cached_property
    def phrases(self):
        return [term.phrase for term in self.terms if term.phrase]

    @functools.cached_property
    def sequences(self):
        return [sequence for term in self.terms if not term.phrase for sequence in term.sequences]


# A word is split in two for the query only where both halves are Persian and could be words:
# a suffix or «ان» (what «آن» folds to) would turn «کودکان» into «کودک آن».
# Compounds are short; the limit keeps a long nonsense word from asking for dozens of pairs.
SPLIT_LETTERS = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]{4,15}")
MIN_SPLIT_PART = 2
NOT_A_SECOND_HALF = normalize.SUFFIXES | {"ان", "ات"}
JOINED_WINDOW = 3  # neighbours joined into one word: up to three («حمل و نقل»)


def _splits(form):
    """The ways ``form`` could have been written as two words (see :data:`SPLIT_LETTERS`)."""
    if not SPLIT_LETTERS.fullmatch(form):
        return ()
    return tuple(
        (form[:cut], form[cut:])
        for cut in range(MIN_SPLIT_PART, len(form) - MIN_SPLIT_PART + 1)
        if form[:cut] not in normalize.VERB_PREFIXES and form[cut:] not in NOT_A_SECOND_HALF
    )


def _joined(run, index):
    """``run[index]`` joined with its neighbours in ``run``, up to :data:`JOINED_WINDOW`."""
    joined = []
    for size in range(2, JOINED_WINDOW + 1):
        for first in range(max(0, index - size + 1), min(index, len(run) - size) + 1):
            word = "".join(run[first : first + size])[: normalize.MAX_WORD_LENGTH]
            joined.append(word)
    return joined


def _word_term(word, text, neighbours, index, variants):
    """The :class:`Term` of a query word that stands at ``neighbours[index]`` in its run."""
    written_apart = ()
    if word.stems or normalize.JOINER_RUN.search(normalize.fold(text)):
        written_apart = tuple(normalize.apart(text))
    sequences = [written_apart] if len(written_apart) > 1 else []
    if not word.stems and len(written_apart) < 2:
        sequences.extend(_splits(word.form))
    alternatives = [*word.spellings, *_joined(neighbours, index)]
    for form in (word.form, *word.spellings):
        alternatives.extend(variants.get(form, ()))
    return Term(
        form=word.form,
        alternatives=tuple(dict.fromkeys(alt for alt in alternatives if alt != word.form)),
        parts=word.stems if len(word.stems) > 1 else (),
        sequences=tuple(dict.fromkeys(sequences)),
    )


def _ideograph_term(run):
    if len(run) <= 2:
        return Term(form="".join(run), phrase=tuple(run))
    # The document lists each ideograph and each pair in turn: the query's pairs must stand
    # there side by side, with the ideographs between them.
    inner = tuple(normalize.ideograph_tokens(run)[1:-1])
    return Term(sequences=(inner,), phrase=tuple(run))


def parse_query(raw, variants=None):
    """The reader's query: cut to :data:`MAX_QUERY_LENGTH` characters, split into terms.

    ``variants`` maps a form to the other spellings that stand for it (by default the
    spelling list, :func:`spelling_variants`).
    """
    text = (raw or "").strip()
    was_cut = len(text) > MAX_QUERY_LENGTH
    text = text[:MAX_QUERY_LENGTH]
    found = normalize.words(text)
    if variants is None:
        variants = spelling_variants() if found else {}
    # Runs of words with nothing but spaces between them: ideographs, and the others.
    runs = []
    previous_end = None
    for word in found:
        gap = "" if previous_end is None else normalize.fold(text[previous_end : word.start])
        if not runs or gap.strip() or runs[-1][0].ideograph != word.ideograph:
            runs.append([])
        runs[-1].append(word)
        previous_end = word.end
    terms = []
    seen = set()
    for run in runs:
        if run[0].ideograph:
            terms.append(_ideograph_term([word.form for word in run]))
            continue
        forms = [word.form for word in run]
        for index, word in enumerate(run):
            if word.form in seen:
                continue
            seen.add(word.form)
            terms.append(_word_term(word, text[word.start : word.end], forms, index, variants))
    return Query(text=text, terms=terms[:MAX_TERMS], was_cut=was_cut)


# The spelling list -------------------------------------------------------------------------

SPELLINGS_KEY = "gorgan:search-spellings"
SPELLINGS_TIMEOUT = 24 * 60 * 60  # cleared on every change; this only bounds a miss


def single_form(text):
    """The one indexed word that ``text`` is, or ``None`` when it is several or none."""
    found = normalize.words(text or "")
    if len(found) == 1 and not found[0].ideograph:
        return found[0].form
    if found and len(found) <= 2 and all(word.ideograph for word in found):
        return "".join(word.form for word in found)
    return None


def _load_spelling_variants():
    groups = {}  # form -> the set of forms it is one word with

    def group(form):
        return groups.setdefault(form, {form})

    pairs = apps.get_model("gorgan", "SearchSpelling").objects.values_list("word", "variant")
    for word, variant in pairs:
        first, second = single_form(word), single_form(variant)
        if not first or not second or first == second:
            continue
        merged = group(first) | group(second)
        for form in merged:
            groups[form] = merged
    return {form: tuple(sorted(merged - {form})) for form, merged in groups.items()}


def spelling_variants():
    """``{form: other forms}`` from the spelling list that staff edit, read through the cache.

    Both spellings of an entry stand for each other, and entries that share a spelling make one
    group. Saving or deleting an entry clears the cache, so a change counts from the next query.
    """
    try:
        loaded = cache.get(SPELLINGS_KEY)
    except Exception:
        logger.warning("Cache unavailable; reading the spelling list.", exc_info=True)
        return _load_spelling_variants()
    if loaded is None:
        loaded = _load_spelling_variants()
        try:
            cache.set(SPELLINGS_KEY, loaded, SPELLINGS_TIMEOUT)
        except Exception:
            logger.warning("Cache unavailable; could not store the spelling list.", exc_info=True)
    return loaded


def forget_spelling_variants():
    try:
        cache.delete(SPELLINGS_KEY)
    except Exception:
        logger.warning("Cache unavailable; could not clear the spelling list.", exc_info=True)


# Matching in the database -------------------------------------------------------------------


def _lexeme(token):
    return "'" + token.replace("\\", "").replace("'", "''") + "'"


def tsquery(terms):
    """A PostgreSQL ``to_tsquery`` expression that all ``terms`` must satisfy."""
    clauses = []
    for term in terms:
        options = [_lexeme(word) for word in term.words]
        if term.parts:
            options.append("(" + " & ".join(_lexeme(part) for part in term.parts) + ")")
        options.extend(
            "(" + " <-> ".join(_lexeme(token) for token in sequence) + ")"
            for sequence in term.sequences
        )
        clauses.append("(" + " | ".join(options) + ")")
    return " & ".join(clauses)


class StoredSearchVector(Expression):
    """The ``search_vector`` column that :class:`AddSearchVector` adds on PostgreSQL.

    Not a model field, so it is named here; the table's alias is looked up when the query is
    compiled, so the column stays right inside subqueries.
    """

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection):
        alias = compiler.query.get_initial_alias()
        return f"{compiler.quote_name_unless_alias(alias)}.search_vector", []


def _postgresql_query(terms):
    return SearchQuery(tsquery(terms), search_type="raw", config=SEARCH_CONFIG)


def _padded_document():
    return Concat(Value(" "), F("search_document"), Value(" "), output_field=TextField())


def _occurrences(text, pattern):
    removed = Replace(text, Value(pattern), Value(""))
    return ExpressionWrapper(
        (Length(text) - Length(removed)) / Value(len(pattern)), output_field=IntegerField()
    )


def filter_matches(queryset, terms):
    """``queryset`` (rows with a ``search_document``) narrowed to those matching every term."""
    if connections[queryset.db].vendor == "postgresql":
        return queryset.alias(search_vector=StoredSearchVector()).filter(
            search_vector=_postgresql_query(terms)
        )
    # Elsewhere every term must occur as whole words in the document.
    conditions = []
    for term in terms:
        options = [Q(padded_document__contains=f" {word} ") for word in term.words]
        if term.parts:
            options.append(
                functools.reduce(
                    operator.and_,
                    (Q(padded_document__contains=f" {part} ") for part in term.parts),
                )
            )
        options.extend(
            Q(padded_document__contains=f" {' '.join(sequence)} ") for sequence in term.sequences
        )
        conditions.append(functools.reduce(operator.or_, options))
    return queryset.alias(padded_document=_padded_document()).filter(*conditions)


def annotate_rank(queryset, terms):
    """``queryset`` with a ``rank``: PostgreSQL's ``ts_rank``, elsewhere the occurrences."""
    if connections[queryset.db].vendor == "postgresql":
        rank = SearchRank(StoredSearchVector(), _postgresql_query(terms), normalization=Value(1))
        return queryset.annotate(rank=rank)
    # With every space doubled, back-to-back occurrences of a word are each counted.
    spaced = Concat(
        Value(" "),
        Replace(F("search_document"), Value(" "), Value("  ")),
        Value(" "),
        output_field=TextField(),
    )
    rank = Value(0)
    for term in terms:
        for words in (*term.words, *term.parts, *term.sequences):
            token = words if isinstance(words, str) else " ".join(words)
            rank = rank + _occurrences(spaced, f" {token} ")
    return queryset.annotate(rank=ExpressionWrapper(rank, output_field=IntegerField()))


class AddSearchVector(Operation):
    """Migration operation: on PostgreSQL, a stored ``tsvector`` of ``search_document`` and a
    GIN index on it. The column is generated by the database, so every write path (admin,
    bulk inserts, raw SQL) keeps it current. Other databases need nothing.

    The column is not a model field; a later migration that alters ``search_document`` must
    first reverse this operation.
    """

    reversible = True

    def __init__(self, model_name, name):
        self.model_name = model_name
        self.name = name

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        model = to_state.apps.get_model(app_label, self.model_name)
        table = schema_editor.quote_name(model._meta.db_table)
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
            f"(to_tsvector('{SEARCH_CONFIG}'::regconfig, search_document)) STORED"
        )
        # Finer statistics on the words let the planner tell a common word (walk the newest
        # releases) from a rare one (read the index).
        schema_editor.execute(
            f"ALTER TABLE {table} ALTER COLUMN search_vector SET STATISTICS {STATISTICS_TARGET}"
        )
        schema_editor.execute(
            f"CREATE INDEX {schema_editor.quote_name(self.name)} ON {table} "
            "USING gin (search_vector)"
        )

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        model = from_state.apps.get_model(app_label, self.model_name)
        table = schema_editor.quote_name(model._meta.db_table)
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(self.name)}")
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")

    def describe(self):
        return f"Full-text search vector for {self.model_name} (PostgreSQL only)"

    def deconstruct(self):
        return (
            self.__class__.__qualname__,
            [],
            {"model_name": self.model_name, "name": self.name},
        )


# Sources ------------------------------------------------------------------------------------


@dataclass
class Hit:
    source: "SearchSource"
    pk: int
    rank: float
    date: datetime.date | None = None

    @property
    def sort_key(self):
        moment = self.date
        if isinstance(moment, datetime.datetime):
            stamp = moment.timestamp()
        elif isinstance(moment, datetime.date):
            stamp = timezone.make_aware(
                datetime.datetime.combine(moment, datetime.time())
            ).timestamp()
        else:
            stamp = float("-inf")
        return (self.rank, stamp)


@dataclass
class Result:
    """One line of the results page; ``title`` and ``summary`` are highlighted, safe HTML."""

    kind: str
    title: str
    summary: str
    url: str
    date: datetime.date | None = None
    date_text: str = ""


class SearchSource:
    """Something the site search looks through. Subclasses answer two questions."""

    kind = ""

    def hits(self, query, language, limit):
        """The best ``limit`` matches for ``query`` in ``language``, as :class:`Hit` s."""
        raise NotImplementedError

    def results(self, pks, query, language):
        """``{pk: Result}`` for the given hits, loaded in a fixed number of queries."""
        raise NotImplementedError


class TranslatedDocumentSource(SearchSource):
    """A source of parler models whose translations keep a normalised ``search_document``.

    Subclasses give the queryset the public may see in a language (it must apply the app's
    publication rule) and turn one object into a :class:`Result`.
    """

    date_field = None  # on the translated model; newer first among equal ranks
    candidates = MAX_CANDIDATES  # the newest matches that are ranked

    def public_queryset(self, language):
        raise NotImplementedError

    def build_result(self, obj, query):
        raise NotImplementedError

    def hits(self, query, language, limit):
        public = self.public_queryset(language)
        translations = public.model._parler_meta.root_model.objects.filter(
            language_code=language, master__in=public.values("pk")
        )
        newest = [F("master_id").desc()]
        if self.date_field:
            newest.insert(0, F(f"master__{self.date_field}").desc(nulls_last=True))
        # A common word matches most of the archive: rank only its newest matches, so the
        # cost of a search does not grow with the archive.
        candidates = filter_matches(translations, query.terms).order_by(*newest)
        ranked = annotate_rank(
            translations.model.objects.filter(pk__in=candidates.values("pk")[: self.candidates]),
            query.terms,
        )
        fields = ["master_id", "rank"]
        if self.date_field:
            fields.append(f"master__{self.date_field}")
        rows = ranked.order_by("-rank", *newest).values_list(*fields)[:limit]
        return [Hit(self, row[0], row[1], row[2] if self.date_field else None) for row in rows]

    def results(self, pks, query, language):
        objects = self.public_queryset(language).filter(pk__in=pks)
        return {obj.pk: self.build_result(obj, query) for obj in objects}


_sources = []


def register(source):
    """Add ``source`` to the site search (once per class)."""
    if not any(type(known) is type(source) for known in _sources):
        _sources.append(source)
    return source


def sources():
    return list(_sources)


# Running a search ---------------------------------------------------------------------------


@dataclass
class Outcome:
    page: object
    total: int
    more: bool = False
    results: list = field(default_factory=list)


def run(query, language, page_number=1):
    """Search every registered source; one page of :class:`Result` s and the total found.

    At most :data:`MAX_RESULTS` matches are ranked and paged; ``more`` says there were others.
    """
    hits = []
    for source in sources():
        hits.extend(source.hits(query, language, MAX_RESULTS + 1))
    hits.sort(key=lambda hit: hit.sort_key, reverse=True)
    more = len(hits) > MAX_RESULTS
    hits = hits[:MAX_RESULTS]
    page = Paginator(hits, RESULTS_PER_PAGE).get_page(page_number)
    wanted = {}
    for hit in page.object_list:
        wanted.setdefault(hit.source, []).append(hit.pk)
    loaded = {source: source.results(pks, query, language) for source, pks in wanted.items()}
    results = [
        loaded[hit.source][hit.pk] for hit in page.object_list if hit.pk in loaded[hit.source]
    ]
    return Outcome(page=page, total=len(hits), more=more, results=results)


# Highlighting -------------------------------------------------------------------------------


def _match_spans(text, query):
    found = normalize.words(text)
    forms = query.highlight_forms
    spans = [
        (word.start, word.end)
        for word in found
        if not word.ideograph and not forms.isdisjoint(word.forms)
    ]
    for phrase, ideographs in [(p, True) for p in query.phrases] + [
        (s, False) for s in query.sequences
    ]:
        size = len(phrase)
        for index in range(len(found) - size + 1):
            window = found[index : index + size]
            if all(word.ideograph == ideographs for word in window) and (
                tuple(word.form for word in window) == phrase
            ):
                spans.append((window[0].start, window[-1].end))
    spans.sort()
    merged = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _marked(text, spans, offset=0):
    parts = []
    position = offset
    for start, end in spans:
        parts.append(escape(text[position:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:]))
    return "".join(parts)


def highlight(text, query):
    """``text`` escaped, with the words that match ``query`` in ``<mark>``."""
    text = text or ""
    return mark_safe(_marked(text, _match_spans(text, query)))  # _marked escapes the text


def _word_boundary(text, position, step, reach=20):
    """``position`` moved (by at most ``reach``) so that it does not cut a word in two."""
    for _step in range(reach):
        if position <= 0 or position >= len(text) or text[position - (step < 0)].isspace():
            break
        position += step
    return position


def summary(texts, query, length=SUMMARY_LENGTH):
    """A highlighted extract of the first of ``texts`` that matches, around the first match.

    Falls back to the start of the first text when none matches (e.g. a match on a tag).
    """
    texts = [text for text in texts if text]
    if not texts:
        return ""
    chosen, spans = texts[0], []
    for text in texts:
        spans = _match_spans(text, query)
        if spans:
            chosen = text
            break
    start = 0
    if len(chosen) > length and spans:
        start = max(0, spans[0][0] - length // 3)
        start = _word_boundary(chosen, start, step=-1)
    end = _word_boundary(chosen, min(len(chosen), start + length), step=1)
    window = [(max(s, start), min(e, end)) for s, e in spans if s < end and e > start]
    body = _marked(chosen[:end], window, offset=start)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(chosen) else ""
    return mark_safe(f"{prefix}{body}{suffix}")  # escaped in _marked
