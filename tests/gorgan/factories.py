"""Releases with the exact text a search test needs."""

from tests.factories import make_release


def make_release_with_text(texts, **kwargs):
    """A release whose translations carry ``texts``: ``{language: (title, lead, body)}``."""
    release = make_release(languages=tuple(texts), **kwargs)
    for language, (title, lead, body) in texts.items():
        release.set_current_language(language)
        release.title = title
        release.lead = lead
        release.body = body
    release.save_translations()
    return release
