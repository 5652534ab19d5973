"""Roles and the editorial workflow, through the admin as each role uses it."""

import pytest
from django.utils import timezone

from gorgan.kit.roles import EDITOR, TRANSLATOR, WRITER
from newsroom.models import Comment, PressRelease, StatusChange
from sistercities.roles import INTERNATIONAL_AFFAIRS
from tests.factories import (
    EMPTY_RELEASE_INLINES,
    make_comment,
    make_release,
    make_staff,
    make_tag,
)

Status = PressRelease.Status
CHANGELIST_URL = "/admin/newsroom/pressrelease/"
ADD_URL = f"{CHANGELIST_URL}add/"
SUPERUSER = "superuser"


def change_url(release, language="fa"):
    return f"{CHANGELIST_URL}{release.pk}/change/?language={language}"


def release_form(release=None, **overrides):
    """Every field of the release form, as a browser would post it (read-only ones included).

    For an existing release the text fields start from its Persian translation.
    """
    text = {"title": "خبر تازه", "slug": "خبر-تازه", "lead": "خلاصه خبر", "body": "<p>متن</p>"}
    if release is not None:
        text = {name: release.safe_translation_getter(name, language_code="fa") for name in text}
    data = {
        **text,
        "status": release.status if release else Status.DRAFT,
        "publish_at": "",
        "section": release.section_id if release else "",
        "office": release.office_id if release else "",
        "tags": "",
        "sign_off": "الف",
    }
    return data | EMPTY_RELEASE_INLINES | overrides


def title_in(release, language):
    return PressRelease.objects.get(pk=release.pk).safe_translation_getter(
        "title", language_code=language
    )


def login(client, role, admin_user):
    client.force_login(admin_user if role == SUPERUSER else make_staff(role))
    return client


# One function per action: performs it through the admin, says whether it took effect.


def create(client, release):
    data = release_form(slug="خبر-نو", section=release.section_id, office=release.office_id)
    client.post(f"{ADD_URL}?language=fa", data)
    return PressRelease.objects.filter(translations__slug="خبر-نو").exists()


def edit(client, release):
    client.post(change_url(release, "fa"), release_form(release, title="عنوان ویرایش شده"))
    return title_in(release, "fa") == "عنوان ویرایش شده"


def translate(client, release):
    data = release_form(release, title="Edited title", slug="edited-title", lead="Lead")
    client.post(change_url(release, "en"), data)
    return title_in(release, "en") == "Edited title"


def publish(client, release):
    data = release_form(release, status=Status.PUBLISHED)
    client.post(change_url(release, "fa"), data)
    return PressRelease.objects.get(pk=release.pk).status == Status.PUBLISHED


def delete(client, release):
    client.post(f"{CHANGELIST_URL}{release.pk}/delete/", {"post": "yes"})
    return not PressRelease.objects.filter(pk=release.pk).exists()


def moderate(client, release):
    """Approve a reader's comment on the release with the comment admin's bulk action."""
    comment = make_comment(release, status=Comment.Status.PENDING)
    client.post(
        "/admin/newsroom/comment/",
        {"action": "approve", "_selected_action": [comment.pk], "index": 0},
    )
    return Comment.objects.get(pk=comment.pk).status == Comment.Status.APPROVED


ACTIONS = {
    "create": create,
    "edit": edit,
    "translate": translate,
    "publish": publish,
    "delete": delete,
    "moderate": moderate,
}

# Expected outcome per role and action on releases and their comments. Sister-city records
# have their own table (tests/sistercities/test_roles.py), and the other translated models
# theirs (tests/gorgan/test_admin_roles.py).
PERMISSION_MATRIX = {
    # columns: create, edit, translate, publish, delete, moderate
    WRITER: dict(zip(ACTIONS, [True, True, True, False, False, False], strict=True)),
    EDITOR: dict(zip(ACTIONS, [True, True, True, True, True, True], strict=True)),
    TRANSLATOR: dict(zip(ACTIONS, [False, False, True, False, False, False], strict=True)),
    INTERNATIONAL_AFFAIRS: dict(
        zip(ACTIONS, [False, False, False, False, False, False], strict=True)
    ),
    SUPERUSER: dict(zip(ACTIONS, [True, True, True, True, True, True], strict=True)),
}
CASES = [
    (role, action, allowed)
    for role, row in PERMISSION_MATRIX.items()
    for action, allowed in row.items()
]


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "action", "allowed"), CASES)
def test_permission_matrix(client, admin_user, role, action, allowed):
    release = make_release(status=Status.REVIEW, publish_at=None)
    login(client, role, admin_user)

    assert ACTIONS[action](client, release) is allowed


