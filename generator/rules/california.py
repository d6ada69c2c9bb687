"""Rules of California: the CCPA as amended by the CPRA (Cal. Civ. Code 1798.100 ff.) and its
regulations (11 CCR 7000 ff.), and Cal. Bus. & Prof. Code 22575 (Do Not Track)."""

from __future__ import annotations

from typing import Iterator

from generator.rules.engine import Hit, Rule, and_list, ca, first_written, jurisdiction_path, rule

RULES: list[Rule] = []


def _ca_sensitive(d) -> bool:
    """Sensitive personal information under CCPA 1798.140(ae)."""
    return d.sensitive or (d.ccpa_category is not None and d.ccpa_category.value == "sensitive_personal_information")


def _sold_or_shared(inv) -> list:
    return [d for d in inv.data if d.sold or d.shared_for_ads]


@rule(
    RULES,
    "ca.category",
    ca("Cal. Civ. Code 1798.110(c), 1798.130(a)(5); 11 CCR 7011(e)"),
    "the CCPA category of each kind of personal information",
    "add 'ccpa_category:' (e.g. identifiers, commercial_information, internet_activity)",
)
def _ca_category(inv) -> Iterator[Hit]:
    for i, d in enumerate(inv.data):
        if d.ccpa_category is None:
            yield Hit(("data", i), f"data '{d.id}' has no CCPA category")


@rule(
    RULES,
    "ca.sold_shared_stated",
    ca("Cal. Civ. Code 1798.100(a)(1), 1798.115(c), 1798.130(a)(5); 11 CCR 7011(e)"),
    "whether each category is sold or shared for cross-context behavioral advertising",
    "add 'sold: false' or 'sold: true', and 'shared_for_ads: false' or 'shared_for_ads: true'",
)
def _ca_sold_stated(inv) -> Iterator[Hit]:
    for i, d in enumerate(inv.data):
        missing = [k for k in ("sold", "shared_for_ads") if getattr(d, k) is None]
        if missing:
            yield Hit(("data", i), f"data '{d.id}' does not say whether it is {' or '.join(m.replace('_for_ads', ' for ads') for m in missing)}")


@rule(
    RULES,
    "ca.sale_recipients",
    ca("Cal. Civ. Code 1798.110(c), 1798.115(c), 1798.130(a)(5); 11 CCR 7011(e)"),
    "the categories of third parties to whom data is sold or shared",
    "list the parties in 'sold_to' / 'shared_for_ads_with'",
)
def _ca_sale_recipients(inv) -> Iterator[Hit]:
    for i, d in enumerate(inv.data):
        if d.sold and not d.sold_to:
            yield Hit(("data", i, "sold"), f"data '{d.id}' is sold but 'sold_to' names no party")
        if d.shared_for_ads and not d.shared_for_ads_with:
            yield Hit(("data", i, "shared_for_ads"), f"data '{d.id}' is shared for ads but 'shared_for_ads_with' names no party")
        if d.sold_to and not d.sold:
            yield Hit(
                ("data", i, "sold_to"),
                f"data '{d.id}' lists parties in 'sold_to' but does not say 'sold: true'",
                "set 'sold: true', or empty 'sold_to'",
            )
        if d.shared_for_ads_with and not d.shared_for_ads:
            yield Hit(
                ("data", i, "shared_for_ads_with"),
                f"data '{d.id}' lists parties in 'shared_for_ads_with' but does not say 'shared_for_ads: true'",
                "set 'shared_for_ads: true', or empty 'shared_for_ads_with'",
            )


@rule(
    RULES,
    "ca.opt_out_link",
    ca("Cal. Civ. Code 1798.120, 1798.135(a); 11 CCR 7013"),
    "the 'Do Not Sell or Share My Personal Information' link, where data is sold or shared",
    "add controls.opt_out_url: the page where people opt out of sale and sharing",
)
def _ca_opt_out(inv) -> Iterator[Hit]:
    """1798.135(b) lets a business that honours opt-out preference signals frictionlessly skip the
    link, on conditions the inventory cannot show, so the link is asked for whenever data is sold or shared."""
    sold = _sold_or_shared(inv)
    if sold and inv.controls.opt_out_url is None:
        i = inv.data.index(sold[0])
        yield Hit(
            ("data", i, "sold" if sold[0].sold else "shared_for_ads"),
            f"you sell or share {and_list([repr(d.id) for d in sold])} but give no opt-out link",
        )


