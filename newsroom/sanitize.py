"""The allow-list for press release bodies: what the editor can produce, and nothing more."""

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "ul",
    "ol",
    "li",
    "a",
    "strong",
    "em",
    "b",
    "i",
    "blockquote",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes={"http", "https", "mailto", "tel"},
    link_rel="noopener noreferrer",
    strip_comments=True,
)


def sanitize_body(html):
    """Return ``html`` with only the allowed tags; scripts, styles and their text go entirely."""
    cleaned = _cleaner.clean(html or "").strip()
    # The editor's empty document is a single empty paragraph; store it as empty.
    return "" if cleaned in {"<p></p>", "<p><br></p>"} else cleaned
