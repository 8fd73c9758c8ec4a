"""The contact step's phone field takes US and international numbers and says
clearly what it wants otherwise (issue 19, item 13)."""

import pytest
from django.core.exceptions import ValidationError

from providers.phones import validate_phone
from tests.factories import DraftListingFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "number",
    [
        "415-555-0100",
        "(415) 555-0100",
        "415.555.0100",
        "1-415-555-0100",
        "+1 415 555 0100",
        "+44 20 7946 0958",
        "+52 55 1234 5678",
        "415-555-0100 ext. 12",
        "(415) 555-0100 x3",
    ],
)
def test_us_and_international_numbers_are_accepted(number):
    validate_phone(number)


@pytest.mark.parametrize(
    "number",
    ["call me maybe", "555-0100", "12345", "+1", "415-555-0100-9999", "=HYPERLINK(1)", "++44 20"],
)
def test_anything_else_is_refused(number):
    with pytest.raises(ValidationError):
        validate_phone(number)


def test_the_contact_step_explains_what_it_wants(client):
    owner = UserFactory()
    draft = DraftListingFactory(owners=[owner], phone="")
    client.force_login(owner)
    url = f"/en/provider/listings/{draft.uuid}/edit/contact/"
    response = client.post(url, {"phone": "call me maybe", "then": "stay"})
    assert response.status_code == 200
    assert "Enter a phone number such as (415) 555-0100" in response.content.decode()
    assert 'value="call me maybe"' in response.content.decode()
    draft.refresh_from_db()
    assert draft.phone == ""

    client.post(url, {"phone": "+44 20 7946 0958", "then": "stay"})
    draft.refresh_from_db()
    assert draft.phone == "+44 20 7946 0958"
