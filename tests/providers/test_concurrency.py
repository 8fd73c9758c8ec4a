"""Two tabs, or an owner and a curator, saving the same listing: a form read
before the other save is refused with everything typed kept and the other
change shown, never silently reverting it (issue 19, item 6)."""

import re

import pytest

from providers.models import Listing
from tests.factories import DraftListingFactory, OwnedListingFactory, UserFactory
from tests.providers.test_curation import admin_form_data

pytestmark = pytest.mark.django_db


def edit_url(listing, step):
    return f"/en/provider/listings/{listing.uuid}/edit/{step}/"


def form_values(response):
    """What the page's form would post back (text inputs, textareas, hidden)."""
    form = response.context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data["version"] = re.search(r'name="version" value="(\d+)"', response.content.decode())[1]
    return {key: value for key, value in data.items() if not isinstance(value, list)}


@pytest.fixture
def owner(client):
    user = UserFactory(email="amara@example.org")
    client.force_login(user)
    return user


def test_a_stale_tab_is_refused_with_its_text_kept_and_the_other_change_shown(client, owner):
    draft = DraftListingFactory(name="Amara Okafor", phone="415-555-0100", owners=[owner])
    first = form_values(client.get(edit_url(draft, "contact")))
    second = dict(first)

    first["phone"] = "415-555-0111"
    assert client.post(edit_url(draft, "contact"), {**first, "then": "stay"}).status_code == 302

    second["phone"] = "415-555-0222"
    second["email"] = "typed-in-the-second-tab@example.org"
    response = client.post(edit_url(draft, "contact"), {**second, "then": "stay"})

    draft.refresh_from_db()
    assert draft.phone == "415-555-0111"  # the first tab's save stands
    page = response.content.decode()
    assert response.status_code == 200
    assert "saved by someone else (or in another tab)" in page
    assert 'value="415-555-0222"' in page  # nothing typed is lost
    assert 'value="typed-in-the-second-tab@example.org"' in page
    assert "Saved meanwhile:" in page and "415-555-0111" in page

    # Saving again, having seen the other change, replaces it knowingly.
    again = form_values(response)
    assert client.post(edit_url(draft, "contact"), {**again, "then": "stay"}).status_code == 302
    draft.refresh_from_db()
    assert draft.phone == "415-555-0222"


def test_every_step_s_save_makes_older_forms_stale(client, owner):
    draft = DraftListingFactory(name="Amara Okafor", owners=[owner])
    version = Listing.objects.get(pk=draft.pk).version
    response = client.get(edit_url(draft, "languages"))
    assert f'name="version" value="{version}"' in response.content.decode()
    client.post(edit_url(draft, "languages"), {"speaks": [], "interpreter": [], "version": version})
    assert Listing.objects.get(pk=draft.pk).version == version + 1
    stale = client.post(
        edit_url(draft, "languages"), {"speaks": [], "interpreter": [], "version": version}
    )
    assert stale.status_code == 200 and "saved by someone else" in stale.content.decode()


def test_a_published_listing_s_pending_change_is_versioned_too(client, owner):
    published = OwnedListingFactory(name="Amara Okafor", phone="415-555-0100", owners=[owner])
    first = form_values(client.get(edit_url(published, "contact")))
    second = dict(first)
    client.post(edit_url(published, "contact"), {**first, "phone": "415-555-0111"})
    response = client.post(edit_url(published, "contact"), {**second, "phone": "415-555-0222"})
    assert "saved by someone else" in response.content.decode()
    assert published.pending_changes.get().phone == "415-555-0111"


def test_a_curator_s_stale_admin_form_is_refused_with_the_other_change_shown(as_curator):
    listing = OwnedListingFactory(name="Amara Okafor", phone="415-555-0100")
    url = f"/admin/providers/listing/{listing.pk}/change/"
    first = admin_form_data(as_curator, url)
    second = dict(first)

    first["phone"] = "415-555-0111"
    assert as_curator.post(url, first).status_code == 302

    second["email"] = "fixed-by-the-second-curator@example.org"
    response = as_curator.post(url, second)
    listing.refresh_from_db()
    assert listing.phone == "415-555-0111"
    assert listing.email != "fixed-by-the-second-curator@example.org"
    page = response.content.decode()
    assert response.status_code == 200
    assert "saved by someone else" in page and "415-555-0111" in page
    assert 'value="fixed-by-the-second-curator@example.org"' in page

    # The page now carries the version saved, so saving it again is a choice.
    stored = Listing.objects.get(pk=listing.pk).version
    assert f'name="seen_version" value="{stored}"' in page
