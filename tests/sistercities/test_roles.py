"""Who may do what with sister-city records, through the admin, as a table per role."""

import pytest
from django.test import Client

from gorgan.kit.roles import EDITOR, TRANSLATOR, WRITER
from sistercities.models import Agreement, Commitment
from sistercities.roles import INTERNATIONAL_AFFAIRS
from tests.admin_forms import admin_form_data
from tests.newsroom.test_workflow import SUPERUSER, login
from tests.sistercities.factories import make_agreement, make_commitment, make_partner_city

AGREEMENTS = "/admin/sistercities/agreement/"
COMMITMENTS = "/admin/sistercities/commitment/"


def form_from(admin_client, url, **changes):
    """The complete form at ``url`` as the superuser sees it, with ``changes``."""
    return admin_form_data(admin_client.get(url), **changes)


def title_in(agreement, language):
    return Agreement.objects.get(pk=agreement.pk).safe_translation_getter(
        "title", language_code=language
    )


# One function per action: performs it through the admin, says whether it took effect.


def create_agreement(client, admin_client, agreement):
    url = f"{AGREEMENTS}add/?language=fa"
    data = form_from(
        admin_client,
        url,
        title="تفاهم‌نامه همکاری فرهنگی",
        slug="همکاری-فرهنگی",
        partner_city=make_partner_city().pk,
        kind=Agreement.Kind.MEMORANDUM,
        status=Agreement.Status.SIGNED,
        signed_on_precision=Agreement.DatePrecision.DAY,
    )
    client.post(url, data)
    return Agreement.objects.filter(translations__slug="همکاری-فرهنگی").exists()


def edit_agreement(client, admin_client, agreement):
    url = f"{AGREEMENTS}{agreement.pk}/change/?language=fa"
    client.post(
        url, form_from(admin_client, url, title="عنوان تازه", status=Agreement.Status.ACTIVE)
    )
    saved = Agreement.objects.get(pk=agreement.pk)
    return (title_in(agreement, "fa"), saved.status) == ("عنوان تازه", Agreement.Status.ACTIVE)


def translate_agreement(client, admin_client, agreement):
    url = f"{AGREEMENTS}{agreement.pk}/change/?language=en"
    client.post(url, form_from(admin_client, url, title="New title"))
    return title_in(agreement, "en") == "New title"


def add_commitment_update(client, admin_client, agreement):
    commitment = agreement.commitments.get()
    url = f"{COMMITMENTS}{commitment.pk}/change/?language=fa"
    data = form_from(admin_client, url) | {
        "updates-TOTAL_FORMS": "1",
        "updates-0-date": "2026-11-25",
        "updates-0-status": Commitment.Status.COMPLETED,
        "updates-0-note": "اتاق گوانگژو افتتاح شد.",
    }
    client.post(url, data)
    return Commitment.objects.get(pk=commitment.pk).status == Commitment.Status.COMPLETED


def delete_agreement(client, admin_client, agreement):
    client.post(f"{AGREEMENTS}{agreement.pk}/delete/", {"post": "yes"})
    return not Agreement.objects.filter(pk=agreement.pk).exists()


ACTIONS = {
    "create agreement": create_agreement,
    "edit agreement": edit_agreement,
    "translate agreement": translate_agreement,
    "add commitment update": add_commitment_update,
    "delete agreement": delete_agreement,
}

# Publishing a release is in the release table (tests/newsroom/test_workflow.py): the
# International affairs officer may not.
PERMISSION_MATRIX = {
    # columns: create, edit, translate, add commitment update, delete
    WRITER: dict(zip(ACTIONS, [False, False, False, False, False], strict=True)),
    EDITOR: dict(zip(ACTIONS, [False, False, False, False, False], strict=True)),
    TRANSLATOR: dict(zip(ACTIONS, [False, False, True, False, False], strict=True)),
    INTERNATIONAL_AFFAIRS: dict(zip(ACTIONS, [True, True, True, True, True], strict=True)),
    SUPERUSER: dict(zip(ACTIONS, [True, True, True, True, True], strict=True)),
}
CASES = [
    (role, action, allowed)
    for role, row in PERMISSION_MATRIX.items()
    for action, allowed in row.items()
]


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "action", "allowed"), CASES)
def test_permission_matrix(client, admin_user, role, action, allowed):
    agreement = make_agreement(status=Agreement.Status.SIGNED)
    make_commitment(agreement, status=Commitment.Status.IN_PROGRESS)
    admin_client = Client()
    admin_client.force_login(admin_user)
    login(client, role, admin_user)

    assert ACTIONS[action](client, admin_client, agreement) is allowed
