import logging
from urllib.parse import urlencode

from django.conf import settings
from django.db import DatabaseError
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language

from directory import caching
from directory.chips import search_chips
from directory.filters import ListingFilter, read_search
from directory.forms import ReportForm
from directory.guides import GUIDES, guide_by_slug
from directory.selectors import listing_match_reasons, listing_search, page_number
from insights.counting import count_search
from providers import ratelimit
from providers.models import Identity, Language, Listing, ListingLanguage, User
from providers.states import US_STATES
from providers.translating import need_count_request, need_count_search_page
from providers.triage import report_file

log = logging.getLogger(__name__)

RADIUS_CHOICES = (5, 10, 25, 50, 100)
# Reports need no account, so each client address may send a few an hour.
REPORTS_PER_CLIENT = ratelimit.Limit("report-client", attempts=5, period=ratelimit.HOUR)
# Translation requests need no account either: a few an hour from each client
# address, and each listing's language once a day, so nobody can push one up the queue.
TRANSLATION_REQUESTS_PER_CLIENT = ratelimit.Limit(
    "translation-client", attempts=10, period=ratelimit.HOUR
)
TRANSLATION_REQUEST_PER_LISTING = ratelimit.Limit(
    "translation-listing", attempts=1, period=ratelimit.DAY
)
TOO_MANY_REQUESTS = 429
GONE = 410
# A search page is shared by everyone who asks for it (caching.shared_page), so it
# shows nobody's messages: a provider's wait for their next page of their own.
NO_MESSAGES: tuple[str, ...] = ()


def home(request: HttpRequest) -> HttpResponse:
    identities = list(Identity.objects.all())
    identity_groups = [
        (label, [identity for identity in identities if identity.group == group])
        for group, label in Identity.Group.choices
    ]
    context = {
        "radius_choices": RADIUS_CHOICES,
        "states": US_STATES,
        "languages": Language.objects.all(),
        "identity_groups": [(label, terms) for label, terms in identity_groups if terms],
        "guides": GUIDES,
    }
    return render(request, "directory/home.html", context)


def search(request: HttpRequest) -> HttpResponse:
    """Every listing the public can see, filtered and ranked by the search URL contract."""
    return search_page(request, community=False)


def community(request: HttpRequest) -> HttpResponse:
    """The same search, scoped to community supports and crisis and warm lines."""
    return search_page(request, community=True)


def search_page(request: HttpRequest, *, community: bool) -> HttpResponse:
    kinds = Listing.COMMUNITY_KINDS if community else None
    # The search, read once per process for all who ask it: a page from the cache
    # needs only this, not the filters that make one.
    params = read_search(request.GET.urlencode(), kinds)
    page = page_number(request.GET.get("page"))

    def render_page() -> HttpResponse:
        results = listing_search(filters=ListingFilter(request.GET, kinds=kinds), page=str(page))
        context = {
            "search": results,
            "chips": search_chips(results.params),
            "community": community,
            "messages": NO_MESSAGES,
        }
        return render(request, "directory/search.html", context)

    # The same search, however its query string was written, is one cached page;
    # one whose words named filters also says so.
    recognised = [(item.param, item.term.key, item.words) for item in params.recognised]
    search = (community, get_language(), params.pairs(), recognised, page)
    response = caching.shared_page(request, search, render_page)
    # The gap report's count (insights/counting.py); by the same rules, which
    # listings this language's seekers found without text in it.
    if count_search(request, params, kinds, response):
        try:
            need_count_search_page(response.content, get_language() or settings.LANGUAGE_CODE)
        except DatabaseError as error:
            log.warning("translation need not counted: %s", type(error).__name__)
    return response


def browsing_safely(request: HttpRequest) -> HttpResponse:
    """How to keep a visit private: the quick exit, private windows, history, shared devices."""
    return render(request, "directory/safety.html")


