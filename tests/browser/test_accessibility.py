"""WCAG 2.2 AA, checked by axe-core in Chromium: every public and provider page, at a
phone and a desktop width, in English and in Arabic (right to left).

One browser page per language walks all the pages, checking each at both widths
without loading it twice, so the suite stays quick.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe, AxeResults
from playwright.sync_api import Page

from providers.forms import STEPS
from tests.browser.world import build_world, public_paths
from tests.factories import (
    DraftListingFactory,
    LocationFactory,
    OwnedListingFactory,
    UserFactory,
)

WIDTHS = [360, 1280]
LANGUAGES = ["en", "ar"]
PASSWORD = "correct horse battery staple"  # UserFactory's
# Every WCAG 2.0-2.2 A and AA rule, named so that none is left out by a default,
# and axe's best practices (one main landmark, one h1, heading order, regions).
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}

# What axe does not check on its own: exactly one h1 and one main, a skip link to it,
# every group of checkboxes or radio buttons named by a fieldset's legend, and every
# invalid control described by its error message.
STRUCTURE = """
() => {
  const problems = [];
  const count = selector => document.querySelectorAll(selector).length;
  if (count('h1') !== 1) problems.push(`${count('h1')} h1 elements`);
  if (count('main') !== 1) problems.push(`${count('main')} main elements`);
  const skip = document.querySelector('a.skip-link');
  if (!skip || !document.querySelector(skip.getAttribute('href'))?.matches('main')) {
    problems.push('no skip link to the main content');
  }
  for (const type of ['checkbox', 'radio']) {
    const names = new Map();
    for (const input of document.querySelectorAll(`input[type=${type}]`)) {
      names.set(input.name, (names.get(input.name) || 0) + 1);
    }
    for (const [name, inputs] of names) {
      if (inputs < 2) continue;
      const input = document.querySelector(`input[type=${type}][name="${name}"]`);
      if (!input.closest('fieldset')?.querySelector(':scope > legend')?.textContent.trim()) {
        problems.push(`the ${type} group "${name}" has no fieldset and legend`);
      }
    }
  }
  // The message is tied to the invalid control, or to the group it is one choice of.
  const tied = element => (element?.getAttribute('aria-describedby') || '').split(/\\s+/)
    .some(id => document.getElementById(id)?.matches('.errorlist'));
  for (const invalid of document.querySelectorAll('[aria-invalid=true]')) {
    if (!tied(invalid) && !tied(invalid.closest('fieldset'))) {
      problems.push(`#${invalid.id} is invalid but its message is not tied to it`);
    }
  }
  return problems;
}
"""


class Checker:
    """Runs axe on each page it is shown and gathers every violation for one report."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.axe = Axe()
        self.reports: list[str] = []
        self.checked: list[str] = []

    def run(self) -> AxeResults:
        # Inject axe once per page load rather than once per run: it is large.
        if not self.page.evaluate("typeof window.axe === 'object'"):
            self.page.evaluate(self.axe.axe_script)
        return AxeResults(self.page.evaluate("options => axe.run(document, options)", AXE_OPTIONS))

    def check(self, name: str) -> None:
        """Check the page as it is, at each width in turn."""
        for problem in self.page.evaluate(STRUCTURE):
            self.reports.append(f"{name} ({self.page.url}): {problem}")
        for width in WIDTHS:
            self.page.set_viewport_size({"width": width, "height": 900})
            results = self.run()
            self.checked.append(f"{name} at {width}px")
            if results.violations_count:
                report = results.generate_report()
                self.reports.append(f"{name} at {width}px ({self.page.url}):\n{report}")

    def visit(self, name: str, url: str) -> None:
        response = self.page.goto(url)
        assert response is not None and response.ok, f"{name}: {url} answered {response}"
        self.check(name)

    def assert_clean(self) -> None:
        assert self.reports == [], "\n\n".join(self.reports)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_has_no_axe_violations(page, live_server, language):
    world = build_world(crowd=True)
    axe = Checker(page)
    paths = public_paths(world)
    for name, path in paths.items():
        axe.visit(name, f"{live_server.url}/{language}{path}")
    # Sent with no reason: the error must be tied to the group it belongs to.
    page.goto(f"{live_server.url}/{language}{paths['report a problem']}")
    page.locator("form.card button[type=submit]").click()
    page.wait_for_load_state()
    axe.check("report a problem, with an error")
    axe.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_provider_page_has_no_axe_violations(page, live_server, language):
    base = f"{live_server.url}/{language}/provider"
    axe = Checker(page)

    axe.visit("sign up", f"{base}/signup/")
    page.locator("#id_email").fill("someone@example.org")
    page.locator("#id_password1").fill("short")
    page.locator("#id_password2").fill("short")
    page.locator("form.card button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("[aria-invalid=true]").count() >= 1
    axe.check("sign up, with errors")
    axe.visit("password reset", f"{base}/password/reset/")
    axe.visit("sign in", f"{base}/login/")

    user = UserFactory(email="amara@example.org")
    listing = DraftListingFactory(name="Amara Okafor", owners=[user], about="I work with families.")
    LocationFactory(listing=listing)
    page.locator("#id_username").fill(user.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.card button[type=submit]").click()
    page.wait_for_url(f"{base}/")
    axe.check("dashboard")

    axe.visit("new listing", f"{base}/listings/new/")
    for step in STEPS:
        axe.visit(f"editor step {step.slug}", f"{base}/listings/{listing.uuid}/edit/{step.slug}/")
    # A required field left empty: the message is tied to the field and it is marked invalid.
    page.goto(f"{base}/listings/{listing.uuid}/edit/about/")
    page.locator("#id_name").fill("")
    page.locator(".editor__actions button[value=stay]").click()
    page.wait_for_load_state()
    assert page.locator("#id_name[aria-invalid=true]").count() == 1
    axe.check("editor step about, with an error")
    axe.visit("preview", f"{base}/listings/{listing.uuid}/preview/")
    published = OwnedListingFactory(name="Eastside Clinic", slug="eastside", owners=[user])
    axe.visit("editing a published listing", f"{base}/listings/{published.uuid}/edit/cost/")
    axe.visit("invite a co-owner", f"{base}/listings/{published.uuid}/invite/")
    axe.visit("delete a listing", f"{base}/listings/{published.uuid}/delete/")
    axe.visit("change password", f"{base}/password/change/")
    axe.visit("delete account", f"{base}/account/delete/")
    axe.assert_clean()


def test_nothing_moves_for_someone_who_asked_for_less_motion(page, live_server):
    build_world()
    page.emulate_media(reduced_motion="reduce")
    for path in ["/en/", "/en/search/?lang=es"]:
        page.goto(f"{live_server.url}{path}")
        page.locator(".button").first.hover()
        assert page.evaluate("document.getAnimations().length") == 0, path
        durations = page.eval_on_selector_all(
            "a, button, .button, summary",
            "els => els.map(el => getComputedStyle(el).transitionDuration)",
        )
        assert set(durations) <= {"0s"}, path
        assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"
