"""RSS 2.0 and Atom feeds of the latest releases, per language and per tag."""

import copy
from urllib.parse import urlsplit

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from newsroom.metadata import content_modified
from newsroom.models import PressRelease, Tag, tagged_items_with_labels

FEED_LENGTH = 30


class LatestReleasesFeed(Feed):
    """The latest releases translated into the feed's language (the URL's prefix)."""

    def title(self):
        return _("Gorgan Municipality news")

    def description(self):
        return _("The latest press releases of Gorgan Municipality.")

    def link(self):
        return reverse("newsroom:release-list")

    def releases(self):
        # Tags with their labels and the office's name (``office_name``) come with the rows:
        # tags and offices as translated model instances cost a feed most of its time.
        return (
            PressRelease.objects.published()
            .in_language()
            .for_listing()
            .prefetch_related(tagged_items_with_labels())
        )

    def items(self):
        return self.releases().newest_first()[:FEED_LENGTH]

    def item_title(self, release):
        return escape(release.title)

    def item_description(self, release):
        # RSS <description> and Atom <summary type="html"> are read as HTML; the lead is text.
        return escape(release.lead)

    def item_link(self, release):
        return release.get_absolute_url()

    item_guid_is_permalink = False

    def item_guid(self, release):
        """A ``tag:`` URI (RFC 4151) of the release in the feed's language.

        Built from what never changes: the site's host, the day the release was created, its
        short code and the language. Each language's entry is a different entry to a reader
        that follows several feeds, and a changed slug or title is not a new entry.
        """
        host = urlsplit(self.request.build_absolute_uri("/")).hostname
        created = timezone.localtime(release.created_at).date().isoformat()
        return f"tag:{host},{created}:release/{release.short_code}/{translation.get_language()}"

    def item_pubdate(self, release):
        return release.publish_at

    def item_updateddate(self, release):
        return content_modified(release, translation.get_language())

    def item_author_name(self, release):
        return release.office_name

    def item_categories(self, release):
        return [str(tag) for tag in release.tag_list()]

    def __call__(self, request, *args, **kwargs):
        # One feed object serves every request: keep the request on a copy of it.
        feed = copy.copy(self)
        feed.request = request
        return super(LatestReleasesFeed, feed).__call__(request, *args, **kwargs)


class LatestReleasesAtomFeed(LatestReleasesFeed):
    feed_type = Atom1Feed
    subtitle = LatestReleasesFeed.description


class TagReleasesFeed(LatestReleasesFeed):
    """The latest releases with one tag."""

    def get_object(self, request, slug):
        return get_object_or_404(Tag.objects.prefetch_related("translations"), slug=slug)

    def title(self, tag):
        return _("Gorgan Municipality news: %(tag)s") % {"tag": tag}

    def link(self, tag):
        return tag.get_absolute_url()

    def items(self, tag):
        return self.releases().filter(tagged_items__tag=tag).newest_first()[:FEED_LENGTH]


class TagReleasesAtomFeed(TagReleasesFeed):
    feed_type = Atom1Feed
    subtitle = LatestReleasesFeed.description