@pytest.mark.django_db
def test_writer_offered_only_draft_and_review(client):
    release = make_release(status=Status.DRAFT)
    login(client, WRITER, None)

    form = client.get(change_url(release)).context["adminform"].form

    assert [value for value, _label in form.fields["status"].choices] == ["draft", "review"]


@pytest.mark.django_db
@pytest.mark.parametrize("status", [Status.PUBLISHED, Status.ARCHIVED])
def test_writer_crafted_post_cannot_publish_or_archive(client, status):
    release = make_release(status=Status.REVIEW, publish_at=None)
    login(client, WRITER, None)

    response = client.post(change_url(release), release_form(release, status=status))

    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["status"]
    assert PressRelease.objects.get(pk=release.pk).status == Status.REVIEW


@pytest.mark.django_db
def test_writer_cannot_set_publish_time(client):
    release = make_release(status=Status.DRAFT)
    login(client, WRITER, None)

    client.post(
        change_url(release),
        release_form(release, publish_at="2030-01-01 10:00:00"),
    )

    assert PressRelease.objects.get(pk=release.pk).publish_at == release.publish_at


@pytest.mark.django_db
@pytest.mark.parametrize("status", [Status.PUBLISHED, Status.ARCHIVED])
def test_writer_cannot_change_what_the_public_reads(client, status):
    release = make_release(status=status)
    login(client, WRITER, None)

    response = client.post(change_url(release), release_form(release, title="دستکاری"))

    assert response.status_code == 403
    assert title_in(release, "fa") != "دستکاری"


@pytest.mark.django_db
def test_writer_bulk_publish_is_refused(client):
    release = make_release(status=Status.REVIEW, publish_at=None)
    login(client, WRITER, None)

    client.post(
        CHANGELIST_URL,
        {"action": "publish_releases", "_selected_action": [release.pk], "index": 0},
    )

    assert PressRelease.objects.get(pk=release.pk).status == Status.REVIEW


@pytest.mark.django_db
def test_writer_submits_drafts_for_review_in_bulk(client):
    drafts = [make_release(status=Status.DRAFT, publish_at=None) for _ in range(2)]
    writer = make_staff(WRITER)
    client.force_login(writer)

    client.post(
        CHANGELIST_URL,
        {"action": "submit_for_review", "_selected_action": [r.pk for r in drafts], "index": 0},
    )

    assert sorted(PressRelease.objects.values_list("status", flat=True)) == ["review", "review"]
    assert list(
        StatusChange.objects.filter(to_status=Status.REVIEW).values_list("changed_by", flat=True)
    ) == [writer.pk, writer.pk]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("action", "start", "end"),
    [
        ("publish_releases", Status.REVIEW, Status.PUBLISHED),
        ("unpublish_releases", Status.PUBLISHED, Status.DRAFT),
        ("archive_releases", Status.PUBLISHED, Status.ARCHIVED),
    ],
)
def test_editor_bulk_actions_move_releases(client, action, start, end):
    release = make_release(status=start)
    login(client, EDITOR, None)

    client.post(CHANGELIST_URL, {"action": action, "_selected_action": [release.pk], "index": 0})

    assert PressRelease.objects.get(pk=release.pk).status == end


@pytest.mark.django_db
def test_translator_edits_english_but_status_and_section_stay(client):
    release = make_release(status=Status.DRAFT, publish_at=None)
    other_section = make_release().section
    login(client, TRANSLATOR, None)

    client.post(
        change_url(release, "en"),
        release_form(
            release,
            title="Translated",
            slug="translated",
            lead="Lead",
            status=Status.PUBLISHED,
            section=other_section.pk,
            sign_off="X",
        ),
    )

    saved = PressRelease.objects.get(pk=release.pk)
    assert title_in(release, "en") == "Translated"
    assert (saved.status, saved.section_id, saved.sign_off) == (
        Status.DRAFT,
        release.section_id,
        "الف",
    )


