"""What an HSDS service links to Rooted's taxonomy terms, read into Listing values:
its attributes (vocabularies, kind, interpreters, Rooted's own details), its cost
options (amounts and ways to pay) and its places' accessibility entries."""

from typing import Any

from django.utils.translation import gettext as _

from providers.hsds import taxonomy as tx
from providers.hsds.parsing import HsdsVocabularies, ParsedService, as_text
from providers.models import Listing, ListingLanguage
from providers.moments import parse_moment

JSON = dict[str, Any]


def term_of(attribute: JSON, vocab: HsdsVocabularies) -> tuple[str, str] | None:
    """(taxonomy key, code) of an attribute's term when it is one of Rooted's taxonomies."""
    term_id = attribute.get("taxonomy_term_id") or (attribute.get("taxonomy_term") or {}).get("id")
    known = vocab.index.get(str(term_id or ""))
    if known:
        return known.taxonomy.key, known.code
    term = attribute.get("taxonomy_term") or {}
    taxonomy = tx.TAXONOMIES_BY_ID.get(str(term.get("taxonomy_id") or ""))
    if taxonomy and term.get("code"):
        return taxonomy.key, str(term["code"])
    return None


def parse_costs(service: JSON, vocab: HsdsVocabularies, parsed: ParsedService) -> None:
    fields = parsed.fields
    amounts = []
    for option in service.get("cost_options") or []:
        if _add_fact(option, "option", tx.PAYMENT_METHODS, vocab, parsed):
            continue
        amount = option.get("amount")
        currency = as_text(option.get("currency")).upper() or "USD"
        tagged = [term_of(a, vocab) for a in option.get("attributes") or [] if isinstance(a, dict)]
        code = next((t[1] for t in tagged if t and t[0] == tx.DETAILS.key), "")
        if currency != "USD" or not isinstance(amount, int | float) or amount < 0:
            parsed.not_mapped.append(
                _("cost option '%(option)s' (%(amount)s %(currency)s)")
                % {"option": as_text(option.get("option")), "amount": amount, "currency": currency}
            )
            continue
        if code == "free" or amount == 0:
            fields["free"] = True
        elif code in ("fee-min", "fee-max", "sliding-scale-min"):
            fields[code.replace("-", "_")] = round(amount)
        else:
            amounts.append(round(amount))
    if amounts:
        fields.setdefault("fee_min", min(amounts))
        fields.setdefault("fee_max", max(amounts))


def _vocabulary_fact(
    obj: JSON,
    text_key: str,
    taxonomy: tx.Taxonomy,
    vocab: HsdsVocabularies,
    *,
    by_text: bool,
) -> Any:
    """The term a cost option or an accessibility entry stands for: the term its
    attribute links, else (not from Rooted, which links every one) the term its text
    names in English."""
    terms = vocab.terms[taxonomy.field]
    for attribute in obj.get("attributes") or []:
        known = term_of(attribute, vocab) if isinstance(attribute, dict) else None
        if known and known[0] == taxonomy.key and known[1] in terms:
            return terms[known[1]]
    text = as_text(obj.get(text_key)).lower().rstrip(".") if by_text else ""
    return next(
        (
            term
            for term in terms.values()
            if text and text == str(getattr(term, "name_en", "") or term.name).lower()
        ),
        None,
    )


def _add_fact(
    obj: JSON,
    text_key: str,
    taxonomy: tx.Taxonomy,
    vocab: HsdsVocabularies,
    parsed: ParsedService,
) -> bool:
    """Add the term a cost option or an accessibility entry stands for, once; False
    when it stands for none."""
    term = _vocabulary_fact(obj, text_key, taxonomy, vocab, by_text=not parsed.rooted)
    if term is None:
        return False
    terms = parsed.terms.setdefault(taxonomy.field, [])
    if term not in terms:
        terms.append(term)
    return True


def parse_accessibility(service: JSON, vocab: HsdsVocabularies, parsed: ParsedService) -> None:
    """Accessibility features at any of the service's places, and their note."""
    for sal in service.get("service_at_locations") or []:
        for access in (sal.get("location") or {}).get("accessibility") or []:
            if _add_fact(access, "description", tx.ACCESSIBILITY, vocab, parsed) and as_text(
                access.get("details")
            ):
                parsed.fields.setdefault("accessibility_note", as_text(access["details"])[:200])


def parse_attributes(
    attributes: list[JSON], vocab: HsdsVocabularies, parsed: ParsedService
) -> None:
    fields, note = parsed.fields, parsed.not_mapped.append
    links = {link_type: field_name for link_type, (_t, field_name) in tx.VOCABULARY_LINKS.items()}
    for attribute in attributes:
        known = term_of(attribute, vocab)
        link_type = as_text(attribute.get("link_type"))
        value = as_text(attribute.get("value"))
        if known is None:
            term = attribute.get("taxonomy_term") or {}
            note(
                _("attribute '%(term)s'")
                % {"term": as_text(term.get("name")) or as_text(attribute.get("taxonomy_term_id"))}
            )
            continue
        key, code = known
        if link_type == tx.KIND_LINK and code in Listing.Kind.values:
            fields["kind"] = code
        elif link_type == tx.COMMUNITY_TYPE_LINK and code in Listing.CommunityType.values:
            fields["community_type"] = code
        elif link_type in links:
            field_name = links[link_type]
            term = vocab.terms[field_name].get(code)
            if term is None:
                note(
                    _("term '%(code)s' linked as %(link)s is not in the vocabulary")
                    % {"link": link_type, "code": code}
                )
            else:
                parsed.terms.setdefault(field_name, []).append(term)
        elif link_type == tx.INTERPRETER_LINK:
            language = vocab.language(code)
            if language is None:
                note(_("interpreter language '%(code)s' (not in the vocabulary)") % {"code": code})
            else:
                parsed.languages.setdefault(
                    language.pk, (language, ListingLanguage.Offered.INTERPRETER)
                )
        elif key == tx.DETAILS.key:
            _apply_detail(code, value, fields)
        else:
            note(_("attribute '%(code)s'") % {"code": code})


def _apply_detail(code: str, value: str, fields: dict[str, Any]) -> None:
    if code in tx.TEXT_DETAILS:
        fields[tx.TEXT_DETAILS[code]] = value
    elif code in tx.BOOLEAN_DETAILS:
        fields[tx.BOOLEAN_DETAILS[code]] = value.lower() == "true"
    elif code == "licence-verified":
        fields["licence_verified_at"] = parse_moment(value)
    elif code == "last-confirmed":
        fields["last_confirmed_at"] = parse_moment(value)
    else:
        for field_name in tx.TRANSLATED_DETAILS:
            prefix = tx.translated_detail_code(field_name, "")
            if code.startswith(prefix):
                fields[f"{field_name}_{code.removeprefix(prefix).replace('-', '_')}"] = value
