import datetime

import pytest
from django.utils import timezone

from sistercities.models import Agreement, Commitment
from tests.sistercities.factories import make_agreement, make_commitment, make_update

pytestmark = pytest.mark.django_db


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.mark.parametrize(
    ("target_in_days", "status", "expected"),
    [
        (0, Commitment.Status.AGREED, False),  # due today: not late yet
        (-1, Commitment.Status.AGREED, True),  # due yesterday
        (-1, Commitment.Status.IN_PROGRESS, True),
        (-1, Commitment.Status.STALLED, True),
        (-1, Commitment.Status.COMPLETED, False),
        (-1, Commitment.Status.DROPPED, False),
        (1, Commitment.Status.PROPOSED, False),
        (None, Commitment.Status.PROPOSED, False),
    ],
)
def test_overdue_at_the_boundaries(target_in_days, status, expected):
    target = None if target_in_days is None else days_from_today(target_in_days)
    commitment = make_commitment(make_agreement(), status=status, target_date=target)

    assert list(Commitment.objects.overdue()) == ([commitment] if expected else [])
    assert commitment.is_overdue is expected


def test_completing_an_overdue_commitment_takes_it_off_the_overdue_list():
    commitment = make_commitment(make_agreement(), target_date=days_from_today(-1))

    make_update(commitment, Commitment.Status.COMPLETED, date=timezone.localdate())

    assert list(Commitment.objects.overdue()) == []


def test_update_moves_commitment_to_its_status_and_keeps_history():
    commitment = make_commitment(make_agreement(), status=Commitment.Status.PROPOSED)

    make_update(commitment, Commitment.Status.AGREED, date=datetime.date(2026, 1, 10))
    make_update(commitment, Commitment.Status.IN_PROGRESS, date=datetime.date(2026, 3, 5))

    commitment.refresh_from_db()
    assert commitment.status == Commitment.Status.IN_PROGRESS
    assert [update.status for update in commitment.updates.all()] == ["in_progress", "agreed"]


def test_backdated_update_does_not_override_a_later_one():
    commitment = make_commitment(make_agreement())
    make_update(commitment, Commitment.Status.IN_PROGRESS, date=datetime.date(2026, 3, 5))

    make_update(commitment, Commitment.Status.AGREED, date=datetime.date(2026, 1, 10))

    commitment.refresh_from_db()
    assert commitment.status == Commitment.Status.IN_PROGRESS


def test_deleting_the_latest_update_returns_to_the_previous_status():
    commitment = make_commitment(make_agreement())
    make_update(commitment, Commitment.Status.AGREED, date=datetime.date(2026, 1, 10))
    latest = make_update(commitment, Commitment.Status.STALLED, date=datetime.date(2026, 2, 1))

    latest.delete()

    commitment.refresh_from_db()
    assert commitment.status == Commitment.Status.AGREED


def test_direct_status_change_is_recorded_as_an_update():
    commitment = make_commitment(make_agreement(), status=Commitment.Status.AGREED)
    commitment = Commitment.objects.get(pk=commitment.pk)

    commitment.status = Commitment.Status.COMPLETED
    commitment.save()

    update = commitment.updates.get()
    assert (update.status, update.date) == ("completed", timezone.localdate())


def test_public_querysets_leave_out_negotiations_and_internal_commitments():
    public = make_agreement(status=Agreement.Status.SIGNED)
    negotiating = make_agreement(status=Agreement.Status.UNDER_NEGOTIATION)
    shown = make_commitment(public)
    make_commitment(public, is_public=False)
    make_commitment(negotiating)

    assert list(Agreement.objects.public()) == [public]
    assert list(Commitment.objects.public()) == [shown]


@pytest.mark.parametrize(
    ("precision", "expected"),
    [
        ("year", ("۱۳۹۷", "2018", "2018年", "2018")),
        ("month", ("تیر ۱۳۹۷", "July 2018", "2018年7月", "2018-07")),
        ("day", ("۱۰ تیر ۱۳۹۷", "July 1, 2018", "2018年7月1日", "2018-07-01")),
    ],
)
def test_signing_date_is_shown_as_precisely_as_it_is_known(precision, expected):
    agreement = make_agreement(signed_on=datetime.date(2018, 7, 1), signed_on_precision=precision)

    assert (
        agreement.signed_on_display("fa"),
        agreement.signed_on_display("en"),
        agreement.signed_on_display("zh-hans"),
        agreement.signed_on_machine(),
    ) == expected
