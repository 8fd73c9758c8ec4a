from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language

from directory import caching
from directory.filters import ListingFilter
from directory.forms import ReportForm
from directory.guides import GUIDES, guide_by_slug
from directory.selectors import listing_match_reasons, listing_search, page_number
from providers import ratelimit
from providers.curation import report_create
from providers.models import Identity, Language, Listing, ListingLanguage
from providers.states import US_STATES

RADIUS_CHOICES = (5, 10, 25, 50, 100)
# Reports need no account, so each client address may send a few an hour.
REPORTS_PER_CLIENT = ratelimit.Limit("report-client", attempts=5, period=ratelimit.HOUR)
TOO_MANY_REQUESTS = 429
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
    kinds = [Listing.Kind.COMMUNITY, Listing.Kind.CRISIS_LINE] if community else None
    filters = ListingFilter(request.GET, kinds=kinds)
    page = page_number(request.GET.get("page"))

    def render_page() -> HttpResponse:
        results = listing_search(filters=filters, page=str(page))
        context = {"search": results, "community": community, "messages": NO_MESSAGES}
        return render(request, "directory/search.html", context)

    # The same search, however its query string was written, is one cached page.
    search = (community, get_language(), filters.params.pairs(), page)
    return caching.shared_page(request, search, render_page)


def listing_detail(request: HttpRequest, slug: str) -> HttpResponse:
    listing = get_object_or_404(Listing.objects.searchable().with_details(), slug=slug)
    offered = listing.listing_languages.all()
    context = {
        "listing": listing,
        "speaks": [ll.language for ll in offered if ll.offered == ListingLanguage.Offered.SPEAKS],
        "interpreter": [
            ll.language for ll in offered if ll.offered == ListingLanguage.Offered.INTERPRETER
        ],
        # Result links carry the search, so the page can say why this listing fits it.
        "match_reasons": (
            listing_match_reasons(listing=listing, params=ListingFilter(request.GET).params)
            if request.GET
            else []
        ),
    }
    return render(request, "directory/listing.html", context)


def report_listing(request: HttpRequest, slug: str) -> HttpResponse:
    """ "Report a problem": a reason and an optional note, no account, rate-limited."""
    listing = get_object_or_404(Listing.objects.searchable(), slug=slug)
    form = ReportForm(request.POST or None)
    if request.method == "POST":
        if REPORTS_PER_CLIENT.hit(ratelimit.client_key(request)):
            context = {"listing": listing, "form": form, "rate_limited": True}
            return render(request, "directory/report.html", context, status=TOO_MANY_REQUESTS)
        if form.is_valid():
            report_create(listing=listing, **form.cleaned_data)
            return redirect("directory:report_thanks", slug=listing.slug)
    return render(request, "directory/report.html", {"listing": listing, "form": form})


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
