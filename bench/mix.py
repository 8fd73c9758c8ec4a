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
