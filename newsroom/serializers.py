"""The shapes of the newsroom's API answers (``newsroom/api.py`` builds the data).

The serializers only declare the shape, for the OpenAPI schema and the order of the keys; the
values come from ``newsroom.api``'s functions, which read everything from prefetched rows.
"""

from rest_framework import serializers

from gorgan.kit.api import TranslationStatusSerializer


class SectionSummarySerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField(help_text="In the requested language, else Persian.")
    api_url = serializers.URLField()
    url = serializers.URLField(help_text="The section's page on the site.")


class SectionSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    language = serializers.CharField(help_text="The language `name` is in.")
    is_fallback = serializers.BooleanField(
        help_text="True when the item has no translation into the requested language."
    )
    order = serializers.IntegerField(help_text="The editors' order of sections.")
    url = serializers.URLField()
    api_url = serializers.URLField()
    releases_url = serializers.URLField(help_text="The section's releases in this API.")
    translations = TranslationStatusSerializer(many=True)


class TagSummarySerializer(serializers.Serializer):
    slug = serializers.CharField()
    label = serializers.CharField()
    label_language = serializers.CharField(help_text="The language `label` is in.")
    api_url = serializers.URLField()
    url = serializers.URLField()


class TagSerializer(serializers.Serializer):
    slug = serializers.CharField()
    label = serializers.CharField()
    language = serializers.CharField(help_text="The language `label` is in.")
    is_fallback = serializers.BooleanField()
    url = serializers.URLField()
    api_url = serializers.URLField()
    releases_url = serializers.URLField()
    translations = TranslationStatusSerializer(many=True)


class RenditionSerializer(serializers.Serializer):
    url = serializers.URLField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    format = serializers.ChoiceField(choices=["webp", "jpeg"])


class CropSerializer(serializers.Serializer):
    name = serializers.ChoiceField(
        choices=["og", "16x9", "4x3", "1x1"], help_text="og: the 1200×630 link preview."
    )
    url = serializers.URLField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()


class ImageSerializer(serializers.Serializer):
    alt = serializers.CharField(help_text="Alternative text.")
    alt_language = serializers.CharField(help_text="The language `alt` is in.")
    caption = serializers.CharField(allow_blank=True)
    credit = serializers.CharField(allow_blank=True)
    width = serializers.IntegerField(help_text="Of the largest rendition.")
    height = serializers.IntegerField()
    renditions = RenditionSerializer(many=True, help_text="Narrowest first, WebP and JPEG.")
    crops = CropSerializer(many=True)


class ReleaseSerializer(serializers.Serializer):
    short_code = serializers.CharField(
        help_text="Permanent identifier, the same in every language."
    )
    language = serializers.CharField(help_text="The language of the texts.")
    is_fallback = serializers.BooleanField(
        help_text="True when the release is not translated into the requested language and "
        "its Persian text is given (the site then shows the Persian page with a notice)."
    )
    title = serializers.CharField()
    lead = serializers.CharField()
    url = serializers.URLField(help_text="The release's page on the site, in this language.")
    short_url = serializers.URLField(help_text="Permanent short link.")
    api_url = serializers.URLField()
    published_at = serializers.DateTimeField(help_text="ISO 8601 with the time zone offset.")
    published_on_solar_hijri = serializers.CharField(
        help_text="The publication day in the Solar Hijri calendar: YYYY-MM-DD, Latin digits."
    )
    updated_at = serializers.DateTimeField(
        help_text="When the release last changed for the public (an edit or its publication)."
    )
    section = SectionSummarySerializer()
    office = serializers.CharField(help_text="The issuing office, in this language.")
    tags = TagSummarySerializer(many=True)
    featured_image = ImageSerializer(allow_null=True)
    translations = TranslationStatusSerializer(many=True)


class ReleaseDetailSerializer(ReleaseSerializer):
    body = serializers.CharField(
        help_text="HTML: paragraphs, h2/h3, lists, links, emphasis and quotations only."
    )
    gallery = ImageSerializer(many=True)
