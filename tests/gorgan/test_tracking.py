"""Field tracking (gorgan.kit.tracking), through a model that uses it: a comment's status."""

import pytest
from django.core import serializers

from gorgan.kit import tracking
from newsroom.models import Comment
from tests.factories import make_comment, make_release

pytestmark = pytest.mark.django_db
Status = Comment.Status


def test_loaded_instance_knows_its_stored_value_without_a_query(django_assert_num_queries):
    comment = Comment.objects.get(pk=make_comment(make_release(), status=Status.PENDING).pk)
    comment.status = Status.APPROVED

    with django_assert_num_queries(0):
        assert tracking.stored(comment, "status") == Status.PENDING


def test_previous_is_what_the_latest_save_replaced():
    comment = make_comment(make_release(), status=Status.PENDING)
    comment.status = Status.APPROVED
    comment.save()
    comment.status = Status.REJECTED

    assert tracking.previous(comment, "status") == Status.PENDING
    assert tracking.stored(comment, "status") == Status.APPROVED


def test_deserialised_instance_reads_the_stored_row(django_assert_num_queries):
    comment = make_comment(make_release(), status=Status.APPROVED)
    data = serializers.serialize("json", [comment]).replace(Status.APPROVED, Status.SPAM)
    restored = next(serializers.deserialize("json", data)).object

    with django_assert_num_queries(1):
        assert tracking.stored(restored, "status") == Status.APPROVED


def test_deferred_field_is_read_once_not_guessed():
    comment = make_comment(make_release(), status=Status.APPROVED)
    deferred = Comment.objects.defer("status").get(pk=comment.pk)

    assert tracking.stored(deferred, "status") == Status.APPROVED


def test_new_instance_has_no_stored_value():
    assert tracking.stored(Comment(status=Status.APPROVED), "status") is None
