"""The curated vocabularies that migration 0002 loads from providers/vocabularies.json."""

import importlib
import json
import re
import unicodedata
from pathlib import Path

import pytest
from django.apps import apps as global_apps
from django.conf import settings
from django.db import connection

from providers.models import (
    AccessibilityFeature,
    AgeGroup,
    Approach,
    Format,
    Identity,
    Insurance,
    Language,
    LicenceType,
    PaymentMethod,
    Specialty,
)

pytestmark = pytest.mark.django_db

loader = importlib.import_module("providers.migrations.0002_vocabularies")
DATA = json.loads(Path(loader.VOCABULARIES).read_text(encoding="utf-8"))

INTERFACE_LANGUAGES = [code for code, _name in settings.LANGUAGES]
SLUGGED = {
    "identities": Identity,
    "specialties": Specialty,
    "approaches": Approach,
    "insurance": Insurance,
    "ages": AgeGroup,
    "formats": Format,
    "payment_methods": PaymentMethod,
    "accessibility": AccessibilityFeature,
    "licence_types": LicenceType,
}
ALL_MODELS = [Language, *SLUGGED.values()]

# DESIGN.md, "Contracts" > "Vocabulary slugs".
CONTRACT = {
    Identity: [
        "black",
        "african",
        "caribbean",
        "indigenous",
        "latine",
        "east-asian",
        "south-asian",
        "southeast-asian",
        "middle-eastern-north-african",
        "pacific-islander",
        "multiracial",
        "lgbtq",
        "transgender",
        "nonbinary",
        "immigrant",
        "refugee",
        "muslim",
    ],
    Specialty: [
        "anxiety",
        "depression",
        "trauma",
        "racial-trauma",
        "intergenerational-trauma",
        "immigration-stress",
        "grief",
        "substance-use",
        "relationships",
    ],
    Approach: ["cbt", "emdr", "somatic", "narrative", "culturally-adapted", "faith-integrated"],
    Insurance: ["medicaid", "medicare"],
    AgeGroup: ["children", "teens", "adults", "older-adults"],
    Format: ["individual", "couples", "family", "group"],
    PaymentMethod: [
        "cash",
        "card",
        "hsa-fsa",
        "payment-plan",
        "employee-assistance",
        "victim-compensation",
        "ihs-tribal",
    ],
    AccessibilityFeature: [
        "step-free-entrance",
        "elevator",
        "accessible-restroom",
        "asl-on-site",
        "quiet-waiting-room",
        "gender-neutral-restroom",
    ],
    LicenceType: ["lcsw", "lmft", "lpc", "psychologist", "psychiatrist"],
}


def _words(text):
    return text.split()


CULTURALLY_ROOTED = [
    "talking-circles",
    "wellbriety",
    "ho-oponopono",
    "curanderismo",
    "platica",
    "testimonio-therapy",
    "cuento-therapy",
    "africentric-therapy",
    "sister-circles",
    "sikolohiyang-pilipino",
    "morita-therapy",
    "naikan",
    "liberation-psychology",
]

# Languages over 100,000 US speakers (Census ACS), Indigenous languages of the
# Americas and the Pacific, and ASL.
EXPECTED_LANGUAGES = _words("""
    en es zh yue cmn tl vi ar fr ko ru ht de hi pt it pl ur fa gu te bn ja ta pa el sr hr bs
    hy he hmn km yo ig am so sw ne uk th lo my ml mr ilo ceb yi nl ro ps sq tr ti kar
    nv esu dak oj chr qu quc mam kjb mix zap nah haw sm ch to mh chk ase
""")

# ISO 639-2/3 codes of languages that also have an ISO 639-1 code: never use these.
HAS_TWO_LETTER_CODE = _words("""
    eng spa zho chi vie tgl ara fra fre kor rus hat deu ger hin por ita pol urd fas per guj
    tel ben jpn tam pan ell gre hye arm srp hrv bos heb khm yor ibo amh som swa nep ukr tha
    lao mya bur mal mar yid nld dut ron rum pus sqi alb tur tir orm kur twi wol ful kin nav
    oji que smo cha ton mah
""")


# Characters these vocabularies use, simplified and traditional in the same order.
SIMPLIFIED = set(
    "语国为与疗儿东亚罗尔马乌兰鲁萨维卢达库纳绍种创际压虑伤丧药关应碍视适护残职学业转独问题认识动"
    "辩证观艺术乐戏义联医险员计费无长个侣团岛恋别统灵谈话华缅间伦双体诺欧务绪鱼师经会时说这们过还见"
)
TRADITIONAL = set(
    "語國為與療兒東亞羅爾馬烏蘭魯薩維盧達庫納紹種創際壓慮傷喪藥關應礙視適護殘職學業轉獨問題認識動"
    "辯證觀藝術樂戲義聯醫險員計費無長個侶團島戀別統靈談話華緬間倫雙體諾歐務緒魚師經會時說這們過還見"
)

SCRIPTS = {"ar": "ARABIC", "zh-hans": "CJK", "zh-hant": "CJK", "ko": "HANGUL"}


def _name_columns(field="name"):
    return [f"{field}_{code.replace('-', '_')}" for code in INTERFACE_LANGUAGES]


