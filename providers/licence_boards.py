"""Where a curator looks a licence up: each state's licensing board search, for the
states Rooted lists most, and a web search for the state's board otherwise."""

from urllib.parse import urlencode

from django.utils import translation

from providers.states import STATE_NAMES

# State -> the board's public licence look-up page (behavioural health licences).
BOARD_LOOKUP = {
    "CA": "https://search.dca.ca.gov/",
    "CO": "https://apps.colorado.gov/dora/licensing/Lookup/LicenseLookup.aspx",
    "FL": "https://mqa-internet.doh.state.fl.us/MQASearchServices/HealthCareProviders",
    "GA": "https://verify.sos.ga.gov/verification/",
    "IL": "https://online-dfpr.micropact.com/lookup/licenselookup.aspx",
    "NJ": "https://newjersey.mylicense.com/verification/",
    "NY": "https://eservices.nysed.gov/professions/verification-search",
    "OH": "https://elicense.ohio.gov/oh_verifylicense",
    "PA": "https://www.pals.pa.gov/#/page/search",
    "VA": "https://dhp.virginiainteractive.org/Lookup/Index",
    "WA": "https://fortress.wa.gov/doh/providercredentialsearch/",
}


def board_lookup_url(state: str, licence_type: str = "") -> tuple[str, bool]:
    """The look-up page for a licence in `state`, and whether it is the board's own
    page (True) or a web search for it (False)."""
    if state in BOARD_LOOKUP:
        return BOARD_LOOKUP[state], True
    with translation.override("en"):
        name = str(STATE_NAMES.get(state, state))
    words = [name, licence_type, "licence verification board"]
    query = " ".join(word for word in words if word)
    return "https://duckduckgo.com/?" + urlencode({"q": query}), False
