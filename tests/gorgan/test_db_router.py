import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext

from tests.factories import make_release

ROUTER = ["gorgan.kit.db_router.PrimaryReplicaRouter"]


def queries_per_alias(client, url, **extra):
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        response = client.get(url, **extra)
    assert response.status_code == 200
    return len(primary), len(replica)


@pytest.mark.django_db(transaction=True, databases=["default", "replica"])
def test_anonymous_reader_is_served_from_the_replica(client, settings):
    settings.DATABASE_ROUTERS = ROUTER
    release = make_release()
    client.get(release.get_absolute_url("fa"))  # stores the page's parts, on the primary

    primary, replica = queries_per_alias(client, release.get_absolute_url("fa"))

    assert (primary, replica > 0) == (0, True)


@pytest.mark.django_db(transaction=True, databases=["default", "replica"])
def test_staff_and_admin_stay_on_the_primary(client, settings, admin_user):
    settings.DATABASE_ROUTERS = ROUTER
    release = make_release()
    client.force_login(admin_user)

    page = queries_per_alias(client, release.get_absolute_url("fa"))
    admin = queries_per_alias(client, "/admin/newsroom/pressrelease/")

    assert page[1] == 0
    assert admin[1] == 0
