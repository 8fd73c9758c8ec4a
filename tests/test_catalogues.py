"""Every interface language's catalogue is complete, not fuzzy, and compiled."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.translation import to_locale

LOCALE = Path(settings.BASE_DIR) / "locale"
LANGUAGES = [to_locale(code) for code, _name in settings.LANGUAGES if code != "en"]
NPLURALS = {
    "es": 2,
    "zh_Hans": 1,
    "zh_Hant": 1,
    "vi": 1,
    "ko": 1,
    "tl": 2,
    "ar": 6,
    "ht": 2,
}


def entries(po: Path):
    """(flags, msgctxt, msgid, {msgstr key: text}) for each message, header excluded."""
    for block in po.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        flags = " ".join(line for line in lines if line.startswith("#,"))
        fields: dict[str, str] = {}
        key = None
        for line in lines:
            match = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$', line)
            if match:
                key = match.group(1)
                fields[key] = match.group(2)
            elif line.startswith('"') and key:
                fields[key] += line[1:-1]
        if fields.get("msgid"):
            strings = {k: v for k, v in fields.items() if k.startswith("msgstr")}
            yield flags, fields.get("msgctxt"), fields["msgid"], strings


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_complete_and_not_fuzzy(language):
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    assert po.exists(), f"no catalogue for {language}"
    found = list(entries(po))
    assert len(found) > 100
    untranslated = [msgid for _f, _c, msgid, strings in found if not all(strings.values())]
    fuzzy = [msgid for flags, _c, msgid, _s in found if "fuzzy" in flags]
    assert untranslated == [], f"{language}: {len(untranslated)} untranslated"
    assert fuzzy == [], f"{language}: {len(fuzzy)} fuzzy"


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_messages_have_every_form_the_language_needs(language):
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    header = po.read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert f"nplurals={NPLURALS[language]};" in header
    for _flags, _ctx, msgid, strings in entries(po):
        if "msgstr" not in strings:  # a plural entry: msgstr[0] ... msgstr[n-1]
            assert len(strings) == NPLURALS[language], msgid


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext's msgfmt is not installed")
@pytest.mark.parametrize("language", LANGUAGES)
def test_committed_compiled_catalogue_matches_its_source(language, tmp_path):
    folder = LOCALE / language / "LC_MESSAGES"
    compiled = tmp_path / "django.mo"
    subprocess.run(
        ["msgfmt", "--check-format", "-o", compiled, folder / "django.po"],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == (folder / "django.mo").read_bytes(), (
        "run `make messages` and commit locale/"
    )
