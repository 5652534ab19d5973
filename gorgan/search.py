"""Site search: the reader's query, the sources that answer it, ranking, paging, highlighting.

Every app that has public things worth finding registers a :class:`SearchSource` (usually a
:class:`TranslatedDocumentSource`) from its ``AppConfig.ready()``::

    from gorgan import search
    search.register(PressReleaseSearch())

Each source returns its best matches; the search page merges them by rank, newest first among
equals, and loads only the objects shown on the current page.

Indexed text and queries are normalised by :mod:`gorgan.normalize`. On PostgreSQL the
normalised document is searched through a stored ``tsvector`` with a GIN index
(:class:`AddSearchVector`); elsewhere every query word must occur in the document and results
are ranked by how often they occur.
"""

import datetime
import functools
import operator
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
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

from gorgan import normalize

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
    """One thing every result must contain.

    ``form`` is the normalised word; when the word was built from several parts (joined by a
    ZWNJ), a document that contains all ``parts`` as separate words matches too. ``phrase`` is
    a run of ideographs; the document must hold each adjacent pair of them.
    """

    form: str = ""
    parts: tuple = ()
    phrase: tuple = ()

    @property
    def tokens(self):
        """The indexed words this term needs: its form, or the pairs of its ideographs."""
        if self.phrase:
            return tuple(normalize.ideograph_tokens(self.phrase, unigrams=False))
        return (self.form,)


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
                forms.add(term.form)
                forms.update(term.parts)
        return forms

    @functools.cached_property
    def phrases(self):
        return [term.phrase for term in self.terms if term.phrase]


def parse_query(raw):
    """The reader's query: cut to :data:`MAX_QUERY_LENGTH` characters, split into terms."""
    text = (raw or "").strip()
    was_cut = len(text) > MAX_QUERY_LENGTH
    text = text[:MAX_QUERY_LENGTH]
    terms = []
    seen = set()
    phrase = []
    previous_end = None

    def close_phrase():
        if phrase:
            terms.append(Term(form="".join(phrase), phrase=tuple(phrase)))
            phrase.clear()

    for word in normalize.words(text):
        if word.ideograph:
            # As in the index: a run of ideographs goes on across spaces only.
            if phrase and normalize.fold(text[previous_end : word.start]).strip():
                close_phrase()
            phrase.append(word.form)
        else:
            close_phrase()
            parts = word.stems if len(word.stems) > 1 else ()
            term = Term(form=word.form, parts=parts)
            if term.form not in seen:
                seen.add(term.form)
                terms.append(term)
        previous_end = word.end
    close_phrase()
    return Query(text=text, terms=terms[:MAX_TERMS], was_cut=was_cut)


# Matching in the database -------------------------------------------------------------------


def _lexeme(token):
    return "'" + token.replace("\\", "").replace("'", "''") + "'"


def tsquery(terms):
    """A PostgreSQL ``to_tsquery`` expression that all ``terms`` must satisfy."""
    clauses = []
    for term in terms:
        if term.phrase:
            clauses.append("(" + " & ".join(_lexeme(token) for token in term.tokens) + ")")
        elif term.parts:
            parts = " & ".join(_lexeme(part) for part in term.parts)
            clauses.append(f"({_lexeme(term.form)} | ({parts}))")
        else:
            clauses.append(_lexeme(term.form))
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
        condition = functools.reduce(
            operator.and_, (Q(padded_document__contains=f" {token} ") for token in term.tokens)
        )
        if term.parts:
            condition |= functools.reduce(
                operator.and_, (Q(padded_document__contains=f" {part} ") for part in term.parts)
            )
        conditions.append(condition)
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
        for token in (*term.tokens, *term.parts):
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
        if not word.ideograph and (word.form in forms or forms.intersection(word.stems))
    ]
    for phrase in query.phrases:
        size = len(phrase)
        for index in range(len(found) - size + 1):
            window = found[index : index + size]
            if all(word.ideograph for word in window) and (
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
