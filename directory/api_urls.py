"""The HSDS API's paths, as HSDS 3.0's openapi.json names them (a trailing slash is optional)."""

from django.urls import re_path

from directory import api

app_name = "hsds"
ID = r"(?P<pk>[^/]+)"
urlpatterns = [
    re_path(r"^$", api.root, name="root"),
    re_path(r"^openapi\.json$", api.openapi_description, name="openapi"),
    re_path(r"^services/?$", api.services, name="services"),
    re_path(rf"^services/{ID}/?$", api.service_detail, name="service"),
    re_path(r"^organizations/?$", api.organizations, name="organizations"),
    re_path(rf"^organizations/{ID}/?$", api.organization_detail, name="organization"),
    re_path(r"^service_at_locations/?$", api.service_at_locations, name="service_at_locations"),
    re_path(
        rf"^service_at_locations/{ID}/?$",
        api.service_at_location_detail,
        name="service_at_location",
    ),
    re_path(r"^taxonomies/?$", api.taxonomies, name="taxonomies"),
    re_path(rf"^taxonomies/{ID}/?$", api.taxonomy_detail, name="taxonomy"),
    re_path(r"^taxonomy_terms/?$", api.taxonomy_terms, name="taxonomy_terms"),
    re_path(rf"^taxonomy_terms/{ID}/?$", api.taxonomy_term_detail, name="taxonomy_term"),
]
