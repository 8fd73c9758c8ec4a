"""Language access beyond Rooted's own messages: Django's messages, dates and numbers
in Tagalog and Haitian Creole, a switcher that keeps the search, and listings that
say which language their text is in."""

import re
import shutil
import subprocess
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import django
import pytest
from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import get_language_info

from directory.templatetags.rooted import money
from tests.factories import ListingFactory
from tests.test_catalogues import entries

DJANGO_MESSAGES = Path(settings.BASE_DIR) / "locale" / "django"
# Languages Rooted speaks that Django ships no catalogue or formats for.
UNSHIPPED = {
    "tl": "nplurals=2; plural=(n % 10 == 4 || n % 10 == 6 || n % 10 == 9);",
    "ht": "nplurals=2; plural=(n != 1);",
}
DJANGO_SOURCE = Path(django.__file__).parent


def english_msgids() -> set[tuple[str | None, str]]:
    sources = [
        DJANGO_SOURCE / "conf/locale/en/LC_MESSAGES/django.po",
        DJANGO_SOURCE / "contrib/auth/locale/en/LC_MESSAGES/django.po",
    ]
    return {(ctx, msgid) for po in sources for _f, ctx, msgid, _s in entries(po)}


# Django's messages for tl and ht --------------------------------------------


@pytest.mark.parametrize("language", UNSHIPPED)
def test_django_messages_catalogue_is_complete_and_not_fuzzy(language):
    po = DJANGO_MESSAGES / language / "LC_MESSAGES" / "django.po"
    found = list(entries(po))
    assert len(found) > 150
    assert [m for _f, _c, m, strings in found if not all(strings.values())] == []
    assert [m for flags, _c, m, _s in found if "fuzzy" in flags] == []
    header = po.read_text(encoding="utf-8").split("\n\n", 1)[0].replace('"\n"', "")
    assert f"Plural-Forms: {UNSHIPPED[language]}" in header
    for _f, _c, msgid, strings in found:
        if "msgstr" not in strings:
            assert len(strings) == 2, msgid


@pytest.mark.parametrize("language", UNSHIPPED)
def test_django_messages_are_copied_exactly_from_django(language):
    po = DJANGO_MESSAGES / language / "LC_MESSAGES" / "django.po"
    ours = {(ctx, msgid) for _f, ctx, msgid, _s in entries(po)}
    assert ours - english_msgids() == set()


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext's msgfmt is not installed")
@pytest.mark.parametrize("language", UNSHIPPED)
def test_django_messages_compiled_catalogue_matches_its_source(language, tmp_path):
    folder = DJANGO_MESSAGES / language / "LC_MESSAGES"
    compiled = tmp_path / "django.mo"
    subprocess.run(
        ["msgfmt", "--check-format", "-o", compiled, folder / "django.po"],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == (folder / "django.mo").read_bytes(), (
        f"recompile: msgfmt --check-format -o {folder}/django.mo {folder}/django.po"
    )


def test_rooted_messages_take_precedence_over_djangos():
    paths = [Path(path) for path in settings.LOCALE_PATHS]
    assert paths.index(Path(settings.BASE_DIR) / "locale") < paths.index(DJANGO_MESSAGES)


@pytest.mark.parametrize(
    ("language", "too_short"),
    [
        ("tl", "Masyadong maikli ang password na ito."),
        ("ht", "Modpas sa a twò kout."),
    ],
)
@pytest.mark.django_db
def test_a_sign_up_error_is_in_the_pages_language(client, language, too_short):
    response = client.post(
        f"/{language}/provider/signup/",
        {"email": "amara@example.org", "password1": "kape7", "password2": "kape7"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert too_short in html
    assert "This password is too short" not in html
    assert "at least 8 characters" not in html  # the help text under the field


@pytest.mark.parametrize(
    ("language", "required", "invalid_email"),
    [
        ("tl", "Kailangang punan ang field na ito.", "Maglagay ng wastong email address."),
        ("ht", "Ou dwe ranpli chan sa a.", "Antre yon adrès imèl ki valab."),
    ],
)
@pytest.mark.django_db
def test_field_errors_are_in_the_pages_language(client, language, required, invalid_email):
    html = client.post(
        f"/{language}/provider/signup/",
        {"email": "not an address", "password1": "", "password2": ""},
    ).content.decode()
    assert required in html
    assert invalid_email in html
    assert "This field is required." not in html
    assert "Enter a valid email address." not in html


@pytest.mark.parametrize(
    ("language", "month", "english"),
    [("tl", "Marso 2025", "March 2025"), ("ht", "mas 2025", "March 2025")],
)
@pytest.mark.django_db
def test_listing_dates_use_the_pages_month_names(client, language, month, english):
    listing = ListingFactory(licence_verified_at=datetime(2025, 3, 14, 12, tzinfo=UTC))
    html = client.get(f"/{language}{listing.get_absolute_url()[3:]}").content.decode()
    assert month in html
    assert english not in html


# Formats ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "long_date", "year_month", "thousands", "decimal"),
    [
        ("tl", "Enero 5, 2025", "Enero 2025", "$1,200", "1,234.5"),
        ("ht", "5 janvye 2025", "janvye 2025", "$1\xa0200", "1\xa0234,5"),
    ],
)
def test_dates_numbers_and_money_follow_the_language(
    language, long_date, year_month, thousands, decimal
):
    day = date(2025, 1, 5)
    with translation.override(language):
        assert formats.date_format(day) == long_date
        assert formats.date_format(day, "YEAR_MONTH_FORMAT") == year_month
        assert money(1200) == thousands
        assert formats.number_format(Decimal("1234.5"), 1, force_grouping=True) == decimal
        assert formats.date_format(day, "D") in {"Lin", "dim"}  # a Sunday


def test_tagalog_and_haitian_creole_are_known_languages():
    assert get_language_info("tl")["name_local"] == "Tagalog"
    assert get_language_info("ht")["name_local"] == "Kreyòl ayisyen"
    assert not get_language_info("tl")["bidi"]
    assert get_language_info("ar")["bidi"]


# Switching language and marking text ------------------------------------------


@pytest.mark.django_db
def test_the_language_switcher_keeps_the_page_and_the_search(client):
    html = client.get("/es/search/?lang=vi&near=94110").content.decode()
    link = re.search(r'<a href="([^"]*)" hreflang="vi"', html)
    assert link is not None
    assert link.group(1).replace("&amp;", "&") == "/vi/search/?lang=vi&near=94110"
    for code, _name in settings.LANGUAGES:
        assert f'href="/{code}/search/?lang=vi&amp;near=94110" hreflang="{code}"' in html


@pytest.mark.parametrize(
    ("language", "direction"), [("en", "ltr"), ("ar", "rtl"), ("tl", "ltr"), ("ht", "ltr")]
)
@pytest.mark.django_db
def test_html_names_the_language_and_its_direction(client, language, direction):
    html = client.get(f"/{language}/").content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in html


@pytest.mark.django_db
def test_a_listing_not_written_in_the_pages_language_says_so(client):
    listing = ListingFactory(about="I work with Black families.", about_es="Trabajo con familias.")
    vietnamese = client.get(f"/vi{listing.get_absolute_url()[3:]}").content.decode()
    assert '<div class="prose" lang="en" dir="ltr">' in vietnamese
    assert 'class="text-language"' in vietnamese
    assert "I work with Black families." in vietnamese

    spanish = client.get(f"/es{listing.get_absolute_url()[3:]}").content.decode()
    assert "Trabajo con familias." in spanish
    assert 'class="text-language"' not in spanish.split('id="approach-heading"')[0]
