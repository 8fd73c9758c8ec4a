from django.urls import path

from directory import views
from providers.claim_views import claim_listing

app_name = "directory"
urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("community/", views.community, name="community"),
    path("browsing-safely/", views.browsing_safely, name="safety"),
    path("listings/<slug:slug>/", views.listing_detail, name="listing"),
    path("listings/<slug:slug>/report/", views.report_listing, name="report"),
    path("listings/<slug:slug>/claim/", claim_listing, name="claim"),
    path(
        "listings/<slug:slug>/translation/",
        views.request_translation,
        name="translation_request",
    ),
    path("listings/<slug:slug>/report/thanks/", views.report_thanks, name="report_thanks"),
    path("guides/", views.guide_index, name="guides"),
    path("guides/<slug:slug>/", views.guide_detail, name="guide"),
]
