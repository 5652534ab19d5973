"""Signed agreement documents: PDF only, recognised by content, stored under a random name.

Validation runs as a model field validator, so the admin form reports a bad upload as a form
error before the storage backend writes anything.
"""

import re
import secrets

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
# A PDF starts with "%PDF-1.x" (or 2.0); PDF readers accept the trailer's "%%EOF" anywhere in
# the last kilobyte, so both ends are read, never the whole file.
PDF_HEADER = re.compile(rb"^%PDF-[12]\.\d")
PDF_TRAILER = b"%%EOF"
TAIL_BYTES = 1024


def document_upload_to(instance, filename):
    """A name nobody can guess from the agreement or the uploaded file's name."""
    return f"agreements/{secrets.token_urlsafe(18)}.pdf"


def _read_ends(file):
    file.seek(0)
    head = file.read(16)
    file.seek(max(file.size - TAIL_BYTES, 0))
    tail = file.read(TAIL_BYTES)
    file.seek(0)
    return head, tail


def validate_pdf_document(value):
    """Accept a PDF of at most 20 MB, judged by its bytes rather than by its name.

    An already stored document is not read again: it was checked when it was uploaded.
    """
    if getattr(value, "_committed", False):
        return
    size = value.size
    if not size:
        raise ValidationError(_("The document is empty."), code="empty")
    if size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("The document is %(size)s; the largest accepted is %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(MAX_DOCUMENT_BYTES)},
        )
    head, tail = _read_ends(value)
    if not PDF_HEADER.match(head):
        raise ValidationError(
            _("The document must be a PDF file; this file is not a PDF."), code="not_pdf"
        )
    if PDF_TRAILER not in tail:
        raise ValidationError(
            _("The PDF file is incomplete or damaged (its end is missing). Upload it again."),
            code="truncated",
        )
