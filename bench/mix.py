"""The fixed search mix: realistic searches by class, the same on every run.

Each is a path under the search page (or the community page) and its query
string, as a seeker's browser would send it. Classes follow the budgets: every
class must stay within 50 ms at the 95th percentile except free text (120 ms).
"""

MINIMAL = "/bench/minimal/"

SEARCHES: dict[str, list[str]] = {
    "browse": [
        "/en/search/",
        "/en/community/",
        "/es/search/",
    ],
    "single filter": [
        "/en/search/?lang=es",
        "/en/search/?identity=black",
        "/en/search/?specialty=anxiety",
        "/en/search/?insurance=medicaid",
        "/en/search/?kind=community",
        "/en/search/?online=CA",
        "/vi/search/?lang=vi",
    ],
    "three filters": [
        "/en/search/?lang=vi&identity=southeast-asian&specialty=anxiety",
        "/en/search/?identity=black&insurance=medicaid&accepting=1",
        "/en/search/?lang=es&experience=immigrant&sliding=1",
        "/en/search/?online=NY&identity=lgbtq&max_fee=80",
        "/en/community/?lang=es&identity=latine&format=group",
    ],
    "radius 5 mi": [
        "/en/search/?near=10027&radius=5",
        "/en/search/?near=94612&radius=5&lang=yue",
        "/en/search/?near=60629&radius=5&identity=latine&sort=distance",
        "/en/search/?near=77036&radius=5&lang=vi&insurance=medicaid",
    ],
    "radius 50 mi": [
        "/en/search/?near=10027&radius=50",
        "/en/search/?near=90026&radius=50&lang=ko",
        "/en/search/?near=98144&radius=50&identity=black&sort=distance",
        "/en/search/?near=30318&radius=50&online=GA&specialty=racial-trauma",
    ],
    "free text": [
        "/en/search/?q=anxiety",
        "/en/search/?q=trauma+therapy",
        "/en/search/?q=Nguyen",
        "/en/search/?q=healing+circle&lang=es",
        "/en/search/?q=peer+support&near=55104&radius=25",
    ],
    "deep page": [
        "/en/search/?page=50",
        "/en/search/?lang=es&page=200",
        "/en/search/?identity=latine&sort=confirmed&page=40",
        "/en/search/?kind=clinician&page=1500",
    ],
    "zero results": [
        "/en/search/?near=10002&radius=5&lang=nv&identity=pacific-islander",
        "/en/search/?q=xylophone+zebra",
        "/en/search/?near=59001&radius=5&lang=ko",
        "/en/search/?lang=ase&identity=two-spirit&insurance=medicare&kind=practice",
    ],
}

FREE_TEXT = "free text"


def budget_ms(search_class: str) -> int:
    return 120 if search_class == FREE_TEXT else 50


def all_urls() -> list[tuple[str, str]]:
    return [(name, url) for name, urls in SEARCHES.items() for url in urls]


# Distinct searches: what seekers meet -------------------------------------------------

INTERFACE = ("en", "es", "vi", "zh-hans", "ar")
LANGUAGES = ("es", "vi", "zh", "yue", "ko", "tl", "ar", "ht", "hmn", "ru", "so", "am", "fr")
IDENTITIES = (
    "black", "african", "caribbean", "indigenous", "latine", "east-asian", "south-asian",
    "southeast-asian", "middle-eastern-north-african", "pacific-islander", "lgbtq",
    "transgender", "nonbinary", "immigrant", "refugee", "muslim",
)  # fmt: skip
SPECIALTIES = (
    "anxiety", "depression", "trauma", "racial-trauma", "intergenerational-trauma",
    "immigration-stress", "grief", "substance-use", "relationships",
)  # fmt: skip
INSURANCE = ("medicaid", "medicare")
AGES = ("children", "teens", "adults", "older-adults")
KINDS = ("clinician", "practice", "community", "crisis-line")
STATES = ("CA", "NY", "TX", "IL", "WA", "GA", "MN", "FL", "MA", "NM")
WORDS = (
    "anxiety", "trauma therapy", "grief", "family", "Nguyen", "peer support", "healing circle",
    "couples", "somatic", "culturally", "immigrant families", "depression teens", "Garcia",
    "spanish", "faith", "youth", "queer", "mindfulness", "art therapy", "EMDR",
)  # fmt: skip
# Each class's budget, p95 in milliseconds, for a search nobody ran before.
DISTINCT_BUDGET = {"free text": 120}
DEFAULT_BUDGET = 50


