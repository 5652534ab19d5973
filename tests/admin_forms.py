"""Post an admin change form back as a browser would, from the page the admin rendered."""

import datetime

from django import forms


def _values(form):
    """``{html name: value}`` for a form as rendered (files are left out: nothing uploaded)."""
    data = {}
    for name, field in form.fields.items():
        bound = form[name]
        value = bound.value()
        widget = field.widget
        if isinstance(field, forms.FileField):
            continue
        if isinstance(widget, forms.MultiWidget):
            for index, part in enumerate(widget.decompress(value)):
                data[f"{bound.html_name}_{index}"] = _text(part)
        elif isinstance(field, forms.BooleanField) and not isinstance(
            field, forms.NullBooleanField
        ):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
            data[bound.html_name] = [_text(item) for item in value or ()]
        else:
            data[bound.html_name] = _text(value)
    return data


def _text(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(getattr(value, "pk", value))


def admin_form_data(response, **overrides):
    """Everything the change form in ``response`` would post, inline rows included."""
    context = response.context
    data = _values(context["adminform"].form)
    for inline in context.get("inline_admin_formsets", []):
        formset = inline.formset
        data |= _values(formset.management_form)
        # The existing rows only; the blank extra rows are left out, as if never filled in.
        data[f"{formset.prefix}-TOTAL_FORMS"] = str(len(formset.initial_forms))
        for form in formset.initial_forms:
            data |= _values(form)
    return data | overrides
