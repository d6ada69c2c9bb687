"""Machine-readable files published next to the notice.

* ``/.well-known/gpc.json``: the Global Privacy Control support resource
  (``{"gpc": true|false, "lastUpdate": "YYYY-MM-DD"}``, GPC spec section "Well-known resource").
* ``/inventory.json``: the whole inventory as JSON (the same data the pages come from).
* ``/dpv.jsonld``: the processing described in W3C Data Privacy Vocabulary terms, as JSON-LD.
  The DPV version is pinned in :data:`DPV_VERSION`; terms are checked against that release.

Everything here is plain data: the same inventory gives byte-identical files (sorted where the
inventory has no order of its own, no clock). No MkDocs imports.
"""

from __future__ import annotations

import json

from generator.inventory.fields import Text, period_days, period_parts
from generator.inventory.model import Inventory

#: The DPV release the JSON-LD uses. Namespaces are the stable ones; the release is named with
#: ``dct:conformsTo`` so a reader knows which term list to check against.
DPV_VERSION = "2.1"
DPV_RELEASE = f"https://w3id.org/dpv/{DPV_VERSION}"

GPC_PATH = ".well-known/gpc.json"
INVENTORY_PATH = "inventory.json"
DPV_PATH = "dpv.jsonld"

CONTEXT = {
    "dpv": "https://w3id.org/dpv#",
    "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
    "loc": "https://w3id.org/dpv/loc#",
    "dct": "http://purl.org/dc/terms/",
    "time": "http://www.w3.org/2006/time#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
}

#: GDPR Art. 6(1) bases: the DPV core concept and the EU GDPR extension's article concept.
LEGAL_BASIS = {
    "consent": ("dpv:Consent", "eu-gdpr:A6-1-a"),
    "contract": ("dpv:Contract", "eu-gdpr:A6-1-b"),
    "legal_obligation": ("dpv:LegalObligation", "eu-gdpr:A6-1-c"),
    "vital_interests": ("dpv:VitalInterest", "eu-gdpr:A6-1-d"),
    "public_task": ("dpv:PublicInterest", "eu-gdpr:A6-1-e"),
    "legitimate_interests": ("dpv:LegitimateInterest", "eu-gdpr:A6-1-f"),
    "recognised_legitimate_interest": ("dpv:LegitimateInterest", None),  # UK GDPR Art. 6(1)(ea): no EU GDPR concept
}

#: GDPR Art. 9(2) conditions in the EU GDPR extension.
SPECIAL_BASIS = {
    "explicit_consent": "eu-gdpr:A9-2-a",
    "employment_social_security": "eu-gdpr:A9-2-b",
    "vital_interests": "eu-gdpr:A9-2-c",
    "not_for_profit_body": "eu-gdpr:A9-2-d",
    "made_public_by_person": "eu-gdpr:A9-2-e",
    "legal_claims": "eu-gdpr:A9-2-f",
    "substantial_public_interest": "eu-gdpr:A9-2-g",
    "health_or_social_care": "eu-gdpr:A9-2-h",
    "public_health": "eu-gdpr:A9-2-i",
    "archiving_research_statistics": "eu-gdpr:A9-2-j",
}

#: Party roles -> DPV entity classes.
ROLE = {
    "controller": "dpv:DataController",
    "joint_controller": "dpv:JointDataControllers",
    "processor": "dpv:DataProcessor",
    "service_provider": "dpv:DataProcessor",
    "contractor": "dpv:DataProcessor",
    "third_party": "dpv:ThirdParty",
    "public_authority": "dpv:GovernmentalOrganisation",
}

#: Where data comes from -> DPV data source concepts.
SOURCE = {
    "you": "dpv:DataSubjectDataSource",
    "your_device": "dpv:DataSubjectDataSource",
    "inferred": "dpv:DataControllerDataSource",
    "public_sources": "dpv:PublicDataSource",
}

_UNITS = {"day": "time:unitDay", "week": "time:unitWeek", "month": "time:unitMonth", "year": "time:unitYear"}


