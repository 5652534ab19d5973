"""The shapes of the sister cities' API answers (``sistercities/api.py`` builds the data)."""

from rest_framework import serializers

from gorgan.kit.api import CodeLabelSerializer, TranslationStatusSerializer


class AgreementSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    api_url = serializers.URLField()


class CountrySerializer(serializers.Serializer):
    code = serializers.CharField(help_text="ISO 3166-1 alpha-2.")
    name = serializers.CharField()


class PartnerCitySerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    region = serializers.CharField(allow_blank=True)
    description = serializers.CharField(allow_blank=True)
    language = serializers.CharField(help_text="The language of the texts.")
    is_fallback = serializers.BooleanField(
        help_text="True when the city has no translation into the requested language."
    )
    country = CountrySerializer()
    website = serializers.URLField(allow_null=True, help_text="Official website, or null.")
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    url = serializers.URLField(help_text="The city on the site's sister-cities page.")
    api_url = serializers.URLField()
    agreements = AgreementSummarySerializer(many=True, help_text="Its public agreements.")
    translations = TranslationStatusSerializer(many=True)


class PartnerCitySummarySerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    api_url = serializers.URLField()


class ProgressSerializer(serializers.Serializer):
    total = serializers.IntegerField(help_text="Public commitments.")
    completed = serializers.IntegerField()
    percent = serializers.IntegerField()


class AgreementSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField(help_text="Of the page in this language.")
    title = serializers.CharField()
    summary = serializers.CharField(allow_blank=True)
    signed_at_place = serializers.CharField(allow_blank=True)
    signatories = serializers.CharField(allow_blank=True)
    counterpart_bodies = serializers.CharField(allow_blank=True)
    language = serializers.CharField(help_text="The language of the texts.")
    is_fallback = serializers.BooleanField(
        help_text="True when the agreement has no translation into the requested language."
    )
    kind = CodeLabelSerializer()
    status = CodeLabelSerializer()
    signed_on = serializers.CharField(
        allow_null=True,
        help_text="As precisely as known: YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601).",
    )
    signed_on_solar_hijri = serializers.CharField(
        allow_null=True, help_text="The same in the Solar Hijri calendar, Latin digits."
    )
    signed_on_precision = serializers.ChoiceField(choices=["day", "month", "year"])
    updated_at = serializers.DateTimeField()
    partner_city = PartnerCitySummarySerializer()
    progress = ProgressSerializer()
    url = serializers.URLField(help_text="The agreement's tracker page on the site.")
    api_url = serializers.URLField()
    document_url = serializers.URLField(
        allow_null=True, help_text="The signed document (PDF), or null."
    )
    commitments_url = serializers.URLField()
    releases_url = serializers.URLField(help_text="Its related press releases in this API.")
    tracker_csv_url = serializers.URLField(help_text="Open data: the tracker as CSV.")
    tracker_json_url = serializers.URLField(help_text="Open data: the tracker as JSON.")
    translations = TranslationStatusSerializer(many=True)


class CommitmentUpdateSerializer(serializers.Serializer):
    date = serializers.DateField(help_text="ISO 8601 (Gregorian).")
    date_solar_hijri = serializers.CharField(help_text="YYYY-MM-DD, Latin digits.")
    status = CodeLabelSerializer(help_text="The commitment's status after this update.")
    note = serializers.CharField(allow_blank=True)
    note_language = serializers.CharField(help_text="The language `note` is in.")


class CommitmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    agreement = AgreementSummarySerializer()
    order = serializers.IntegerField(help_text="The editors' order within the agreement.")
    title = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    responsible_body = serializers.CharField(allow_blank=True)
    language = serializers.CharField(help_text="The language of the texts.")
    is_fallback = serializers.BooleanField()
    sector = CodeLabelSerializer()
    status = CodeLabelSerializer()
    target_date = serializers.DateField(allow_null=True)
    target_date_solar_hijri = serializers.CharField(allow_null=True)
    is_overdue = serializers.BooleanField(
        help_text="Past its target date and neither completed nor dropped."
    )
    api_url = serializers.URLField()
    updates = CommitmentUpdateSerializer(many=True, help_text="Its progress, newest first.")
    translations = TranslationStatusSerializer(many=True)


class TrackerRecordSerializer(serializers.Serializer):
    """One commitment in the open-data tracker (the CSV's columns, in the same order)."""

    agreement_id = serializers.IntegerField()
    agreement_title = serializers.CharField()
    partner_city = serializers.CharField()
    commitment_id = serializers.IntegerField()
    order = serializers.IntegerField()
    sector = serializers.CharField(help_text="Code, the same in every language.")
    sector_label = serializers.CharField()
    title = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    responsible_body = serializers.CharField(allow_blank=True)
    status = serializers.CharField(help_text="Code, the same in every language.")
    status_label = serializers.CharField()
    target_date = serializers.DateField(allow_null=True)
    target_date_solar_hijri = serializers.CharField(allow_null=True)
    overdue = serializers.BooleanField()
    last_update_date = serializers.DateField(allow_null=True)
    last_update_date_solar_hijri = serializers.CharField(allow_null=True)
    last_update_status = serializers.CharField(allow_null=True)
    last_update_status_label = serializers.CharField(allow_null=True)
    last_update_note = serializers.CharField(allow_null=True, allow_blank=True)
    text_language = serializers.CharField(help_text="Persian where not translated.")


class TrackerSerializer(serializers.Serializer):
    schema_version = serializers.IntegerField(help_text="1; a new version changes the address.")
    language = serializers.CharField()
    agreement = AgreementSummarySerializer()
    commitments = TrackerRecordSerializer(many=True)