@rule(
    RULES,
    "ca.gpc_honoured",
    ca("11 CCR 7025(b)"),
    "a business that sells or shares treats opt-out preference signals (Global Privacy Control) as an opt-out",
    "set controls.global_privacy_control: true and honour the Sec-GPC header",
)
def _ca_gpc_required(inv) -> Iterator[Hit]:
    if _sold_or_shared(inv) and not inv.controls.global_privacy_control:
        yield Hit(
            first_written(inv, ("controls", "global_privacy_control"), ("controls",), jurisdiction_path(inv, "us_ca")),
            "you sell or share personal information but do not treat Global Privacy Control as an opt-out",
        )


@rule(
    RULES,
    "ca.gpc_statement",
    ca("11 CCR 7011(e), 7025"),
    "how opt-out preference signals such as Global Privacy Control are handled",
    "set controls.global_privacy_control: true, or say how you handle the signal in controls.gpc_statement",
)
def _ca_gpc(inv) -> Iterator[Hit]:
    c = inv.controls
    if not c.global_privacy_control and c.gpc_statement is None:
        yield Hit(
            first_written(inv, ("controls", "global_privacy_control"), ("controls",), jurisdiction_path(inv, "us_ca")),
            "the inventory does not say how you handle Global Privacy Control signals",
        )


@rule(
    RULES,
    "ca.sensitive_use_stated",
    ca("Cal. Civ. Code 1798.121; 11 CCR 7011(e)(1)(K), 7014(g)"),
    "whether sensitive personal information is used for more than the purposes 11 CCR 7027(m) permits",
    "add 'sensitive_use_limited: true' if you use it only for the purposes 11 CCR 7027(m) lists, else 'sensitive_use_limited: false'",
)
def _ca_sensitive_stated(inv) -> Iterator[Hit]:
    for i, d in enumerate(inv.data):
        if _ca_sensitive(d) and d.sensitive_use_limited is None:
            yield Hit(
                first_written(inv, ("data", i, "sensitive"), ("data", i, "ccpa_category"), ("data", i)),
                f"data '{d.id}' is sensitive personal information, but the inventory does not say whether you use it only for the permitted purposes",
            )


@rule(
    RULES,
    "ca.under_16",
    ca("Cal. Civ. Code 1798.120(c); 11 CCR 7011(e)(1)(G)"),
    "whether the business knowingly sells or shares personal information of consumers under 16",
    "add 'sells_or_shares_under_16: false' (or true) under children",
)
def _ca_under_16(inv) -> Iterator[Hit]:
    children = inv.children
    if children is None or children.sells_or_shares_under_16 is None:
        yield Hit(
            first_written(inv, ("children",), jurisdiction_path(inv, "us_ca")),
            "the inventory does not say whether you sell or share personal information of consumers you know are under 16",
        )


@rule(
    RULES,
    "ca.limit_sensitive",
    ca("Cal. Civ. Code 1798.121, 1798.135(a); 11 CCR 7014, 7027(m)"),
    "the 'Limit the Use of My Sensitive Personal Information' link, where sensitive data is used beyond the permitted purposes",
    "add controls.limit_sensitive_url, or set 'sensitive_use_limited: true' if you use the data only for the purposes 11 CCR 7027(m) lists",
)
def _ca_limit(inv) -> Iterator[Hit]:
    if inv.controls.limit_sensitive_url is not None:
        return
    for i, d in enumerate(inv.data):
        if _ca_sensitive(d) and d.sensitive_use_limited is False:
            yield Hit(
                first_written(inv, ("data", i, "sensitive_use_limited"), ("data", i)),
                f"data '{d.id}' is sensitive personal information used beyond the permitted purposes, and there is no 'Limit the Use' link",
            )


