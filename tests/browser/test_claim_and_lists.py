"""In a real browser: claiming an imported listing by a code read over the phone,
and the editor's long lists, searchable with JavaScript and plain without it."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from playwright.sync_api import expect

from providers.claim_models import ListingClaim
from providers.models import Language
from tests.factories import DraftListingFactory, ListingFactory, UserFactory

PASSWORD = "a long and private passphrase"


def assert_accessible(page):
    results = Axe().run(page)
    assert results.violations_count == 0, f"{page.url}:\n{results.generate_report()}"


def sign_in(page, base, email):
    page.goto(f"{base}/en/provider/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Your listings")).to_be_visible()


@pytest.fixture
def page_without_javascript(browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


def test_someone_who_works_there_claims_an_imported_listing(page, live_server):
    base = live_server.url
    listing = ListingFactory(
        name="Mission Counseling Center", phone="415-555-0123", source="samhsa"
    )

    page.goto(f"{base}/en/listings/{listing.slug}/")
    page.get_by_role("link", name="Work here? Claim this listing").click()
    expect(page.get_by_role("heading", name="Claim “Mission Counseling Center”")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Create an account").click()
    page.get_by_label("Email address").fill("rosa@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password again").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()

    # The verification link signs the new account in and leads back to the claim.
    page.goto(re.search(r"https?://\S+/provider/verify/\S+", mail.outbox[-1].body).group(0))
    expect(page.get_by_label("Your role there")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Your role there").fill("Office manager")
    page.get_by_label("A code read to me at the listing's phone number").check()
    page.get_by_role("button", name="Claim this listing").click()

    expect(page.get_by_label("The code we read to you")).to_be_visible()
    assert_accessible(page)
    code = ListingClaim.objects.get().phone_code  # what the curator reads out from the admin
    page.get_by_label("The code we read to you").fill("999999" if code != "999999" else "000000")
    page.get_by_role("button", name="Prove my claim").click()
    expect(page.get_by_text("That is not the code we read to you")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("The code we read to you").fill(code)
    page.get_by_role("button", name="Prove my claim").click()
    expect(page.get_by_text("your link to this place is proved")).to_be_visible()
    assert_accessible(page)
    assert ListingClaim.objects.get().status == ListingClaim.Status.PROVED


def test_a_long_list_is_searchable_by_typing(page, live_server):
    base = live_server.url
    owner = UserFactory()
    listing = DraftListingFactory(owners=[owner])
    sign_in(page, base, owner.email)
    page.goto(f"{base}/en/provider/listings/{listing.uuid}/edit/languages/")
    speaks = page.get_by_role("group", name=re.compile("Languages you speak with clients"))
    search = speaks.get_by_label("Find in this list")
    expect(search).to_be_visible()
    assert_accessible(page)

    search.fill("vietn")
    expect(speaks.get_by_label("Vietnamese", exact=True)).to_be_visible()
    expect(speaks.get_by_label("English", exact=True)).to_be_hidden()
    speaks.get_by_label("Vietnamese", exact=True).check()
    expect(speaks.locator("[data-choice-chips] li")).to_have_text(["Vietnamese"])
    search.press("Enter")  # typing a search never submits the step
    search.fill("zzzz")
    expect(speaks.get_by_text("Nothing in this list matches")).to_be_visible()
    search.fill("")
    expect(speaks.get_by_label("English", exact=True)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved.")).to_be_visible()
    vietnamese = Language.objects.get(code="vi")
    assert list(listing.listing_languages.values_list("language", flat=True)) == [vietnamese.pk]

    # The identity and care steps: chips of what is chosen, a search box, axe at 0.
    for step in ("identity", "care"):
        page.goto(f"{base}/en/provider/listings/{listing.uuid}/edit/{step}/")
        expect(page.get_by_label("Find in this list").first).to_be_visible()
        assert_accessible(page)
    concerns = page.get_by_role("group", name=re.compile("Concerns you help with"))
    first = concerns.locator(".checkbox label").first
    name = first.inner_text()
    first.click()
    expect(concerns.locator("[data-choice-chips] li")).to_have_text([name])


def test_a_long_list_works_without_javascript(page_without_javascript, live_server):
    page = page_without_javascript
    base = live_server.url
    owner = UserFactory()
    listing = DraftListingFactory(owners=[owner])
    sign_in(page, base, owner.email)
    page.goto(f"{base}/en/provider/listings/{listing.uuid}/edit/languages/")
    speaks = page.get_by_role("group", name=re.compile("Languages you speak with clients"))
    expect(speaks.get_by_label("Find in this list")).to_be_hidden()
    expect(speaks.get_by_label("Vietnamese", exact=True)).to_be_visible()
    expect(speaks.get_by_text("Nothing chosen yet.")).to_be_visible()
    speaks.get_by_label("Vietnamese", exact=True).check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved.")).to_be_visible()
    expect(speaks.locator("[data-choice-chips] li")).to_have_text(["Vietnamese"])
    assert listing.listing_languages.count() == 1


def test_a_verification_link_opened_elsewhere_signs_in_with_one_press(page, browser, live_server):
    base = live_server.url
    page.goto(f"{base}/en/provider/signup/")
    page.get_by_label("Email address").fill("amara@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password again").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    link = re.search(r"https?://\S+/provider/verify/\S+", mail.outbox[-1].body).group(0)

    elsewhere = browser.new_context().new_page()  # the phone the email was read on
    elsewhere.goto(link)
    expect(
        elsewhere.get_by_text("This link signs you in once as amara@example.org")
    ).to_be_visible()
    assert_accessible(elsewhere)
    elsewhere.get_by_role("button", name="Sign in").click()
    expect(elsewhere.get_by_role("heading", name="Your listings")).to_be_visible()
    elsewhere.context.close()
