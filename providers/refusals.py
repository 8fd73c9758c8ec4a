"""Why an import refused a row, in words a person can act on: the field rules'
messages named by the file's column, and the database's refusals in the words of
the constraint that refused."""

from collections.abc import Mapping

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.utils.translation import gettext as _

from providers.models import Listing, ListingLanguage, Location, ServiceArea


def refusal(error: DatabaseError) -> ValidationError:
    """The database's refusal in the words of the constraint that refused, if known."""
    text = str(error)
    for model in (Listing, Location, ListingLanguage, ServiceArea):
        for constraint in model._meta.constraints:
            if constraint.name in text:
                return ValidationError(constraint.get_violation_error_message())
    return ValidationError(
        _("the database refused it (%(error)s)") % {"error": text.splitlines()[0] if text else ""}
    )


def validation_messages(error: ValidationError, columns: Mapping[str, str]) -> list[str]:
    """A refusal's messages, each named by the column (or field) it is about."""
    if not hasattr(error, "error_dict"):
        return [str(message) for message in error.messages]
    messages = []
    for name, field_errors in error.message_dict.items():
        column = columns.get(name, name)
        if name.startswith("about_"):
            column = "about" if name == f"about_{settings.LANGUAGE_CODE}" else name
        for message in field_errors:
            if name == "__all__":
                messages.append(message)
            else:
                messages.append(
                    _("%(column)s: %(message)s") % {"column": column, "message": message}
                )
    return messages