@rule(
    RULES,
    "ca.request_methods",
    ca("Cal. Civ. Code 1798.130(a)(1)(A); 11 CCR 7020"),
    "at least two ways to send requests, one a toll-free number; an e-mail address is enough for a business that operates only online",
    "add methods under requests",
)
def _ca_methods(inv) -> Iterator[Hit]:
    """1798.130(a)(1)(A): two or more designated methods, including at a minimum a toll-free
    telephone number; a business that operates exclusively online and has a direct relationship
    with the consumer needs only an e-mail address.

    Reading used here: ``requests.online_only: true`` -> an e-mail method is required and enough.
    ``online_only: false`` -> two or more methods, one a toll-free phone. Left out -> the business
    is taken to be online-only when it offers no offline channel (no phone or post method), as an
    app or web service with web, e-mail and in-app methods does; offering a phone or post method
    signals offline dealings, and the toll-free number is then required. Set ``online_only``
    explicitly to override the inference.

    Whether a number is toll-free is read from the number (:mod:`generator.inventory.phones`, with
    libphonenumber's data): ``toll_free: true`` on a number that is not toll-free is a finding here,
    and ``toll_free: false`` on a toll-free number is kept (the caller may pay on that line).
    """
    req = inv.requests
    if req is None:
        yield Hit(
            jurisdiction_path(inv, "us_ca"),
            "the inventory has no 'requests' section, so the notice cannot say how Californians send requests",
            "add requests.methods (e.g. a web form and an e-mail address)",
        )
        return
    for i, m in enumerate(req.methods):
        facts = m._phone
        if facts is not None and facts.toll_free_written and facts.kind != "TOLL_FREE":
            yield Hit(
                ("requests", "methods", i, "toll_free"),
                f"{m.number} is {facts.words}, not a toll-free number, but the method says 'toll_free: true'",
                "give your toll-free number, or remove 'toll_free: true' (the notice would call the number free)",
            )
    kinds = [m.kind.value for m in req.methods]
    online = req.online_only
    if online is None:
        online = not any(k in ("phone", "post") for k in kinds)
    if online:
        if "email" not in kinds:
            yield Hit(
                ("requests", "methods"),
                "a business that operates only online must offer an e-mail address for requests",
                "add '{kind: email, address: privacy@example.com}' to requests.methods",
            )
        return
    if len(kinds) < 2:
        yield Hit(
            ("requests", "methods"),
            f"requests offer {len(kinds)} method; California asks for at least two",
            "add a second method, e.g. a web form or an e-mail address",
        )
    if not any(m.kind.value == "phone" and m.toll_free for m in req.methods):
        phones = [i for i, m in enumerate(req.methods) if m.kind.value == "phone"]
        path = ("requests", "methods", phones[0]) if phones else ("requests", "methods")
        yield Hit(
            path,
            "a business that also deals with people offline must offer a toll-free phone number for requests",
            "add a toll-free number ('{kind: phone, number: +1 800 ...}') to requests.methods, or set requests.online_only: true if you operate only online",
        )


@rule(
    RULES,
    "ca.website_requests",
    ca("Cal. Civ. Code 1798.130(a)(1)(B)"),
    "a business with a website lets people send requests through it",
    "add '{kind: web, url: https://...}' to requests.methods",
)
def _ca_web(inv) -> Iterator[Hit]:
    req = inv.requests
    if req is None or inv.organization.website is None:
        return
    if not any(m.kind.value == "web" for m in req.methods):
        yield Hit(("requests", "methods"), "you have a website but offer no web form for requests")


@rule(
    RULES,
    "ca.verification",
    ca("11 CCR 7011(e), 7060"),
    "how requests are verified",
    "add requests.verification: how you check who is asking, in one or two plain sentences",
)
def _ca_verification(inv) -> Iterator[Hit]:
    if inv.requests is not None and inv.requests.verification is None:
        yield Hit(("requests",), "the inventory does not say how you verify requests")


@rule(
    RULES,
    "ca.do_not_track",
    ca("Cal. Bus. & Prof. Code 22575(b)(5)"),
    "how the site responds to Do Not Track signals",
    "add controls.do_not_track: what your site does when a browser sends Do Not Track",
)
def _ca_dnt(inv) -> Iterator[Hit]:
    if inv.controls.do_not_track is None:
        yield Hit(
            first_written(inv, ("controls",), jurisdiction_path(inv, "us_ca")),
            "the inventory does not say how your site responds to Do Not Track",
        )


@rule(
    RULES,
    "ca.effective_date",
    ca("Cal. Civ. Code 1798.130(a)(5); 11 CCR 7011(e)(4)"),
    "the date the notice was last updated",
    "set notice.effective_date to the date of the newest change, or correct the change's date",
)
def _ca_date(inv) -> Iterator[Hit]:
    eff = inv.notice.effective_date
    for i, ch in enumerate(inv.changes):
        if ch.date > eff:
            yield Hit(
                ("changes", i, "date"),
                f"a change is dated {ch.date.isoformat()}, after the notice's effective date {eff.isoformat()}, so 'last updated' would be wrong",
            )


@rule(
    RULES,
    "ca.sensitive_kind",
    ca("Cal. Civ. Code 1798.140(ae); 11 CCR 7011(e)(1)(A)"),
    "which kind of sensitive personal information each sensitive entry is, by the statute's terms",
    "add 'ccpa_sensitive:' (e.g. precise_geolocation, health, account_access, government_id)",
)
def _ca_sensitive_kind(inv) -> Iterator[Hit]:
    for i, d in enumerate(inv.data):
        if d.ca_sensitive and d.ccpa_sensitive is None:
            yield Hit(
                first_written(inv, ("data", i, "sensitive"), ("data", i, "ccpa_category"), ("data", i)),
                f"data '{d.id}' is sensitive personal information, but the inventory does not say which kind of 1798.140(ae) it is",
            )


