"""Translators on every translated model: English and Chinese texts, nothing else.

One table: for each model, the Translator and the role that owns the model, and what each
action through the admin does. The actions post what a browser would (or a crafted form),
and each says whether it took effect.
"""

from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from parler.admin import TranslatableAdmin

from gorgan.kit.roles import EDITOR, TRANSLATOR, WRITER
from gorgan.models import Service
from newsroom.models import Image
from sistercities.models import Agreement, Commitment, PartnerCity
from sistercities.roles import INTERNATIONAL_AFFAIRS
from tests.admin_forms import admin_form_data
from tests.factories import make_service, make_staff
from tests.newsroom.factories import make_image, unique_jpeg_bytes
from tests.sistercities.factories import make_agreement, make_commitment, make_partner_city


@dataclass
class Model:
    model: Any
    make: Any
    text: str  # a translated field
    shared: str  # a shared field and a value a crafted form sends for it
    shared_value: Any
    new: Any  # the fields of a new object, beyond what the add page fills in

    @property
    def url(self):
        opts = self.model._meta
        return f"/admin/{opts.app_label}/{opts.model_name}/"


def new_agreement():
    return {
        "title": "توافق‌نامه تازه",
        "slug": "توافقنامه-تازه",
        "partner_city": make_partner_city().pk,
        "kind": Agreement.Kind.PROTOCOL,
        "status": Agreement.Status.SIGNED,
        "signed_on_precision": Agreement.DatePrecision.DAY,
    }


def new_commitment():
    return {
        "agreement": make_agreement().pk,
        "title": "تعهد تازه",
        "sector": Commitment.Sector.TOURISM,
        "status": Commitment.Status.PROPOSED,
    }


def new_partner_city():
    return {"name": "شهر تازه", "slug": "new-city", "country": "FR"}


def new_service():
    return {"title": "خدمت تازه", "url": "https://gorgan.ir/new"}


def new_image():
    return {
        "alt_text": "عکس تازه",
        "file": SimpleUploadedFile("new.jpg", unique_jpeg_bytes(), "image/jpeg"),
    }


MODELS = {
    "agreement": Model(
        Agreement,
        lambda: make_agreement(),
        "title",
        "status",
        Agreement.Status.EXPIRED,
        new_agreement,
    ),
    "commitment": Model(
        Commitment,
        lambda: make_commitment(make_agreement()),
        "title",
        "target_date",
        "2030-01-01",
        new_commitment,
    ),
    "partner city": Model(
        PartnerCity,
        lambda: make_partner_city(),
        "name",
        "website",
        "https://evil.example/",
        new_partner_city,
    ),
    "service": Model(
        Service,
        lambda: make_service(fa="پرداخت عوارض", en="Pay municipal fees"),
        "title",
        "url",
        "https://evil.example/",
        new_service,
    ),
    "image": Model(
        Image,
        lambda: make_image(alt={"fa": "میدان شهر", "en": "City square"}),
        "alt_text",
        "file",
        lambda: SimpleUploadedFile("other.jpg", unique_jpeg_bytes(), "image/jpeg"),
        new_image,
    ),
}
OWNER = {
    "agreement": INTERNATIONAL_AFFAIRS,
    "commitment": INTERNATIONAL_AFFAIRS,
    "partner city": INTERNATIONAL_AFFAIRS,
    "service": EDITOR,
    "image": EDITOR,
}


def form_from(client, url, /, **changes):
    """What the superuser's form at ``url`` posts, with ``changes``: a complete form."""
    return admin_form_data(client.get(url), **changes)


def reload(case, obj):
    return case.model._base_manager.get(pk=obj.pk)


def text_in(case, obj, language):
    return reload(case, obj).safe_translation_getter(case.text, language_code=language)


# One function per action; each returns whether it took effect.


def create(case, client, as_admin, obj):
    before = case.model.objects.count()
    data = form_from(as_admin, f"{case.url}add/?language=fa", **case.new())
    client.post(f"{case.url}add/?language=fa", data)
    return case.model.objects.count() == before + 1


def edit_source(case, client, as_admin, obj):
    url = f"{case.url}{obj.pk}/change/?language=fa"
    client.post(url, form_from(as_admin, url, **{case.text: "متن تازه"}))
    return text_in(case, obj, "fa") == "متن تازه"


def translate(case, client, as_admin, obj):
    url = f"{case.url}{obj.pk}/change/?language=en"
    client.post(url, form_from(as_admin, url, **{case.text: "New text"}))
    return text_in(case, obj, "en") == "New text"


