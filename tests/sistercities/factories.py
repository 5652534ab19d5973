"""Factories for partner cities, agreements, commitments and updates."""

import datetime
import itertools

from sistercities.models import Agreement, Commitment, CommitmentUpdate, PartnerCity

_counter = itertools.count(1)


def _translate(obj, translations):
    for language, fields in translations.items():
        obj.set_current_language(language)
        for name, value in fields.items():
            setattr(obj, name, value)
    obj.set_current_language("fa")


def make_partner_city(slug=None, country="CN", **fields):
    number = next(_counter)
    city = PartnerCity(slug=slug or f"city-{number}", country=country, **fields)
    _translate(
        city,
        {
            "fa": {"name": f"شهر {number}", "region": "استان نمونه"},
            "en": {"name": f"City {number}", "region": "Sample Province"},
            "zh-hans": {"name": f"城市{number}", "region": "示例省"},
        },
    )
    city.save()
    return city


def make_agreement(
    partner_city=None,
    status=Agreement.Status.ACTIVE,
    kind=Agreement.Kind.SISTER_CITY,
    languages=("fa", "en", "zh-hans"),
    slugs=None,
    signed_on=datetime.date(2018, 7, 1),
    signed_on_precision=Agreement.DatePrecision.YEAR,
    **fields,
):
    """An agreement translated into ``languages``; ``slugs`` maps a language to its slug."""
    number = next(_counter)
    agreement = Agreement(
        partner_city=partner_city or make_partner_city(),
        status=status,
        kind=kind,
        signed_on=signed_on,
        signed_on_precision=signed_on_precision,
        **fields,
    )
    titles = {
        "fa": f"تفاهم‌نامه شماره {number}",
        "en": f"Agreement {number}",
        "zh-hans": f"协议{number}",
    }
    _translate(
        agreement,
        {
            language: {
                "title": titles[language],
                "slug": (slugs or {}).get(language, f"agreement-{number}-{language}"),
                "summary": f"{titles[language]} summary",
                "signatories": f"{titles[language]} signatories",
            }
            for language in languages
        },
    )
    agreement.save()
    return agreement


def make_commitment(
    agreement,
    sector=Commitment.Sector.CULTURE,
    status=Commitment.Status.PROPOSED,
    target_date=None,
    **fields,
):
    number = next(_counter)
    commitment = Commitment(
        agreement=agreement, sector=sector, status=status, target_date=target_date, **fields
    )
    _translate(
        commitment,
        {
            "fa": {"title": f"تعهد شماره {number}", "responsible_body": "شهرداری گرگان"},
            "en": {"title": f"Commitment {number}", "responsible_body": "Gorgan Municipality"},
            "zh-hans": {"title": f"承诺{number}", "responsible_body": "戈尔甘市政府"},
        },
    )
    commitment.save()
    return commitment


def make_update(commitment, status, date=None, note=None):
    update = CommitmentUpdate(
        commitment=commitment, status=status, date=date or datetime.date(2026, 11, 1)
    )
    _translate(update, {"fa": {"note": note or "گزارش پیشرفت"}, "en": {"note": "Progress note"}})
    update.save()
    return update


def make_commitments(agreement, count, **fields):
    sectors = list(Commitment.Sector)
    return [
        make_commitment(agreement, sector=sectors[index % len(sectors)], order=index, **fields)
        for index in range(count)
    ]


def set_text(obj, language, **fields):
    """Give ``obj`` (an agreement, commitment or city) these texts in ``language`` and save."""
    obj.set_current_language(language)
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.save()
    obj.set_current_language("fa")
    return obj


def make_pdf(catalog="", objects=(), header=b"%PDF-1.7\n"):
    """A small well-formed PDF: one blank A4 page, ``catalog`` entries added to its catalog and
    ``objects`` numbered from 4 (each the text between ``obj`` and ``endobj``)."""
    bodies = [
        f"<< /Type /Catalog /Pages 2 0 R {catalog} >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        *objects,
    ]
    pdf, offsets = bytearray(header), []
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(pdf))
        pdf += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(pdf)
    pdf += f"xref\n0 {len(bodies) + 1}\n0000000000 65535 f \n".encode()
    pdf += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    pdf += f"trailer\n<< /Size {len(bodies) + 1} /Root 1 0 R >>\n".encode()
    pdf += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(pdf)