def dumps(data) -> bytes:
    """Stable JSON bytes: UTF-8, two-space indent, newline at the end."""
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def gpc(inv: Inventory) -> dict:
    """The GPC well-known resource: whether we honor the signal, and when that last changed."""
    return {"gpc": bool(inv.controls.global_privacy_control), "lastUpdate": inv.notice.effective_date.isoformat()}


def inventory_json(inv: Inventory) -> dict:
    """The inventory as plain JSON data (language maps stay maps)."""
    return inv.model_dump(mode="json", exclude_none=True)


def _lit(text: Text | str | None, lang: str | None):
    """A Text as a JSON-LD value: language-tagged strings (one per language for a map)."""
    if text is None:
        return None
    if isinstance(text, Text):
        if text.is_map:
            return [{"@value": v, "@language": k} for k, v in text.values.items()]
        value = text.get()
    else:
        value = str(text)
    return {"@value": value, "@language": lang} if lang else value


def _duration(period: str) -> dict:
    n, unit = period_parts(period)
    return {
        "@type": ["dpv:Duration", "time:Duration"],
        "time:numericDuration": {"@value": str(n), "@type": "xsd:decimal"},
        "time:unitType": {"@id": _UNITS[unit]},
    }


def dpv(inv: Inventory, base: str = "") -> dict:
    """The inventory in W3C DPV terms: one ``dpv:Process`` per purpose, with its personal data,
    legal basis, recipients, storage durations and the security measures."""
    lang = inv.notice.languages[0] if len(inv.notice.languages) == 1 else None
    org = inv.organization
    controller_id = f"{base}#controller"

    def data_id(d) -> str:
        return f"{base}#data-{d.id}"

    def retention_id(d) -> str:
        return f"{base}#retention-{d.id}"

    def party_id(p) -> str:
        return f"{base}#party-{p.id}"

    graph: list[dict] = []
    controller = {
        "@id": controller_id,
        "@type": "dpv:DataController",
        "schema:name": _lit(org.legal_name or org.name, lang),
        "schema:address": _lit(org.address, lang),
        "schema:email": org.contact_email,
    }
    if org.website:
        controller["schema:url"] = org.website
    if org.dpo is not None:
        dpo = {"@type": "dpv:DataProtectionOfficer"}
        if org.dpo.name:
            dpo["schema:name"] = _lit(org.dpo.name, lang)
        if org.dpo.email:
            dpo["schema:email"] = org.dpo.email
        controller["dpv:hasDataProtectionOfficer"] = dpo
    if org.representatives:
        controller["dpv:hasRepresentative"] = [
            {
                "@type": "dpv:Representative",
                "schema:name": _lit(r.name, lang),
                "dpv:hasJurisdiction": {"@id": "loc:EU" if r.region.value == "EU" else "loc:GB"},
            }
            for r in org.representatives
        ]
    graph.append(controller)

    measures = []
    if inv.security is not None:
        for i, m in enumerate(inv.security.measures):
            measures.append(
                {"@id": f"{base}#measure-{i + 1}", "@type": "dpv:TechnicalOrganisationalMeasure", "dct:description": _lit(m, lang)}
            )
    graph.extend(measures)

    for p in inv.parties:
        node = {
            "@id": party_id(p),
            "@type": ROLE.get(p.role.value, "dpv:Recipient"),
            "schema:name": _lit(p.name, lang),
            "dpv:hasLocation": [{"@id": f"loc:{c}"} for c in p.all_countries],
        }
        if p.purpose:
            node["dct:description"] = _lit(p.purpose, lang)
        if p.privacy_policy:
            node["dpv:hasPolicy"] = {"@id": p.privacy_policy}
        graph.append(node)

    for d in inv.data:
        types = ["dpv:PersonalData"]
        if d.sensitive:
            types.append("dpv:SensitivePersonalData")
        if d.inferred_from:
            types.append("dpv:InferredPersonalData")
        node = {"@id": data_id(d), "@type": types, "dct:title": _lit(d.name, lang)}
        if d.examples:
            node["dct:description"] = [v for e in d.examples for v in _as_list(_lit(e, lang))]
        sources = []
        for s in d.sources:
            if s in SOURCE:
                sources.append({"@id": SOURCE[s]})
            else:
                sources.append({"@id": f"{base}#party-{s}"})
        node["dpv:hasDataSource"] = sources
        if d.inferred_from:
            node["dct:source"] = [{"@id": f"{base}#data-{i}"} for i in d.inferred_from]
        graph.append(node)
        storage = {"@id": retention_id(d), "@type": "dpv:StorageDuration", "dct:subject": {"@id": data_id(d)}}
        if d.retention.period:
            storage["dpv:hasDuration"] = _duration(d.retention.period)
            storage["dct:extent"] = {"@value": str(period_days(d.retention.period)), "@type": "xsd:integer"}
        if d.retention.criteria:
            storage["dct:description"] = _lit(d.retention.criteria, lang)
        if d.retention.after:
            storage["dct:temporal"] = _lit(d.retention.after, lang)
        if d.retention.reason:
            storage["skos:scopeNote"] = _lit(d.retention.reason, lang)
        graph.append(storage)

    for purpose in inv.purposes:
        proc = {
            "@id": f"{base}#process-{purpose.id}",
            "@type": "dpv:Process",
            "dct:title": _lit(purpose.name, lang),
            "dpv:hasDataController": {"@id": controller_id},
            "dpv:hasPurpose": {
                "@id": f"{base}#purpose-{purpose.id}",
                "@type": "dpv:Purpose",
                "dct:title": _lit(purpose.name, lang),
            },
            "dpv:hasPersonalData": [{"@id": data_id(d)} for d in purpose.data_items],
        }
        if purpose.description:
            proc["dpv:hasPurpose"]["dct:description"] = _lit(purpose.description, lang)
        bases = []
        if purpose.legal_basis is not None:
            core, article = LEGAL_BASIS[purpose.legal_basis.value]
            bases += ([{"@id": article}] if article else []) + [{"@id": core}]
        for d in purpose.data_items:
            if d.sensitive and d.special_category_basis is not None:
                ref = {"@id": SPECIAL_BASIS[d.special_category_basis.value]}
                if ref not in bases:
                    bases.append(ref)
        if bases:
            proc["dpv:hasLegalBasis"] = bases
        if purpose.legitimate_interest:
            proc["dpv:hasLegitimateInterest"] = {
                "@type": "dpv:LegitimateInterestOfController",
                "dct:description": _lit(purpose.legitimate_interest, lang),
            }
        recipients = []
        for d in purpose.data_items:
            for p in d.recipients:
                ref = {"@id": party_id(p)}
                if ref not in recipients:
                    recipients.append(ref)
        if recipients:
            proc["dpv:hasRecipient"] = recipients
        proc["dpv:hasStorageCondition"] = [{"@id": retention_id(d)} for d in purpose.data_items]
        if purpose.profiling:
            proc["dpv:hasProcessing"] = {"@id": "dpv:Profiling"}
        if purpose.automated_decision is not None:
            proc["dpv:hasContext"] = {
                "@type": "dpv:AutomatedDecisionMaking",
                "dct:description": _lit(purpose.automated_decision.what, lang),
            }
        if measures:
            proc["dpv:hasTechnicalOrganisationalMeasure"] = [{"@id": m["@id"]} for m in measures]
        graph.append(proc)

    return {
        "@context": CONTEXT,
        "@id": f"{base}#notice",
        "dct:title": _lit(inv.notice.title, lang),
        "dct:modified": {"@value": inv.notice.effective_date.isoformat(), "@type": "xsd:date"},
        "dct:conformsTo": {"@id": DPV_RELEASE},
        "@graph": graph,
    }


def _as_list(value):
    return value if isinstance(value, list) else [value]


def files(inv: Inventory) -> dict[str, bytes]:
    """Every machine-readable file, path (relative to the site root) -> bytes."""
    return {
        GPC_PATH: dumps(gpc(inv)),
        INVENTORY_PATH: dumps(inventory_json(inv)),
        DPV_PATH: dumps(dpv(inv)),
    }
