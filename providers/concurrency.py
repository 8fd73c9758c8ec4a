"""Optimistic concurrency: a form saved from a stale page never silently reverts
a newer save.

Every listing row has a `version`. A form carries the version it was read at
(the editor's hidden `version` input, the admin's `seen_version`); saving checks
it against the stored one with the row locked, and bumps it. A stale form is
refused: the page shows it again with everything typed, and lists what was saved
meanwhile, so the person can keep either or merge the two by hand.

A form that posts no version at all (a script written before versions) is not
checked; the editor and the admin always send one.
"""

from typing import Any

from django import forms
from django.db.models import F
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from providers.models import Listing

STALE_MESSAGE = _(
    "This was saved by someone else (or in another tab) after you opened it. "
    "Nothing is saved yet: what you typed is kept below, and what is saved now is "
    "listed. Save again to replace it with yours."
)


class Stale(Exception):
    """The form was read at an older version than the one stored."""

    def __init__(self, stored: int) -> None:
        super().__init__(f"stale: now at version {stored}")
        self.stored = stored


def claim(listing: Listing, posted: str | int | None) -> None:
    """Inside a transaction: lock the listing's row until it commits, and raise Stale
    if `posted` (the version the form was read at) is not the stored version."""
    stored = (
        Listing.objects.select_for_update()
        .filter(pk=listing.pk)
        .values_list("version", flat=True)
        .first()
    )
    if stored is None or posted is None or posted == "":
        return
    if str(posted).strip() != str(stored):
        raise Stale(stored)


def bump(listing: Listing) -> None:
    """Mark the listing as changed: every form read before now is stale."""
    Listing.objects.filter(pk=listing.pk).update(version=F("version") + 1)
    listing.version = Listing.objects.values_list("version", flat=True).get(pk=listing.pk)


def _shown(field: forms.Field, value: Any) -> str:
    """A value as the person would recognise it: choices by their label."""
    values = value if isinstance(value, list | tuple) else [value]
    labels = {str(key): str(label) for key, label in getattr(field, "choices", [])}
    shown = [labels.get(str(item), str(item)) for item in values if item not in (None, "")]
    return ", ".join(shown)


def changed_meanwhile(typed: Any, stored: Any) -> list[tuple[str, str]]:
    """(label, value saved now) for each field where the saved form differs from
    what was typed. Both are forms of the same class; a formset lists nothing."""
    fields = getattr(typed, "fields", None)
    if not fields:
        return []
    differences = []
    for name, field in fields.items():
        if isinstance(field.widget, forms.HiddenInput | forms.FileInput | forms.PasswordInput):
            continue
        now = _shown(field, stored[name].value())
        if now != _shown(field, typed[name].value()):
            differences.append((str(field.label or name), now or "—"))
    return differences


class VersionedAdminForm(forms.ModelForm):
    """A curator's listing form that refuses to overwrite a newer save."""

    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["seen_version"].initial = self.instance.version

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.instance.pk:
            return data
        # The admin saves in one transaction, so the row stays locked until saved.
        try:
            claim(self.instance, data.get("seen_version"))
        except Stale as stale:
            stored = Listing.objects.get(pk=self.instance.pk)
            differences = changed_meanwhile(self, type(self)(instance=stored))
            # Posting this form again replaces the other change knowingly.
            data_now = QueryDict(mutable=True)
            data_now.update(self.data)  # type: ignore[arg-type]
            data_now[self.add_prefix("seen_version")] = str(stale.stored)
            self.data = data_now
            listed = "; ".join(f"{label}: {value}" for label, value in differences)
            raise forms.ValidationError(
                "%(message)s %(listed)s", params={"message": STALE_MESSAGE, "listed": listed}
            ) from stale
        return data