def change_shared(case, client, as_admin, obj):
    url = f"{case.url}{obj.pk}/change/?language=en"
    value = case.shared_value() if callable(case.shared_value) else case.shared_value
    client.post(url, form_from(as_admin, url, **{case.text: "New text", case.shared: value}))
    field = case.model._meta.get_field(case.shared)
    return field.value_from_object(reload(case, obj)) != field.value_from_object(obj)


def delete(case, client, as_admin, obj):
    client.post(f"{case.url}{obj.pk}/delete/", {"post": "yes"})
    return not case.model._base_manager.filter(pk=obj.pk).exists()


def delete_translation(case, client, as_admin, obj):
    client.post(f"{case.url}{obj.pk}/change/delete-translation/en/", {"post": "yes"})
    return "en" not in reload(case, obj).get_available_languages()


ACTIONS = {
    "create": create,
    "edit source": edit_source,
    "translate": translate,
    "change shared": change_shared,
    "delete": delete,
    "delete translation": delete_translation,
}
TRANSLATOR_ROW = [False, False, True, False, False, False]
OWNER_ROW = [True, True, True, True, True, True]
CASES = [
    (model, role, action, allowed)
    for model in MODELS
    for role, row in ((TRANSLATOR, TRANSLATOR_ROW), (OWNER[model], OWNER_ROW))
    for action, allowed in zip(ACTIONS, row, strict=True)
]


@pytest.fixture
def as_admin(admin_user):
    client = Client()
    client.force_login(admin_user)
    return client


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "role", "action", "allowed"), CASES)
def test_translation_matrix(client, as_admin, media_root, model, role, action, allowed):
    case = MODELS[model]
    obj = case.make()
    client.force_login(make_staff(role))

    assert ACTIONS[action](case, client, as_admin, obj) is allowed


@pytest.mark.django_db
@pytest.mark.parametrize("model", list(MODELS))
def test_translator_form_has_only_the_texts_and_persian_none(client, media_root, model):
    case = MODELS[model]
    obj = case.make()
    client.force_login(make_staff(TRANSLATOR))
    url = f"{case.url}{obj.pk}/change/"

    english = client.get(f"{url}?language=en").context["adminform"].form
    persian = client.get(f"{url}?language=fa").context["adminform"].form

    translation_model = case.model._parler_meta.root_model
    texts = {
        name
        for name in case.model._parler_meta.get_all_fields()
        if translation_model._meta.get_field(name).editable  # not the bookkeeping fields
    }
    assert set(english.fields) == texts
    assert list(persian.fields) == []


@pytest.mark.django_db
def test_translator_cannot_edit_list_columns(client):
    service = make_service(order=1)
    client.force_login(make_staff(TRANSLATOR))

    page = client.get("/admin/gorgan/service/")
    client.post(
        "/admin/gorgan/service/",
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": service.pk,
            "form-0-order": "9",
            "_save": "Save",
        },
    )

    assert page.context["cl"].list_editable == ()
    assert Service.objects.get(pk=service.pk).order == 1


@pytest.mark.django_db
def test_translator_sees_commitments_on_the_agreement_read_only(client):
    agreement = make_agreement()
    make_commitment(agreement)
    client.force_login(make_staff(TRANSLATOR))

    page = client.get(f"/admin/sistercities/agreement/{agreement.pk}/change/?language=en")
    (inline,) = page.context["inline_admin_formsets"]

    assert (inline.has_add_permission, inline.has_change_permission) == (False, False)
    assert inline.has_view_permission is True


@pytest.mark.django_db
@pytest.mark.parametrize("role", [TRANSLATOR, EDITOR, INTERNATIONAL_AFFAIRS, WRITER, None])
def test_every_admin_page_opens_or_refuses_for_every_role(client, media_root, role):
    """No role meets a server error on these models' admin pages, only pages or refusals."""
    client.force_login(make_staff(*([role] if role else [])))
    pages = ["/admin/sistercities/overduecommitment/"]
    for case in MODELS.values():
        obj = case.make()
        pages += [
            case.url,
            f"{case.url}add/?language=fa",
            f"{case.url}{obj.pk}/change/?language=fa",
            f"{case.url}{obj.pk}/change/?language=zh-hans",
            f"{case.url}{obj.pk}/history/",
            f"{case.url}{obj.pk}/delete/",
        ]
    pages += [f"{MODELS['agreement'].url}recover/"]

    statuses = {page: client.get(page).status_code for page in pages}

    assert set(statuses.values()) <= {200, 302, 403}, statuses