#: 11 CCR 7016(d): the facts of a notice of financial incentive, as inventory fields.
INCENTIVE_FIELDS = {
    "summary": "7016(d)(1) a summary",
    "material_terms": "7016(d)(2) the material terms",
    "data": "7016(d)(2) the data it uses",
    "opt_in": "7016(d)(3) how to opt in",
    "withdraw": "7016(d)(4) how to withdraw",
    "value": "7016(d)(5)(A) the good-faith estimate of the data's value",
    "value_method": "7016(d)(5)(B) how the value was calculated",
}


@rule(
    RULES,
    "ca.financial_incentive",
    ca("Cal. Civ. Code 1798.125(b); 11 CCR 7016(d), 7080(b)"),
    "for each financial incentive: a summary, its material terms and the data it uses, how to opt in and to withdraw, and the data's value with how it was calculated",
    "add the missing fields to the program under notice.financial_incentives",
)
def _ca_incentive(inv) -> Iterator[Hit]:
    for i, f in enumerate(inv.notice.financial_incentives):
        missing = [what for key, what in INCENTIVE_FIELDS.items() if not getattr(f, key)]
        if not f.name:
            missing.insert(0, "a name")
        if missing:
            label = f"'{f.name}'" if f.name else f"number {i + 1}"
            yield Hit(
                ("notice", "financial_incentives", i),
                f"financial incentive {label} does not give {and_list(missing)}",
                "add " + ", ".join(["name"] * (not f.name) + [k for k in INCENTIVE_FIELDS if not getattr(f, k)]),
            )


@rule(
    RULES,
    "ca.limited_but_sold",
    ca("Cal. Civ. Code 1798.121; 11 CCR 7027(m)"),
    "sensitive personal information used only for the purposes 11 CCR 7027(m) lists is not sold or shared: no purpose there allows that",
    "set 'sensitive_use_limited: false' for it (and give controls.limit_sensitive_url), or stop selling or sharing it",
)
def _ca_limited_but_sold(inv) -> Iterator[Hit]:
    """None of the eight purposes of 11 CCR 7027(m) is selling or sharing: the advertising one, (m)(5),
    allows only short-term, non-personalized ads "provided that the personal information is not
    disclosed to another third party". With ``sensitive_use_limited: true`` the notice would say the data
    is used only for those purposes, next to "Sold or shared: yes", and leave out the right to limit.
    Not weighed: 7027(m)(8) and Civ. Code 1798.121(d) (data processed without the purpose of inferring
    characteristics); the format has no field for that purpose."""
    for i, d in enumerate(inv.data):
        if _ca_sensitive(d) and d.sensitive_use_limited is True and (d.sold or d.shared_for_ads or d.sold_to or d.shared_for_ads_with):
            yield Hit(
                first_written(inv, ("data", i, "sensitive_use_limited"), ("data", i)),
                f"data '{d.id}' is sensitive personal information that is sold or shared, so it is not used only for the purposes 11 CCR 7027(m) lists",
            )


@rule(
    RULES,
    "ca.gpc_scope",
    ca("11 CCR 7011(e)(3)(F), 7025(c)(1)"),
    "what an opt-out preference signal applies to: the browser, the device, the account, offline sales",
    "set controls.gpc_applies_to to what the signal opts out: browser or device, and account, e.g. [browser, device, account]",
)
def _ca_gpc_scope(inv) -> Iterator[Hit]:
    """7025(c)(1): the signal is a valid opt-out request for the browser or device and any profile
    linked to it (and, if known, for the consumer); the notice states that coverage."""
    c = inv.controls
    if c.global_privacy_control and not c.gpc_applies_to:
        yield Hit(("controls", "global_privacy_control"), "you honour Global Privacy Control, but the inventory does not say what the signal opts out (browser, device, account, offline sales)")
    elif c.global_privacy_control:
        scope = {s.value for s in c.gpc_applies_to}
        short = ([] if scope & {"browser", "device"} else ["the browser or device that sends it (browser, device)"]) + (
            [] if "account" in scope else ["the person, when you know who they are (account)"]
        )
        if short:
            yield Hit(
                first_written(inv, ("controls", "gpc_applies_to"), ("controls", "global_privacy_control")),
                f"the signal must also opt out {' and '.join(short)} (11 CCR 7025(c)(1)), but gpc_applies_to does not name {'them' if len(short) > 1 else 'it'}",
            )


