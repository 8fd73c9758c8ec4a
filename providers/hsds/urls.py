"""The HSDS API's paths, as HSDS 3.0's openapi.json names them (a trailing slash is optional)."""

from django.urls import re_path

from providers.hsds import views

app_name = "hsds"
ID = r"(?P<pk>[^/]+)"
urlpatterns = [
    re_path(r"^$", views.root, name="root"),
    re_path(r"^openapi\.json$", views.openapi_description, name="openapi"),
    re_path(r"^services/?$", views.services, name="services"),
    re_path(rf"^services/{ID}/?$", views.service_detail, name="service"),
    re_path(r"^organizations/?$", views.organizations, name="organizations"),
    re_path(rf"^organizations/{ID}/?$", views.organization_detail, name="organization"),
    re_path(r"^service_at_locations/?$", views.service_at_locations, name="service_at_locations"),
    re_path(
        rf"^service_at_locations/{ID}/?$",
        views.service_at_location_detail,
        name="service_at_location",
    ),
    re_path(r"^taxonomies/?$", views.taxonomies, name="taxonomies"),
    re_path(rf"^taxonomies/{ID}/?$", views.taxonomy_detail, name="taxonomy"),
    re_path(r"^taxonomy_terms/?$", views.taxonomy_terms, name="taxonomy_terms"),
    re_path(rf"^taxonomy_terms/{ID}/?$", views.taxonomy_term_detail, name="taxonomy_term"),
]