@pytest.mark.django_db
def test_translator_translates_the_site_identity_and_nothing_else(client, as_admin):
    from gorgan.models import SiteIdentity
    from tests.factories import make_site_identity

    make_site_identity()
    url = f"/admin/gorgan/siteidentity/{SiteIdentity.SINGLETON_PK}/change/"
    client.force_login(make_staff(TRANSLATOR))

    english = form_from(as_admin, f"{url}?language=en", name="Gorgan Municipality")
    client.post(f"{url}?language=en", english | {"phone": "000"})
    persian = form_from(as_admin, f"{url}?language=fa", name="نام دیگر")
    refused = client.post(f"{url}?language=fa", persian)

    identity = SiteIdentity.objects.get()
    assert identity.safe_translation_getter("name", language_code="en") == "Gorgan Municipality"
    assert identity.safe_translation_getter("name", language_code="fa") == "شهرداری گرگان"
    assert identity.phone == "017-32224001"
    assert refused.status_code == 403


@pytest.mark.django_db
def test_translator_translates_commitment_update_notes_only(client, as_admin):
    from sistercities.models import CommitmentUpdate
    from tests.sistercities.factories import make_update

    commitment = make_commitment(make_agreement())
    update = make_update(commitment, Commitment.Status.IN_PROGRESS)
    url = f"/admin/sistercities/commitment/{commitment.pk}/change/?language=en"
    client.force_login(make_staff(TRANSLATOR))
    page = client.get(url)
    (inline,) = page.context["inline_admin_formsets"]

    data = form_from(as_admin, url, **{"updates-0-note": "Site survey finished"})
    client.post(url, data | {"updates-0-status": Commitment.Status.COMPLETED})

    update = CommitmentUpdate.objects.get(pk=update.pk)
    assert (inline.has_add_permission, inline.has_delete_permission) == (False, False)
    assert update.safe_translation_getter("note", language_code="en") == "Site survey finished"
    assert update.status == Commitment.Status.IN_PROGRESS
    assert CommitmentUpdate.objects.count() == 1


# Only the site's languages: a ``?language=`` it does not have opens no form and stores nothing.


def translated_model_admins():
    return [
        (model, admin.site.get_model_admin(model))
        for model in apps.get_models()
        if admin.site.is_registered(model)
        and isinstance(admin.site.get_model_admin(model), TranslatableAdmin)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["xx", "de", "fa-ir", "en-us"])
def test_add_form_in_a_language_the_site_lacks_is_refused_on_every_translated_model(
    as_admin, language
):
    answers = {}
    for model, _model_admin in translated_model_admins():
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/add/"
        response = as_admin.get(f"{url}?language={language}&_changelist_filters=q%3Dx")
        answers[model.__name__] = (response.status_code, response.get("Location"))

    assert len(answers) >= 11
    assert answers == {
        name: (
            302,
            f"/admin/{model._meta.app_label}/{model._meta.model_name}/add/"
            "?_changelist_filters=q%3Dx",
        )
        for name, model in ((model.__name__, model) for model, _a in translated_model_admins())
    }


@pytest.mark.django_db
@pytest.mark.parametrize("model", list(MODELS))
@pytest.mark.parametrize("role", [TRANSLATOR, "owner"])
@pytest.mark.parametrize("language", ["fa-ir", "de", "xx"])
def test_translation_in_a_language_the_site_lacks_is_never_stored(
    client, as_admin, media_root, model, role, language
):
    case = MODELS[model]
    obj = case.make()
    client.force_login(make_staff(OWNER[model] if role == "owner" else role))
    url = f"{case.url}{obj.pk}/change/"

    response = client.post(
        f"{url}?language={language}",
        form_from(as_admin, f"{url}?language=en", **{case.text: "Text in no site language"}),
        follow=True,
    )

    assert response.redirect_chain == [(url, 302)]
    assert [str(message) for message in response.context["messages"]] == [
        f"این سایت زبان «{language}» را ندارد؛ چیزی ذخیره نشد. از زبانه‌های زبان استفاده کنید."
    ]
    assert set(reload(case, obj).get_available_languages()) == set(obj.get_available_languages())
    assert text_in(case, obj, "en") != "Text in no site language"


@pytest.mark.django_db
@pytest.mark.parametrize("view", ["change/", "history/", "delete/"])
def test_release_pages_in_a_language_the_site_lacks_answer_with_the_site_languages(as_admin, view):
    from tests.factories import make_release

    release = make_release()
    url = f"/admin/newsroom/pressrelease/{release.pk}/{view}"

    responses = [as_admin.get(f"{url}?language={code}") for code in ("xx", "de", "fa-ir")]
    in_persian = as_admin.get(f"{url}?language=FA")

    assert [(r.status_code, r["Location"]) for r in responses] == [(302, url)] * 3
    assert in_persian.status_code == 200