@rule(
    RULES,
    "ca.gpc_display",
    ca("11 CCR 7025(c)(6)"),
    "where the site shows that it honoured a person's opt-out preference signal",
    "add controls.gpc_display: where and how your site shows it, e.g. 'Our privacy settings page shows Opt-out request honored'",
)
def _ca_gpc_display(inv) -> Iterator[Hit]:
    """7025(c)(6) said "may display" in the 2024 text; secondary sources on the text in force from
    1 January 2026 quote "must display" (the 2026 text was not read: law notes, C19)."""
    c = inv.controls
    if c.global_privacy_control and c.gpc_display is None:
        yield Hit(("controls", "global_privacy_control"), "you honour Global Privacy Control, but the inventory does not say where your site shows that it did")


@rule(
    RULES,
    "ca.agent_instructions",
    ca("11 CCR 7011(e)(3)(H), 7063"),
    "how an authorized agent makes a request for someone",
    "add requests.agent_instructions: how an agent sends a request and what proof of permission to include",
)
def _ca_agents(inv) -> Iterator[Hit]:
    if inv.requests is not None and inv.requests.agent_instructions is None:
        yield Hit(("requests",), "the inventory does not say how an authorized agent makes a request")


@rule(
    RULES,
    "ca.under_16_process",
    ca("11 CCR 7011(e)(3)(I), 7070, 7071, 7072(a)"),
    "how consumers under 16 (and parents of children under 13) opt in to the sale or sharing of their data",
    "add children.opt_in_process: how people aged 13 to 15 opt in, and, if you allow children under 13, how a parent or guardian opts in for them",
)
def _ca_under_16_process(inv) -> Iterator[Hit]:
    ch = inv.children
    if ch is not None and ch.sells_or_shares_under_16 and ch.opt_in_process is None:
        yield Hit(("children", "sells_or_shares_under_16"), "you sell or share personal information of consumers under 16, but the inventory does not describe the opt-in process")


@rule(
    RULES,
    "ca.under_16_without_selling",
    ca("Cal. Civ. Code 1798.115(c), 1798.120(c); 11 CCR 7011(e)(1)(D), (G)"),
    "a business that sells or shares the personal information of consumers under 16 sells or shares some personal information",
    "set children.sells_or_shares_under_16: false, or mark the data you sell or share ('sold: true' / 'shared_for_ads: true')",
)
def _ca_under_16_without_selling(inv) -> Iterator[Hit]:
    """The notice would say both "we do not sell or share your personal information" and "we sell or
    share the personal information of people under 16 only if they opt in"."""
    ch = inv.children
    if ch is not None and ch.sells_or_shares_under_16 and not _sold_or_shared(inv):
        yield Hit(("children", "sells_or_shares_under_16"), "you sell or share personal information of consumers under 16, but no data is marked as sold or shared")


@rule(
    RULES,
    "ca.role_of_buyer",
    ca("Cal. Civ. Code 1798.140(ad), (ah), (ai), (ag), (j)"),
    "a party that data is sold to or shared with for cross-context ads is a third party, not a service provider or contractor",
    "set the party's role and ccpa_role (if given) to third_party, or remove it from sold_to / shared_for_ads_with",
)
def _ca_role_of_buyer(inv) -> Iterator[Hit]:
    """Either field naming a role that works for the business contradicts a sale or sharing: the notice
    would call the party "working for us" in one place and a third party in another. ``role`` does so
    when it is a CCPA word (service_provider, contractor), or a GDPR processor in a notice no GDPR
    applies to (then only the CCPA reading, a service provider, is left). Where GDPR applies too, a
    processor under GDPR can still be a third party under the CCPA: both words are printed, each
    under its law."""
    working = {"service_provider", "contractor"} | ({"processor"} if not inv.jurisdiction_set & {"eu_gdpr", "uk_gdpr"} else set())
    for i, p in enumerate(inv.parties):
        if not any(r.sold or r.ads for r in p.receipts):
            continue
        if p.ccpa_role is not None and p.ccpa_role.value != "third_party":
            yield Hit(("parties", i, "ccpa_role"), f"party '{p.id}' buys data or gets it for cross-context ads, so it cannot be a {p.ccpa_role.value.replace('_', ' ')}")
        elif p.role.value in working:
            yield Hit(("parties", i, "role"), f"party '{p.id}' buys data or gets it for cross-context ads, so it cannot be a {p.role.value.replace('_', ' ')} (role)")
