"""Signed agreement documents: PDF only, recognised by content, stored under a random name.

Validation runs as a model field validator, so the admin form reports a bad upload as a form
error before the storage backend writes anything. Beyond its first and last bytes, the file is
parsed (pypdf) and refused when it carries active content a reader's PDF viewer could run or
open (JavaScript, launch actions, attached files, XFA forms), or web-page markup that would
make it an HTML/PDF polyglot.
"""

import re
import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.fields.files import FieldFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.errors import DependencyError, PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
# A PDF starts with "%PDF-1.x" (or 2.0); PDF readers accept the trailer's "%%EOF" anywhere in
# the last kilobyte, so both ends are read, never the whole file.
PDF_HEADER = re.compile(rb"^%PDF-[12]\.\d")
PDF_TRAILER = b"%%EOF"
TAIL_BYTES = 1024
# Markup a browser would take for a web page. Long enough (5+ bytes) not to turn up by chance
# in 20 MB of compressed image data.
HTML_MARKUP = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|script|iframe|svg|object|embed)[\s/>]", re.IGNORECASE
)
# A document with more objects than this is not a scanned agreement; refusing it bounds the
# work one upload can cause.
MAX_PDF_OBJECTS = 100_000

ACTIVE_CONTENT_ERRORS = {
    "javascript": _(
        "The PDF contains JavaScript, which could run in readers' PDF viewers. Export or print "
        "it again as a plain PDF (for example PDF/A) and upload that."
    ),
    "launch": _(
        "The PDF contains an action that opens other files or programs. Export or print it "
        "again as a plain PDF (for example PDF/A) and upload that."
    ),
    "embedded_file": _(
        "The PDF contains attached files. Remove the attachments, or print it again as a plain "
        "PDF, and upload that."
    ),
}


def document_upload_to(instance, filename):
    """A name nobody can guess from the agreement or the uploaded file's name."""
    return f"agreements/{secrets.token_urlsafe(18)}.pdf"


class AgreementDocumentFile(FieldFile):
    """A stored document whose address is the agreement's download route, never the file's.

    The admin (its file input and read-only view) and anything else asking for ``.url``
    then reach the document the way readers do: as a download, by a route that checks who
    may see it, never as a file under MEDIA_URL that a web server would show inline.
    """

    @property
    def url(self):
        self._require_file()
        return self.instance.get_document_url()


class AgreementDocumentField(models.FileField):
    attr_class = AgreementDocumentFile

    def deconstruct(self):
        # Only the address differs at run time; the column is a plain file field.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.FileField", args, kwargs


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
    _check_content(value)


def _check_content(file):
    file.seek(0)
    if HTML_MARKUP.search(file.read()):
        raise ValidationError(
            _(
                "The document contains web-page code (HTML) besides the PDF. Upload the PDF as "
                "the scanner or word processor saved it."
            ),
            code="polyglot",
        )
    file.seek(0)
    try:
        reader = PdfReader(file, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ValidationError(
                _("The PDF is protected by a password. Upload a copy without a password."),
                code="encrypted",
            )
        found = find_active_content(reader)
    except ValidationError:
        raise
    except (
        PyPdfError,
        DependencyError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        RecursionError,
    ) as error:
        # A hostile or broken file can fail anywhere inside the parser.
        raise ValidationError(
            _(
                "The PDF file cannot be read: it is damaged or not a real PDF. Export it again "
                "and upload the new file."
            ),
            code="unreadable",
        ) from error
    finally:
        file.seek(0)
    if found:
        raise ValidationError(ACTIVE_CONTENT_ERRORS[found], code=found)


def find_active_content(reader):
    """The first kind of active content ("javascript", "launch", "embedded_file"), or None.

    Every object reachable from the trailer is visited, wherever it is stored (object streams
    included) and however its names are spelled (``/J#61vaScript`` is ``/JavaScript``).
    """
    seen, pending = set(), [reader.trailer]
    while pending:
        item = pending.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
            if len(seen) > MAX_PDF_OBJECTS:
                raise ValueError("Too many objects for a signed agreement.")
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            found = _active_kind(item)
            if found:
                return found
            pending.extend(dict.values(item))
        elif isinstance(item, ArrayObject):
            pending.extend(item)
    return None


def _name(dictionary, key):
    value = dict.get(dictionary, key)
    return value.get_object() if isinstance(value, IndirectObject) else value


def _active_kind(dictionary):
    keys = set(dict.keys(dictionary))
    action = _name(dictionary, "/S")
    if keys & {"/JS", "/JavaScript", "/XFA"} or action in {"/JavaScript", "/RichMediaExecute"}:
        return "javascript"
    if action == "/Launch":
        return "launch"
    if (
        keys & {"/EmbeddedFiles", "/EF"}
        or action == "/GoToE"
        or _name(dictionary, "/Type") == "/EmbeddedFile"
        or _name(dictionary, "/Subtype") in {"/FileAttachment", "/RichMedia"}
    ):
        return "embedded_file"
    return None
