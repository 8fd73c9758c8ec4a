"""Forms for the public pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from providers.models import Report


class ReportForm(forms.Form):
    """A seeker's report of a problem with a listing: a reason and, if they like, a note."""

    reason = forms.ChoiceField(
        label=_("What is wrong?"),
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Anything else we should know?"),
        help_text=_(
            "Please do not include your name or contact details: we do not need them to "
            "look into this."
        ),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