def listing_detail(request: HttpRequest, slug: str) -> HttpResponse:
    # Whether anyone owns it, in the same query: an unowned one offers to be claimed.
    owned = Exists(User.objects.filter(listings=OuterRef("pk")))
    listing = (
        Listing.objects.searchable().with_details().annotate(owned=owned).filter(slug=slug).first()
    )
    if listing is None:
        return listing_gone(request, slug)
    offered = listing.listing_languages.all()
    context = {
        "listing": listing,
        "claimable": not listing.owned,
        "speaks": [ll.language for ll in offered if ll.offered == ListingLanguage.Offered.SPEAKS],
        "interpreter": [
            ll.language for ll in offered if ll.offered == ListingLanguage.Offered.INTERPRETER
        ],
        "insurance": [plan.name for plan in listing.insurance.all()],
        # Result links carry the search, so the page can say why this listing fits it.
        "match_reasons": (
            listing_match_reasons(listing=listing, params=ListingFilter(request.GET).params)
            if request.GET
            else []
        ),
    }
    return render(request, "directory/listing.html", context)


def listing_gone(request: HttpRequest, slug: str) -> HttpResponse:
    """A listing that left search unconfirmed is gone (410), with a search near its
    place for the same kind of care; anything else that is not public was never here."""
    listing = (
        Listing.objects.shown()
        .filter(slug=slug)
        .prefetch_related("locations", "service_areas")
        .first()
    )
    if listing is None:
        raise Http404
    params = {"kind": listing.kind}
    place = ""
    locations = list(listing.locations.all())
    areas = list(listing.service_areas.all())
    if locations:
        where = locations[0]
        if where.postal_code:
            params["near"] = where.postal_code[:5]
        elif where.latitude is not None and where.longitude is not None:
            params["near"] = f"{where.latitude:.4f},{where.longitude:.4f}"
        place = f"{where.city}, {where.region}" if "near" in params else ""
    elif areas:
        params["online"] = areas[0].state
        place = areas[0].get_state_display()
    search_url = f"{reverse('directory:search')}?{urlencode(params)}"
    context = {"listing": listing, "place": place, "search_url": search_url}
    return render(request, "directory/listing_gone.html", context, status=GONE)


def report_listing(request: HttpRequest, slug: str) -> HttpResponse:
    """ "Report a problem": a reason and an optional note, no account, rate-limited."""
    listing = get_object_or_404(Listing.objects.searchable(), slug=slug)
    form = ReportForm(request.POST or None)
    if request.method == "POST":
        if REPORTS_PER_CLIENT.hit(ratelimit.client_key(request)):
            context = {"listing": listing, "form": form, "rate_limited": True}
            return render(request, "directory/report.html", context, status=TOO_MANY_REQUESTS)
        if form.is_valid():
            report_file(listing=listing, **form.cleaned_data)
            return redirect("directory:report_thanks", slug=listing.slug)
    return render(request, "directory/report.html", {"listing": listing, "form": form})


def request_translation(request: HttpRequest, slug: str) -> HttpResponse:
    """ "Request a translation" into the page's language: a POST form on its own page,
    like the report form, so seekers get a (browser-session) CSRF cookie only if
    they come here. Counts one request in the translators' queue; no account."""
    listing = get_object_or_404(Listing.objects.searchable(), slug=slug)
    language = get_language() or settings.LANGUAGE_CODE
    context: dict[str, object] = {
        "listing": listing,
        "language": language,
        "written": listing.text("about", language)[1] == language,
    }
    if request.method == "POST" and not context["written"]:
        client = ratelimit.client_key(request)
        if TRANSLATION_REQUESTS_PER_CLIENT.hit(client):
            context["rate_limited"] = True
            return render(
                request, "directory/translation_request.html", context, status=TOO_MANY_REQUESTS
            )
        if not TRANSLATION_REQUEST_PER_LISTING.hit(f"{client}:{listing.pk}:{language}"):
            try:
                need_count_request(listing, language)
            except DatabaseError as error:
                log.warning("translation request not counted: %s", type(error).__name__)
        context["sent"] = True
    return render(request, "directory/translation_request.html", context)


def report_thanks(request: HttpRequest, slug: str) -> HttpResponse:
    listing = get_object_or_404(Listing.objects.searchable(), slug=slug)
    return render(request, "directory/report_thanks.html", {"listing": listing})


def guide_index(request: HttpRequest) -> HttpResponse:
    return render(request, "directory/guides.html", {"guides": GUIDES})


def guide_detail(request: HttpRequest, slug: str) -> HttpResponse:
    guide = guide_by_slug(slug)
    if guide is None:
        raise Http404
    others = [other for other in GUIDES if other != guide]
    return render(request, guide.template, {"guide": guide, "others": others})