def _is_brand(key, term, language):
    """An insurance brand may keep its Latin spelling in any language."""
    return key == "insurance" and term["name"][language] == term["name"]["en"]


def _has_script(text, script):
    return any(script in unicodedata.name(char, "") for char in text)


def test_it_loads_enough_terms_in_every_vocabulary():
    assert Language.objects.count() >= 60
    assert Identity.objects.count() >= 30
    assert Specialty.objects.count() >= 30
    assert Approach.objects.count() >= 20
    assert Insurance.objects.count() >= 10
    assert AgeGroup.objects.count() == 4
    assert Format.objects.count() == 4


@pytest.mark.parametrize("model", CONTRACT, ids=lambda m: m.__name__)
def test_every_contract_slug_exists(model):
    existing = set(model.objects.values_list("slug", flat=True))
    assert set(CONTRACT[model]) <= existing


def test_every_expected_language_exists():
    existing = set(Language.objects.values_list("code", flat=True))
    assert set(EXPECTED_LANGUAGES) <= existing


def test_language_codes_follow_iso_639():
    for code in Language.objects.values_list("code", flat=True):
        assert re.fullmatch(r"[a-z]{2,3}", code), code
        assert code not in HAS_TWO_LETTER_CODE, f"{code}: use the ISO 639-1 code"
    codes = set(Language.objects.values_list("code", flat=True))
    assert {"es", "vi", "zh", "nv", "ht", "tl", "oj", "qu", "sm", "ch", "to", "mh"} <= codes
    assert {"yue", "cmn", "hmn", "ase", "ilo", "ceb", "chr", "quc", "haw", "chk"} <= codes


def test_languages_are_ordered_english_then_spanish():
    assert list(Language.objects.values_list("code", flat=True)[:2]) == ["en", "es"]


def test_slugs_are_lowercase_and_hyphenated():
    for model in SLUGGED.values():
        for slug in model.objects.values_list("slug", flat=True):
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug), slug


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m.__name__)
def test_every_term_is_named_in_every_interface_language(model):
    for term in model.objects.values("pk", *_name_columns()):
        for column in _name_columns():
            assert term[column] and term[column].strip(), (term["pk"], column)
    # The untranslated column holds English (read past modeltranslation's rewriting).
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT name, name_en FROM {model._meta.db_table}")
        for name, name_en in cursor.fetchall():
            assert name == name_en


def test_names_are_written_in_the_script_of_their_language():
    for key, terms in DATA.items():
        for term in terms:
            for language, script in SCRIPTS.items():
                name = term["name"][language]
                if not _is_brand(key, term, language):
                    assert _has_script(name, script), name


def test_chinese_names_keep_simplified_and_traditional_apart():
    for terms in DATA.values():
        for term in terms:
            for texts in (term["name"], term.get("originating_community", {})):
                assert not TRADITIONAL & set(texts.get("zh-hans", "")), texts["zh-hans"]
                assert not SIMPLIFIED & set(texts.get("zh-hant", "")), texts["zh-hant"]


def test_languages_are_named_as_each_language_names_them():
    spanish = Language.objects.get(code="es")
    assert spanish.name_es == "español"
    assert spanish.name_zh_hans == "西班牙语"
    assert spanish.name_zh_hant == "西班牙語"
    assert Language.objects.get(code="vi").name_vi == "Tiếng Việt"
    assert Language.objects.get(code="ko").name_ko == "한국어"
    assert Language.objects.get(code="ht").name_ht == "kreyòl ayisyen"


def test_identities_belong_to_a_known_group():
    groups = set(Identity.Group.values)
    for slug, group in Identity.objects.values_list("slug", "group"):
        assert group in groups, slug
    assert set(Identity.objects.values_list("group", flat=True)) == groups


def test_culturally_rooted_approaches_credit_their_originating_community():
    for slug in CULTURALLY_ROOTED:
        approach = Approach.objects.get(slug=slug)
        assert approach.is_culturally_rooted, slug
        for column in _name_columns("originating_community"):
            assert getattr(approach, column), (slug, column)
    assert (
        Approach.objects.get(slug="curanderismo").originating_community_en
        == "Mexican and Mexican American communities"
    )


def test_clinical_approaches_name_no_originating_community():
    for slug in ["cbt", "emdr", "dbt", "psychodynamic", "culturally-adapted"]:
        assert not Approach.objects.get(slug=slug).is_culturally_rooted, slug


def test_sliding_scale_without_insurance_is_an_insurance_option():
    option = Insurance.objects.get(slug="sliding-scale-without-insurance")
    assert option.name_en == "Sliding scale without insurance"


def test_loading_again_neither_duplicates_nor_loses_anything():
    counts = {model: model.objects.count() for model in ALL_MODELS}
    Specialty.objects.filter(slug="grief").update(name_es="(edited)", position=999)
    curated = Specialty.objects.create(slug="gambling", name="Gambling", name_en="Gambling")

    loader.load_vocabularies(global_apps, None)
    loader.load_vocabularies(global_apps, None)

    for model, count in counts.items():
        assert model.objects.count() == count + (model is Specialty)
    grief = Specialty.objects.get(slug="grief")
    assert grief.name_es == "Duelo"
    assert grief.position == [t["slug"] for t in DATA["specialties"]].index("grief")
    assert Specialty.objects.filter(pk=curated.pk).exists()
