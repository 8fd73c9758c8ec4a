"""The translators' pages in the curator area (queue, side-by-side form, review),
checked by axe-core in English and Arabic. Django's admin chrome has its own skip
link and landmarks, so only axe's rules are applied here, not the public pages'
structure checks."""

import pytest

from providers import translating
from providers.models import TranslationNeed
from tests.browser.test_accessibility import WIDTHS, Checker
from tests.factories import OwnedListingFactory, UserFactory

PASSWORD = "correct horse battery staple"  # UserFactory's


def translators():
    """The group migration 0020 makes (written back after every flush, tests/conftest.py)."""
    from django.contrib.auth.models import Group

    return Group.objects.get(name="Translators")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_translator_pages_have_no_axe_violations(page, live_server, language):
    group = translators()
    author = UserFactory(email="linh@example.org", is_staff=True, language=language)
    reviewer = UserFactory(email="minh@example.org", is_staff=True, language=language)
    author.groups.add(group)
    reviewer.groups.add(group)
    listing = OwnedListingFactory(
        name="Amara Okafor", slug="amara-okafor", about="I work with families."
    )
    need = TranslationNeed.objects.create(listing=listing, language="ar", searches=2, requests=1)
    proposal = translating.translation_submit(
        listing=listing, language="ko", about="가족과 함께 일합니다.", approach_text="", by=author
    )

    page.set_extra_http_headers({"Accept-Language": language})
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("#id_username").fill(reviewer.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_load_state()

    axe = Checker(page)
    admin = f"{live_server.url}/admin/providers"
    for name, url in {
        "translation queue": f"{admin}/translationneed/",
        "translate": f"{admin}/translationneed/{need.pk}/translate/",
        "translations to review": f"{admin}/communitytranslation/",
        "review a translation": f"{admin}/communitytranslation/{proposal.pk}/review/",
    }.items():
        response = page.goto(url)
        assert response is not None and response.ok, f"{name}: {url} answered {response}"
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            results = axe.run()
            if results.violations_count:
                axe.reports.append(f"{name} at {width}px ({url}):\n{results.generate_report()}")
    axe.assert_clean()
