"""A new provider in a real browser: sign up, verify, build a listing with two places
and a translated text, preview it and submit it for review."""

import re

from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from playwright.sync_api import expect

from providers.models import Listing

PASSWORD = "a long and private passphrase"


def assert_accessible(page):
    results = Axe().run(page)
    assert results.violations_count == 0, f"{page.url}:\n{results.generate_report()}"


def save_and_continue(page):
    page.get_by_role("button", name="Save and continue").click()


def test_a_provider_goes_from_sign_up_to_a_submitted_listing(page, live_server):
    base = live_server.url

    page.goto(f"{base}/en/provider/signup/")
    assert_accessible(page)
    page.get_by_label("Email address").fill("amara@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password again").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()

    link = re.search(r"https?://\S+/provider/verify/\S+", mail.outbox[-1].body).group(0)
    page.goto(link)
    expect(page.get_by_text("your email address is verified")).to_be_visible()
    # Signed in by the link: no second sign-in.
    expect(page.get_by_role("heading", name="Your listings")).to_be_visible()
    page.get_by_role("link", name="Create your listing").click()
    page.get_by_label("Name", exact=True).fill("Amara Okafor")
    page.get_by_label("Clinician").check()
    page.get_by_label("Pronouns").fill("she/her")
    page.get_by_label("About the care you offer").fill("I work with Black families and couples.")
    save_and_continue(page)

    expect(page.get_by_role("heading", name="Contact")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Phone").fill("415-555-0100")
    save_and_continue(page)

    page.get_by_role("link", name="Places").click()
    page.get_by_label("Street address").fill("2940 16th St")
    page.get_by_label("ZIP code").fill("94103")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved.")).to_be_visible()
    new_place = page.locator("fieldset.place").last
    new_place.get_by_label("ZIP code").fill("94612")
    new_place.get_by_label("Wheelchair accessible").check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("group", name="Place 2")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Availability").click()
    page.get_by_label("I meet people in person").check()
    save_and_continue(page)

    expect(page.get_by_role("heading", name="Translations")).to_be_visible()
    page.get_by_role("group", name="Spanish").get_by_label("About").fill(
        "Trabajo con familias y parejas negras."
    )
    page.get_by_role("button", name="Save", exact=True).click()

    page.get_by_role("link", name="Preview and submit").click()
    expect(page.get_by_role("heading", name="Amara Okafor")).to_be_visible()
    expect(page.get_by_text("I work with Black families and couples.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Submit for review").click()

    expect(page.get_by_text("Submitted: waiting for review")).to_be_visible()
    assert_accessible(page)
    listing = Listing.objects.get()
    assert listing.status == Listing.Status.SUBMITTED
    assert listing.about_es == "Trabajo con familias y parejas negras."
    assert sorted(listing.locations.values_list("city", flat=True)) == ["Oakland", "San Francisco"]
    assert not Listing.objects.searchable().exists()