@pytest.mark.django_db
def test_translator_persian_tab_is_read_only_and_refused(client):
    release = make_release(status=Status.DRAFT)
    login(client, TRANSLATOR, None)

    form = client.get(change_url(release, "fa")).context["adminform"].form
    response = client.post(change_url(release, "fa"), release_form(release, title="تغییر"))

    assert list(form.fields) == []
    assert response.status_code == 403
    assert title_in(release, "fa") != "تغییر"


@pytest.mark.django_db
def test_translator_cannot_delete_a_translation(client):
    release = make_release(status=Status.DRAFT)
    login(client, TRANSLATOR, None)

    response = client.post(
        f"{CHANGELIST_URL}{release.pk}/change/delete-translation/en/", {"post": "yes"}
    )

    assert response.status_code == 403
    assert PressRelease.objects.get(pk=release.pk).has_language("en")


@pytest.mark.django_db
def test_translator_translates_tags_but_not_their_persian_name(client):
    from newsroom.models import Tag
    from tests.factories import make_tag

    tag = make_tag(name="گوانگژو", slug="guangzhou")
    login(client, TRANSLATOR, None)

    client.post(
        f"/admin/newsroom/tag/{tag.pk}/change/?language=en",
        {"label": "Guangzhou", "name": "تغییر", "slug": "changed"},
    )

    tag = Tag.objects.get(pk=tag.pk)
    assert (tag.name, tag.slug) == ("گوانگژو", "guangzhou")
    assert tag.safe_translation_getter("label", language_code="en") == "Guangzhou"


@pytest.mark.django_db
def test_status_changes_are_recorded_with_who_and_shown(client):
    editor = make_staff(EDITOR, username="sardabir")
    client.force_login(editor)
    client.post(
        f"{ADD_URL}?language=fa",
        release_form(section=make_release().section_id, office=make_release().office_id),
    )
    release = PressRelease.objects.get(translations__slug="خبر-تازه")
    client.post(change_url(release), release_form(release, status=Status.PUBLISHED))

    changes = StatusChange.objects.filter(release=release).order_by("pk")
    page = client.get(change_url(release)).content.decode()

    assert [(c.from_status, c.to_status, c.changed_by) for c in changes] == [
        ("", Status.DRAFT, editor),
        (Status.DRAFT, Status.PUBLISHED, editor),
    ]
    assert page.count("<td>sardabir</td>") == 2


@pytest.mark.django_db
def test_status_record_survives_deleting_the_release():
    release = make_release(status=Status.DRAFT)
    release.status = Status.REVIEW
    release.save()
    pk = release.pk

    release.delete()

    assert list(StatusChange.objects.filter(release_id=pk).values_list("to_status", flat=True)) == [
        Status.REVIEW,
        Status.DRAFT,
    ]


@pytest.mark.django_db
def test_editor_schedules_a_release_that_appears_by_itself(client, monkeypatch):
    release = make_release(status=Status.REVIEW, publish_at=None)
    login(client, EDITOR, None)
    client.post(
        change_url(release),
        release_form(release, status=Status.PUBLISHED, publish_at="2030-01-01 09:00:00"),
    )
    assert client.get(release.get_absolute_url("fa")).status_code == 404

    later = timezone.datetime(2030, 1, 1, 9, 1, tzinfo=timezone.get_current_timezone())
    monkeypatch.setattr(timezone, "now", lambda: later)

    assert client.get(release.get_absolute_url("fa")).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("role", [*PERMISSION_MATRIX])
def test_every_admin_page_opens_or_refuses_for_every_role(client, admin_user, role):
    """No role meets a server error anywhere in the newsroom admin, only pages or refusals."""
    draft = make_release(status=Status.DRAFT)
    published = make_release(status=Status.PUBLISHED)
    tag = make_tag()
    login(client, role, admin_user)
    pages = [
        CHANGELIST_URL,
        f"{ADD_URL}?language=fa",
        f"{CHANGELIST_URL}recover/",
        "/admin/newsroom/tag/",
        f"/admin/newsroom/tag/{tag.pk}/change/?language=en",
        f"/admin/newsroom/section/{draft.section_id}/change/?language=fa",
    ]
    for release in (draft, published):
        pages += [
            change_url(release, "fa"),
            change_url(release, "en"),
            f"{CHANGELIST_URL}{release.pk}/history/",
            f"{CHANGELIST_URL}{release.pk}/delete/",
        ]

    statuses = {page: client.get(page).status_code for page in pages}

    assert set(statuses.values()) <= {200, 302, 403}, statuses
