import pytest


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    return client
