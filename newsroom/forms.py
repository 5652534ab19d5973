import re

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from gorgan.kit.dates import localize_digits

from . import antispam
from .models import Comment, PressRelease, Section, Tag, TaggedRelease

HONEYPOT_FIELD = "website"

# Removed from names and comments: control characters other than line breaks and tabs (a NUL
# is refused earlier, by the form field), and the direction embeddings, overrides and isolates
# (U+202A–U+202E, U+2066–U+2069). No keyboard types those; the page sets each comment's
# direction itself, and an unpaired override shows a name or a comment as other text. The
# marks Persian typing uses (ZWNJ, RLM, LRM) stay.
INVISIBLE_CONTROLS = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def without_controls(text):
    return INVISIBLE_CONTROLS.sub("", text).strip()


class CommentForm(forms.ModelForm):
    """A reader's comment. ``token`` and the honeypot are rendered by the template itself."""

    token = forms.CharField(required=False, widget=forms.HiddenInput)
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    class Meta:
        model = Comment
        fields = ["name", "email", "body"]
        labels = {"email": _("Email (optional)")}
        help_texts = {
            "email": _("Never shown on the site."),
            "body": _("At most 2,000 characters. Comments appear after moderation."),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
            "body": forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
        }

    def __init__(self, *args, release, **kwargs):
        kwargs.setdefault("auto_id", "comment-%s")
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.release = release

    def clean_name(self):
        name = self.required_text("name")
        if antispam.count_links(name):
            raise forms.ValidationError(_("A name cannot contain a web address."))
        return name

    def clean_body(self):
        body = self.required_text("body")
        links = antispam.count_links(body)
        if links > antispam.MAX_LINKS:
            raise forms.ValidationError(
                ngettext(
                    "Please include at most %(max)s link.",
                    "Please include at most %(max)s links.",
                    antispam.MAX_LINKS,
                )
                % {"max": localize_digits(antispam.MAX_LINKS)}
            )
        return body

    def required_text(self, name):
        """The field's text without invisible controls; nothing left is an empty field."""
        text = without_controls(self.cleaned_data[name])
        if not text:
            raise forms.ValidationError(self.fields[name].error_messages["required"], "required")
        return text

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT_FIELD):
            raise forms.ValidationError(_("Your comment could not be accepted."), code="honeypot")
        if not antispam.form_token_is_valid(cleaned.get("token"), self.release):
            raise forms.ValidationError(
                _("This form had expired. Please check your comment and send it again."),
                code="token",
            )
        return cleaned


class SubscriptionChoiceForm(forms.Form):
    """What a subscriber receives: all news, or the chosen sections and tags."""

    ALL, CHOSEN = "all", "chosen"

    scope = forms.ChoiceField(
        label=_("What would you like to receive?"),
        choices=[(ALL, _("All news")), (CHOSEN, _("Only the sections and tags I choose"))],
        initial=ALL,
        widget=forms.RadioSelect,
    )
    sections = forms.ModelMultipleChoiceField(
        label=_("Sections"),
        queryset=Section.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    tags = forms.ModelMultipleChoiceField(
        label=_("Tags"),
        queryset=Tag.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sections"].queryset = Section.objects.prefetch_related("translations")
        # The tags of public releases: a tag only on drafts would announce unpublished work.
        public_tags = TaggedRelease.objects.filter(
            content_object__in=PressRelease.objects.published()
        ).values("tag_id")
        self.fields["tags"].queryset = Tag.objects.filter(pk__in=public_tags).prefetch_related(
            "translations"
        )

    def clean(self):
        cleaned = super().clean()
        chosen = cleaned.get("sections") or cleaned.get("tags")
        if cleaned.get("scope") == self.CHOSEN and not chosen:
            raise forms.ValidationError(_("Choose at least one section or tag, or all news."))
        return cleaned

    @property
    def all_news(self):
        return self.cleaned_data["scope"] == self.ALL


class SubscribeForm(SubscriptionChoiceForm):
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    field_order = ["email", "scope", "sections", "tags"]
