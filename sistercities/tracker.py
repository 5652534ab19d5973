"""The progress tracker: an agreement's public commitments grouped, filtered and counted."""

from dataclasses import dataclass, field

from django.http import Http404

from .models import Commitment


@dataclass
class Progress:
    """How many of an agreement's public commitments are completed."""

    total: int
    completed: int

    @property
    def percent(self):
        return round(100 * self.completed / self.total) if self.total else 0


@dataclass
class SectorGroup:
    value: str
    label: str
    commitments: list = field(default_factory=list)


def choice_from_query(params, name, choices):
    """The value of filter ``name`` from the query string, or None; unknown values are a 404."""
    value = params.get(name, "")
    if not value:
        return None
    if value not in choices.values:
        raise Http404(f"Unknown {name}.")
    return choices(value)


class Tracker:
    """An agreement's public commitments, with the reader's sector and status filters applied.

    ``params`` is the request's query string (``request.GET``); an unknown sector or status in
    it is a 404.

    All commitments are fetched once; counts and filter options cover all of them, whatever
    filter is active, so the page costs the same number of queries for 16 or 100 commitments.
    """

    def __init__(self, commitments, params):
        self.params = params
        self.sector = choice_from_query(params, "sector", Commitment.Sector)
        self.status = choice_from_query(params, "status", Commitment.Status)
        sector, status = self.sector, self.status
        self.all = list(commitments)
        self.shown = [
            commitment
            for commitment in self.all
            if (sector is None or commitment.sector == sector)
            and (status is None or commitment.status == status)
        ]
        self.progress = Progress(
            total=len(self.all),
            completed=sum(c.status == Commitment.Status.COMPLETED for c in self.all),
        )

    def link(self, **changes):
        """The query string for the current filters with ``changes`` (None removes a filter)."""
        params = self.params.copy()
        for name, value in changes.items():
            params.pop(name, None)
            if value is not None:
                params[name] = value
        return f"?{params.urlencode()}" if params else ""

    @property
    def all_sectors_link(self):
        return self.link(sector=None)

    @property
    def all_statuses_link(self):
        return self.link(status=None)

    @property
    def is_filtered(self):
        return self.sector is not None or self.status is not None

    def groups(self):
        """The shown commitments by sector, sectors in their fixed order."""
        groups = {value: SectorGroup(value, label) for value, label in Commitment.Sector.choices}
        for commitment in self.shown:
            groups[commitment.sector].commitments.append(commitment)
        return [group for group in groups.values() if group.commitments]

    def sector_options(self):
        return self._options(Commitment.Sector, "sector", self.sector)

    def status_options(self):
        return self._options(Commitment.Status, "status", self.status)

    def _options(self, choices, attribute, active):
        counts = {}
        for commitment in self.all:
            value = getattr(commitment, attribute)
            counts[value] = counts.get(value, 0) + 1
        return [
            {
                "value": value,
                "label": label,
                "count": counts[value],
                "active": value == active,
                "link": self.link(**{attribute: value}),
            }
            for value, label in choices.choices
            if value in counts
        ]
