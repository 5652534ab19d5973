"""Figures for translators: interface strings translated, content missing or outdated.

Interface strings are counted in the ``django.po`` catalogs under ``LOCALE_PATHS``: every
message any language's catalog knows (obsolete ones aside) is one string, and a language
counts it as translated when its catalog has a translation that is not marked fuzzy.
Content is counted over the models in the translation registry.
"""

from dataclasses import dataclass, field
from pathlib import Path

import polib
from django.conf import settings
from django.utils import translation

from gorgan.kit import translation_tracking as tracking
from gorgan.kit.translation_registry import registered_content

CATALOG_DOMAINS = ("django", "djangojs")


def percent(part, whole):
    return 100.0 if whole == 0 else 100.0 * part / whole


def catalog_paths(language_code):
    locale = translation.to_locale(language_code)
    for locale_path in settings.LOCALE_PATHS:
        for domain in CATALOG_DOMAINS:
            path = Path(locale_path) / locale / "LC_MESSAGES" / f"{domain}.po"
            if path.exists():
                yield path


def message_key(entry):
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def catalog_messages(language_code):
    """``{message key: translated?}`` over the language's catalogs."""
    messages = {}
    for path in catalog_paths(language_code):
        for entry in polib.pofile(str(path)):
            if not entry.obsolete:
                messages[message_key(entry)] = entry.translated()
    return messages


@dataclass
class ContentFigures:
    key: str
    label: str
    total: int
    missing: list = field(default_factory=list)
    outdated: list = field(default_factory=list)

    @property
    def current(self):
        return self.total - len(self.missing) - len(self.outdated)


@dataclass
class LanguageFigures:
    code: str
    name: str
    is_source: bool
    strings_total: int
    strings_translated: int
    content: list

    @property
    def interface_percent(self):
        return percent(self.strings_translated, self.strings_total)

    @property
    def content_total(self):
        return sum(item.total for item in self.content)

    @property
    def content_current(self):
        return sum(item.current for item in self.content)

    @property
    def content_percent(self):
        return percent(self.content_current, self.content_total)

    def as_dict(self):
        return {
            "code": self.code,
            "name": self.name,
            "source": self.is_source,
            "interface": {
                "total": self.strings_total,
                "translated": self.strings_translated,
                "percent": round(self.interface_percent, 1),
            },
            "content": {
                "total": self.content_total,
                "current": self.content_current,
                "percent": round(self.content_percent, 1),
                "models": [
                    {
                        "model": item.key,
                        "label": item.label,
                        "total": item.total,
                        "missing": item.missing,
                        "outdated": item.outdated,
                    }
                    for item in self.content
                ],
            },
        }


def content_figures(language_code):
    figures = []
    for content in registered_content():
        objects = content.model._default_manager.order_by("pk")
        with translation.override("en"):
            label = str(content.verbose_label)
        figures.append(
            ContentFigures(
                key=content.key,
                label=label,
                total=objects.count(),
                missing=list(
                    tracking.missing_in(objects, language_code).values_list("pk", flat=True)
                ),
                outdated=list(
                    tracking.outdated_in(objects, language_code).values_list("pk", flat=True)
                ),
            )
        )
    return figures


def build_report(language_codes=None):
    """One :class:`LanguageFigures` per language (all the site's languages by default)."""
    all_codes = [code for code, _name in settings.LANGUAGES]
    language_codes = language_codes or all_codes
    catalogs = {code: catalog_messages(code) for code in all_codes}
    every_message = set().union(*(messages.keys() for messages in catalogs.values()))
    report = []
    for code in language_codes:
        messages = catalogs[code]
        report.append(
            LanguageFigures(
                code=code,
                name=translation.get_language_info(code)["name"],
                is_source=code == tracking.SOURCE_LANGUAGE,
                strings_total=len(every_message),
                strings_translated=sum(1 for key in every_message if messages.get(key)),
                content=content_figures(code),
            )
        )
    return report
