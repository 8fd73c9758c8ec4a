"""Open data in and out: Rooted's directory as Open Referral HSDS 3.0.

The mapping (only published listings, `Listing.objects.searchable()`; never owners,
pending changes, curator notes, reports, or who verified a licence):

=========================  ==============================================================
Rooted                     HSDS 3.0
=========================  ==============================================================
Listing (the provider)     organization: id derived from the listing's uuid (ids.py),
                           name, description (about text), email, website, phones
Listing (its care)         service: id = Listing.uuid; name, description (about text in
                           the request's language, with fallback), url, email, status
                           "active", organization_id
Location                   location (physical; id = Location.uuid) with one address
                           (country US), latitude/longitude, transportation (transit
                           notes), accessibility (wheelchair), and service_at_location
                           (id derived from the location's uuid)
ServiceArea (telehealth)   service_area: name = the state, extent "US-CA" (extent_type
                           text)
ListingLanguage speaks     service.languages (code = ISO 639 code)
... interpreter            attribute `interpreter_language` + interpretation_services text
phone                      phone (type voice) on service and organization
in person / video / phone, schedule: attending_type, schedule_link = booking link,
booking link, accepting    notes = accepting new clients (Rooted keeps no opening hours)
fee_min, fee_max,          cost_option in USD, one each (a `details` attribute on each
sliding_scale_min, free    says which), and fees_description as plain text
insurance, identities,     attributes linking the service to terms of Rooted's published
specialties, approaches,   taxonomies (taxonomy.py); link_type says how: identifies_as,
ages, formats, kind        experienced_with, specialty, approach, insurance, age_group,
                           format, kind, community_type
ages                       also minimum_age / maximum_age and eligibility_description
licence                    service.licenses (text) + `details` attributes licence-type,
                           -number, -state, -verified (the date, not the curator)
last_confirmed_at          service.assured_date (date) and the `last-confirmed` detail;
                           last_modified = the later of the last edit and confirmation
texts in every language    `details` attributes about-<lang>, approach-<lang>
pronouns, credentials,     `details` attributes with the value
slug, payment options,
source
=========================  ==============================================================

Modules: ids (stable ids), taxonomy (the published taxonomies), serialize (objects)
and parts (their pieces), selectors (API queries), openapi (the API description),
schemas (validation against the official schemas), export and tabular (bulk export,
CSV data package), importer (import from HSDS: reading gathers the files' services,
parsing and linking read each into Listing values). The API under /api/hsds/ is
views and urls, with bulk for its NDJSON answers. SAMHSA is providers/samhsa.py.

On import, anything HSDS says that this table cannot hold (opening hours, funding,
contacts, programmes, non-US places, costs in other currencies...) is reported per
record. A listing exported by Rooted and imported into another Rooted comes back the
same, ids included.
"""