def metro_zips() -> list[str]:
    from demo import content

    return [z.code for metro in content.METROS for z in metro.zips]


def distinct_searches(count: int = 240, seed: int = 13) -> list[tuple[str, str]]:
    """`count` different searches of the mix's shapes, each once: (class, url).

    Place and radius, language, identity, cost, age, words, a second or third page,
    in five interface languages; no two the same.
    """
    import random
    from urllib.parse import urlencode

    rng = random.Random(seed)
    zips = metro_zips()

    def one(shape: str) -> list[tuple[str, str]]:
        pick = rng.choice
        if shape == "single filter":
            name, values = pick(
                [("lang", LANGUAGES), ("identity", IDENTITIES), ("specialty", SPECIALTIES),
                 ("insurance", INSURANCE), ("kind", KINDS), ("online", STATES), ("age", AGES)]
            )  # fmt: skip
            return [(name, pick(values))]
        if shape == "three filters":
            pairs = [
                ("lang", pick(LANGUAGES)),
                ("identity", pick(IDENTITIES)),
                pick([("specialty", pick(SPECIALTIES)), ("insurance", pick(INSURANCE)),
                      ("sliding", "1"), ("max_fee", str(pick((40, 60, 80, 120)))),
                      ("accepting", "1"), ("experience", pick(IDENTITIES))]),
            ]  # fmt: skip
            return pairs
        if shape.startswith("radius"):
            radius = "5" if shape == "radius 5 mi" else pick(("25", "50", "100"))
            pairs = [("near", pick(zips)), ("radius", radius)]
            extra = pick([[], [("lang", pick(LANGUAGES))], [("identity", pick(IDENTITIES))],
                          [("sliding", "1")], [("sort", "distance")]])  # fmt: skip
            return pairs + extra
        if shape == "free text":
            pairs = [("q", pick(WORDS))]
            if rng.random() < 0.4:
                pairs.append(pick([("lang", pick(LANGUAGES)), ("near", pick(zips))]))
            return pairs
        if shape == "deep page":
            base = pick(
                [
                    [("lang", pick(LANGUAGES))],
                    [("identity", pick(IDENTITIES))],
                    [("kind", pick(KINDS))],
                    [("near", pick(zips)), ("radius", "50")],
                ]
            )
            return [*base, ("page", pick(("2", "3")))]
        # zero results: a rare language, far from where it is spoken, narrowly
        return [("near", pick(zips)), ("radius", "5"), ("lang", pick(("nv", "ase", "so", "am"))),
                ("identity", pick(IDENTITIES)), ("insurance", "medicare")]  # fmt: skip

    shapes = (
        "single filter",
        "three filters",
        "radius 5 mi",
        "radius 50 mi",
        "free text",
        "deep page",
        "zero results",
    )
    seen: set[str] = set()
    found: list[tuple[str, str]] = []
    attempts = 0
    while len(found) < count and attempts < count * 50:
        attempts += 1
        shape = shapes[len(found) % len(shapes)]
        language = rng.choice(INTERFACE)
        scope = "community" if shape == "three filters" and rng.random() < 0.2 else "search"
        url = f"/{language}/{scope}/?{urlencode(one(shape))}"
        if url not in seen:
            seen.add(url)
            found.append((shape, url))
    return found
