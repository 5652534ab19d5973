"""Signed agreement documents: only real PDFs up to 20 MB are stored, and served as downloads."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from sistercities.documents import MAX_DOCUMENT_BYTES
from sistercities.models import Agreement
from tests.sistercities.factories import make_agreement, make_pdf

pytestmark = pytest.mark.django_db

PDF = make_pdf()
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JAVASCRIPT_ERROR = "The PDF contains JavaScript, which could run in readers' PDF viewers."


def encrypted_pdf(user_password, algorithm):
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm=algorithm)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


JAVASCRIPT_ACTION = "<< /S /JavaScript /JS (app.alert\\(document.cookie\\)) >>"


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    client.cookies["django_language"] = "en"
    return client


def stored_files(root):
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def agreement_form(agreement, document):
    return {
        "title": agreement.title,
        "slug": agreement.slug,
        "partner_city": agreement.partner_city_id,
        "kind": agreement.kind,
        "status": agreement.status,
        "summary": "",
        "signed_on": "2018-07-01",
        "signed_on_precision": "year",
        "signed_at_place": "",
        "signatories": "",
        "counterpart_bodies": "",
        "document": document,
        "commitments-TOTAL_FORMS": "0",
        "commitments-INITIAL_FORMS": "0",
    }


def upload(staff_client, agreement, document):
    url = f"/admin/sistercities/agreement/{agreement.pk}/change/?language=fa"
    return staff_client.post(url, agreement_form(agreement, document))


@pytest.mark.parametrize(
    ("name", "content", "expected_error"),
    [
        ("signed.pdf", PNG, "The document must be a PDF file; this file is not a PDF."),
        ("signed.pdf", b"<html><body>%PDF-1.4</body></html>%%EOF", "this file is not a PDF."),
        ("signed.pdf", PDF[:40], "The PDF file is incomplete or damaged"),
        (
            "signed.pdf",
            PDF + b"0" * (MAX_DOCUMENT_BYTES - len(PDF) + 1) + b"%%EOF",
            "the largest accepted is 20.0\xa0MB.",
        ),
        ("signed.pdf", b"", "The submitted file is empty."),
        ("signed.pdf", b"%PDF-1.7\nnot a document at all\n%%EOF\n", "cannot be read"),
        (
            "signed.pdf",
            make_pdf(header=b"%PDF-1.7\n%<html><body><script>alert(1)</script></body></html>\n"),
            "The document contains web-page code (HTML) besides the PDF.",
        ),
        ("signed.pdf", PDF + b"<!DOCTYPE html><p>Sign in again</p>\n%%EOF\n", "(HTML)"),
        ("signed.pdf", make_pdf(f"/OpenAction {JAVASCRIPT_ACTION}"), JAVASCRIPT_ERROR),
        (
            "signed.pdf",
            make_pdf(
                "/Names << /JavaScript 4 0 R >>",
                ["<< /Names [(run) 5 0 R] >>", JAVASCRIPT_ACTION],
            ),
            JAVASCRIPT_ERROR,
        ),
        # Names may spell their letters as #hex codes; a reader still runs the script.
        ("signed.pdf", make_pdf("/OpenAction << /S /J#61vaScript /J#53 (1) >>"), JAVASCRIPT_ERROR),
        (
            "signed.pdf",
            make_pdf("/AcroForm << /Fields [] /XFA 4 0 R >>", ["[(template) 5 0 R]", "(x)"]),
            JAVASCRIPT_ERROR,
        ),
        (
            "signed.pdf",
            make_pdf("/OpenAction << /S /Launch /F (cmd.exe) >>"),
            "The PDF contains an action that opens other files or programs.",
        ),
        (
            "signed.pdf",
            make_pdf(
                "/Names << /EmbeddedFiles << /Names [(invoice.exe) 4 0 R] >> >>",
                [
                    "<< /Type /Filespec /F (invoice.exe) /EF << /F 5 0 R >> >>",
                    "<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream",
                ],
            ),
            "The PDF contains attached files.",
        ),
    ],
    ids=[
        "png-named-pdf",
        "html",
        "truncated",
        "over-20-mb",
        "empty",
        "unreadable",
        "html-pdf-polyglot",
        "html-after-the-pdf",
        "javascript-open-action",
        "javascript-name-tree",
        "javascript-hex-escaped-names",
        "xfa-form",
        "launch-action",
        "embedded-file",
    ],
)
def test_bad_document_is_a_form_error_and_nothing_is_stored(
    staff_client, media_root, name, content, expected_error
):
    agreement = make_agreement()

    response = upload(staff_client, agreement, SimpleUploadedFile(name, content))

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["document"]
    assert len(errors) == 1
    assert expected_error in errors[0]
    assert stored_files(media_root) == []
    agreement.refresh_from_db()
    assert not agreement.document


def test_pdf_with_a_plain_open_action_and_link_is_accepted(staff_client, media_root):
    agreement = make_agreement()
    pdf = make_pdf(
        "/OpenAction [3 0 R /Fit] /Outlines 4 0 R",
        ["<< /Type /Outlines /Count 0 >>"],
    )

    response = upload(staff_client, agreement, SimpleUploadedFile("signed.pdf", pdf))

    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.document.read() == pdf


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_pdf_protected_by_a_password_is_refused(staff_client, media_root, algorithm):
    agreement = make_agreement()
    pdf = encrypted_pdf("secret", algorithm)

    response = upload(staff_client, agreement, SimpleUploadedFile("signed.pdf", pdf))

    assert response.context["adminform"].form.errors["document"] == [
        "The PDF is protected by a password. Upload a copy without a password."
    ]
    assert stored_files(media_root) == []


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_pdf_with_owner_restrictions_only_is_checked_and_accepted(
    staff_client, media_root, algorithm
):
    agreement = make_agreement()
    pdf = encrypted_pdf("", algorithm)

    response = upload(staff_client, agreement, SimpleUploadedFile("signed.pdf", pdf))

    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.document.read() == pdf


def test_pdf_is_stored_under_a_name_nobody_can_guess(staff_client, media_root):
    agreement = make_agreement()

    response = upload(staff_client, agreement, SimpleUploadedFile("mou-guangzhou-secret.pdf", PDF))

    assert response.status_code == 302
    agreement.refresh_from_db()
    files = stored_files(media_root)
    assert files == [agreement.document.name]
    assert files[0].startswith("agreements/")
    assert "mou" not in files[0]
    assert len(files[0]) >= len("agreements/") + 24


def test_document_is_served_as_pdf_attachment(client, media_root):
    agreement = make_agreement()
    agreement.document.save("any.pdf", SimpleUploadedFile("any.pdf", PDF))

    response = client.get(agreement.get_document_url("fa"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == (
        f'attachment; filename="gorgan-{agreement.partner_city.slug}-sister-city-agreement.pdf"'
    )
    assert b"".join(response.streaming_content) == PDF


def test_document_of_agreement_under_negotiation_is_not_found(client, media_root):
    agreement = make_agreement(status=Agreement.Status.UNDER_NEGOTIATION)
    agreement.document.save("any.pdf", SimpleUploadedFile("any.pdf", PDF))

    assert client.get(agreement.get_document_url("en")).status_code == 404


def test_agreement_without_document_has_no_download(client):
    agreement = make_agreement()

    page = client.get(agreement.get_absolute_url("en")).content.decode()

    assert client.get(agreement.get_document_url("en")).status_code == 404
    assert "agreement__document" not in page


def test_agreement_page_links_to_the_download(client, media_root):
    agreement = make_agreement()
    agreement.document.save("any.pdf", SimpleUploadedFile("any.pdf", PDF))

    page = client.get(agreement.get_absolute_url("en")).content.decode()

    assert (
        f'<a class="agreement__document" href="{agreement.get_document_url("en")}" '
        'type="application/pdf">Download the signed document (PDF)</a>'
    ) in page


def test_replacing_the_document_removes_the_old_file(
    staff_client, media_root, django_capture_on_commit_callbacks
):
    agreement = make_agreement()
    agreement.document.save("first.pdf", SimpleUploadedFile("first.pdf", PDF))

    with django_capture_on_commit_callbacks(execute=True):
        upload(staff_client, agreement, SimpleUploadedFile("second.pdf", PDF + b"\n"))

    agreement.refresh_from_db()
    assert stored_files(media_root) == [agreement.document.name]


def test_deleting_the_agreement_removes_its_document(
    media_root, django_capture_on_commit_callbacks
):
    agreement = make_agreement()
    agreement.document.save("first.pdf", SimpleUploadedFile("first.pdf", PDF))

    with django_capture_on_commit_callbacks(execute=True):
        Agreement.objects.filter(pk=agreement.pk).delete()

    assert stored_files(media_root) == []


def test_admin_links_the_document_to_its_download_route(staff_client, media_root):
    agreement = make_agreement()
    agreement.document.save("any.pdf", SimpleUploadedFile("any.pdf", PDF))

    page = staff_client.get(f"/admin/sistercities/agreement/{agreement.pk}/change/?language=fa")

    html = page.content.decode()
    assert f'href="{agreement.get_document_url("en")}"' in html
    assert "/media/agreements/" not in html


@pytest.mark.parametrize(
    ("status", "public"),
    [(Agreement.Status.ACTIVE, True), (Agreement.Status.UNDER_NEGOTIATION, False)],
)
def test_staff_download_the_document_from_the_public_route(
    staff_client, media_root, status, public
):
    agreement = make_agreement(status=status)
    agreement.document.save("any.pdf", SimpleUploadedFile("any.pdf", PDF))

    response = staff_client.get(agreement.document.url)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment; ")
    assert b"".join(response.streaming_content) == PDF
    assert ("no-store" in response.get("Cache-Control", "")) is not public
