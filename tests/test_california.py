"""California (issue 16, items 1, 2, 6 and 7 for us_ca): each right, role and notice as the rendered
sentence reads, on every fixture company that covers us_ca (us_saas, us_ca_stores, p2p_marketplace,
big_health_app and the frozen reference).

Citations are Cal. Civ. Code 1798.100 ff. and 11 CCR 7000 ff.; where the law notes mark a text as
unverified (the 2026 text of 7012(g) and 7025(c)(6)), the templates cite the section.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from conftest import ALL_FIXTURES, variant
from generator.inventory.load import load_text
from generator.inventory.parse import load_inventory, parse
from generator.notice.checklist import find_section
from generator.notice.render import render

CA = ["reference", "us_saas", "us_ca_stores", "p2p_marketplace", "big_health_app"]


@lru_cache(maxsize=None)
def _fixture(name: str):
    inv = load_inventory(ALL_FIXTURES[name])
    return inv, render(inv)


def _notice(name: str) -> str:
    return _fixture(name)[1].pages["notice.md"].markdown


def _section(md: str, anchor: str) -> str:
    found = find_section(md, anchor)
    assert found is not None, anchor
    return md[found[0] : found[1]]


def _render(text: str):
    inv = parse(load_text(text, "inv.yml"))
    return inv, render(inv)


def _sells(inv) -> bool:
    return any(d.sold or d.shared_for_ads for d in inv.data)


# --- item 1: the rights, each as 11 CCR 7011(e)(2) gives it, conditioned on the inventory ------------


@pytest.mark.parametrize("name", CA)
def test_know_delete_correct_read_as_the_regulation(name):
    inv, _ = _fixture(name)
    rights = _section(_notice(name), "california-rights")
    # 7011(e)(2)(A): categories, sources, purposes for collecting, selling or sharing, recipients, specific pieces
    assert (
        "You can ask what personal information we collected about you. This covers the categories, where we got it, "
        "why we collect, sell or share it, who we disclose it to, and the specific pieces." in rights
    )
    # 1798.115(a): what was sold or shared and to whom, only for a business that sells or shares
    assert ("You can also ask what we sold or shared and to whom." in rights) == _sells(inv)
    assert "You can ask us to delete personal information we collected from you. The law lists exceptions" in rights
    assert "You can ask us to correct inaccurate personal information we keep about you." in rights


@pytest.mark.parametrize("name", CA)
def test_opt_out_right_per_fixture(name):
    inv, _ = _fixture(name)
    text = _section(_notice(name), "right-to-opt-out")
    if _sells(inv):
        link = f"[Do Not Sell or Share My Personal Information]({inv.controls.opt_out_url})"
        assert f"You can tell us not to sell or share your personal information. Use {link}." in text
        assert "You can also send a [Global Privacy Control signal](#gpc)." in text
    else:  # the reference: every entry says sold: false and shared_for_ads: false (7013(g))
        assert "This right lets you tell a business not to sell or share your personal information. We do not sell or share it." in text


@pytest.mark.parametrize("name", CA)
def test_limit_right_follows_sensitive_use_limited(name):
    inv, _ = _fixture(name)
    text = _section(_notice(name), "right-to-limit")
    if any(d.sensitive_use_limited is False for d in inv.data):
        link = f"[Limit the Use of My Sensitive Personal Information]({inv.controls.limit_sensitive_url})"
        assert "You can tell us to limit how we use and disclose your sensitive personal information. After that, we use or disclose it only for what 11 CCR 7027(m) permits" in text
        assert f"Use {link}." in text
    else:  # 7014(g)(1): uses it only for 7027(m), and says so
        assert "We use it only for those purposes." in text and "You can tell us to limit" not in text


def test_no_limit_right_without_sensitive_data():
    text = ALL_FIXTURES["us_saas"].read_text(encoding="utf-8")
    text = text.replace("    ccpa_category: sensitive_personal_information\n    ccpa_sensitive: government_id\n", "    ccpa_category: identifiers\n")
    _, result = _render(text)
    assert find_section(result.pages["notice.md"].markdown, "right-to-limit") is None


@pytest.mark.parametrize("name", CA)
def test_non_discrimination_does_not_contradict_an_incentive(name):
    inv, _ = _fixture(name)
    text = _section(_notice(name), "right-to-non-discrimination")
    assert "We will not treat you differently because you use your rights under the CCPA." in text
    assert "We will not retaliate against you for using these rights" in text  # 7011(e)(2)(F)
    assert "We will not charge you more" not in text  # false with a financial incentive (1798.125(b))
    offers = "The law allows us to offer the programs in [Notice of financial incentive](#ca-incentives), which you join only if you agree."
    assert (offers in text) == bool(inv.notice.financial_incentives)


@pytest.mark.parametrize("name", CA)
def test_agents_and_verification(name):
    inv, _ = _fixture(name)
    notice = _notice(name)
    agents = _section(notice, "ca-agents")
    # 7063(a): "may", never "we ask the agent" as a fact
    assert "We can ask the agent for proof of your signed permission." in agents
    assert "- **How an agent asks:** An agent uses" in agents  # requests.agent_instructions (7011(e)(3)(H))
    verification = _section(notice, "ca-verification")
    assert "A request to opt out or to limit needs no identity check." in verification  # 7026(d), 7027(e)


def test_agent_line_only_when_stated():
    _, result = _render(variant(("  agent_instructions: An agent uses the form in our app or emails us, with the permission you signed.\n", "")))
    assert "How an agent asks" not in result.pages["notice.md"].markdown


# --- item 2: the CCPA's own words for the parties (1798.140(ag), (j), (ai)) ----------------------------


def test_california_only_notice_says_service_provider_contractor_third_party():
    notice = _notice("us_ca_stores")
    assert "- **What they are to us:** Service provider: works for us under a written contract." in _section(notice, "party-cloud")
    assert "- **What they are to us:** Contractor: works for us under a written contract." in _section(notice, "party-analytics-vendor")
    assert "- **What they are to us:** These companies are not our service providers or contractors (third parties)." in _section(notice, "party-data-brokers")
    sharing = _section(notice, "who-gets-it")
    assert "(processor" not in sharing and "(controller" not in sharing  # GDPR roles stay out of a CCPA-only notice
    table = _section(notice, "ca-categories")
    assert "Our cloud hosting provider (service provider)" in table
    assert "Data brokers (third party, we sell it to them)" in table
    assert "Advertising networks (third party, shared for ads)" in table


def test_mixed_notice_gives_both_laws_words_and_derives_the_ccpa_role():
    notice = _notice("big_health_app")
    # processor -> service provider (the format's documented derivation) ...
    assert "Processor: works for us and follows only our instructions. Under the CCPA: a service provider." in _section(notice, "party-aws")
    # ... but a party that gets data for cross-context ads is a third party (1798.140(ah), (ai))
    assert "Processor: works for us and follows only our instructions. Under the CCPA: a third party." in _section(notice, "party-attribution")
    assert "(controllers). Under the CCPA: a third party." in _section(notice, "party-insurers")


def test_ccpa_role_overrides_the_derivation():
    text = variant(("  - id: payments\n", "  - id: payments\n    ccpa_role: contractor\n"))
    _, result = _render(text)
    assert "Under the CCPA: a contractor." in _section(result.pages["notice.md"].markdown, "party-payments")


# --- item 6: notice at collection (11 CCR 7012) ----------------------------------------------------------


def test_collection_page_only_for_us_ca():
    for name in CA:
        assert "collection.md" in _fixture(name)[1].pages
    for name in ("eu_clinic", "uk_shop", "eu_public_library"):
        assert "collection.md" not in render(load_inventory(ALL_FIXTURES[name])).pages


def test_collection_page_rows_read_7012_e():
    page = _fixture("us_ca_stores")[1].pages["collection.md"].markdown
    assert page.startswith("# Notice at collection for California residents")
    # (e)(1)-(4): category by the statute's term, incl. the (ae) kind; purposes; sold or shared; retention
    assert (
        "| Geolocation data; sensitive personal information: Precise geolocation | [Precise location in the app](notice.md#data-location) "
        "| Personal offers; Find a store near you | No | 30 days after we collect it |" in page
    )
    assert "| Commercial information | [Purchase history](notice.md#data-purchases) |" in page
    assert "| Sold; shared for cross-context ads | 5 years after the purchase |" in page
    assert "| Shared for cross-context ads | 13 months |" in page
    # (e)(5) the opt-out link, (e)(6)/(f) the link to the section of the policy
    assert "You can tell us not to sell or share your personal information: [Do Not Sell or Share My Personal Information](https://goldenpoppy.example/do-not-sell-or-share)." in page
    assert "- [If you live in California](notice.md#california)" in page
    # (g): third parties that control collection on the site, by name (cookie providers that are third parties)
    third = _section(page, "collection-third-parties")
    assert "- [Advertising networks](notice.md#party-ad-networks)" in third and "Retail analytics provider" not in third
    assert "- [Notice of financial incentive](notice.md#ca-incentives): Poppy Rewards" in page


def test_collection_page_without_selling_has_no_opt_out():
    page = _fixture("reference")[1].pages["collection.md"].markdown
    assert "Do Not Sell" not in page and find_section(page, "collection-opt-out") is None
    assert "| Personal information collected and analyzed concerning a consumer" not in page  # the (ae) term is in the Category cell
    # category (v)(1)(L) with its (ae) kind: one name, not "Sensitive personal information; sensitive personal information"
    assert "| Sensitive personal information: Personal information collected and analyzed concerning a consumer&#39;s health | [Allergy and skin notes]" in page
    assert "Sensitive personal information; sensitive" not in page
    # the reference's only cookie provider is a processor: a service provider collects for us, not a third party
    assert find_section(page, "collection-third-parties") is None


# --- item 6: the notice of financial incentive (11 CCR 7016(d)) ----------------------------------------


def test_financial_incentive_notice_reads_each_7016_item():
    inc = _section(_notice("us_ca_stores"), "ca-incentives")
    assert "#### Poppy Rewards" in inc
    assert "- **What we offer:** Members get member prices" in inc  # (d)(1)
    assert "- **Terms:** In return we collect your purchase history" in inc  # (d)(2)
    assert "- **Data it uses:** [Purchase history](#data-purchases) (Commercial information); [Contact and account details](#data-contact) (Identifiers)" in inc
    assert "- **How to join:** Join at the register" in inc  # (d)(3)
    assert "- **How to leave:** Leave any time in the app" in inc  # (d)(4)
    assert "- **What we estimate your data is worth:** We estimate your data is worth about &#36;38 a year to us" in inc  # (d)(5)(A)
    assert "- **How we worked out that value:** The average yearly member discount" in inc  # (d)(5)(B)
    assert "You join a program only if you agree first. You can leave a program at any time." in inc  # 1798.125(b)(3)


def test_financial_incentive_as_one_text_prints_it_as_the_summary_and_asks_for_the_rest():
    text = ALL_FIXTURES["us_ca_stores"].read_text(encoding="utf-8")
    start = text.index("    - name: Poppy Rewards")
    end = text.index("  # Issue 16: the 11 CCR 7012")
    text = text[:start] + "    - Poppy Rewards gives members lower prices.\n" + text[end:]
    inv, result = _render(text)
    inc = _section(result.pages["notice.md"].markdown, "ca-incentives")
    assert "- **What we offer:** Poppy Rewards gives members lower prices\\." in inc
    assert "How to leave" not in inc and "####" not in inc
    from generator.rules import check_completeness

    assert [f.rule for f in check_completeness(inv)] == ["ca.financial_incentive"]


# --- item 6: opt-out preference signals (7025) -----------------------------------------------------------


def test_gpc_scope_and_display():
    gpc = _section(_notice("us_ca_stores"), "gpc")
    assert "This covers that browser or device, any profile linked to it, and you, if we know who you are." in gpc  # 7025(c)(1)
    assert (
        "- **What the signal opts out:** The browser that sends it; The device that sends it; Your account, when we know who you are; "
        "Selling or sharing of data we collected offline, when we know who you are" in gpc
    )
    assert "- **How you can see we honored it:** When we have honored your signal, the privacy settings page in your account says" in gpc


# --- item 6: statutory names (1798.140(v)(1)) and the (ae) subsection with a plain name ----------------


def test_statutory_category_terms_and_sensitive_subsections():
    notice = _notice("us_ca_stores")
    table = _section(notice, "ca-categories")
    assert "| Characteristics of protected classifications under California or federal law | [Date of birth]" in table
    assert "| Personal information described in Cal\\. Civ\\. Code 1798\\.80\\(e\\) | [Payment card details]" in table
    assert "| Geolocation data | [Precise location in the app]" in table  # (v)(1)(G) kept next to (ae)(1)(C)
    sensitive = _section(notice, "ca-sensitive")
    assert "**Kind:** Precise geolocation (Precise location, 1798\\.140\\(ae\\)\\(1\\)\\(C\\))." in sensitive
    assert "**Kind:** Personal information collected and analyzed concerning a consumer&#39;s health (Health information, 1798\\.140\\(ae\\)\\(2\\)\\(B\\))." in sensitive
    saas = _section(_notice("us_saas"), "ca-sensitive")
    assert "**Kind:** Social security, driver&#39;s license, state identification card, or passport number (Government ID numbers, 1798\\.140\\(ae\\)\\(1\\)\\(A\\))." in saas


# --- item 6: the first-layer links, as the partial the summary includes ----------------------------------


def _with_partial(name: str, tmp_path) -> str:
    (tmp_path / "index.md.j2").write_text('# Summary\n\n{% include "partials/ca_links.md.j2" %}\n', encoding="utf-8")
    return render(load_inventory(ALL_FIXTURES[name]), templates=tmp_path).pages["index.md"].markdown


def test_partial_first_layer_links(tmp_path):
    md = _with_partial("us_ca_stores", tmp_path)
    # the label names the right, the 7013(c) title says of what (selling and sharing)
    assert "- [**Opt out:**](notice.md#right-to-opt-out) [Do Not Sell or Share My Personal Information](https://goldenpoppy.example/do-not-sell-or-share)." in md
    assert "- [**Limit sensitive information:**](notice.md#right-to-limit) [Limit the Use of My Sensitive Personal Information](https://goldenpoppy.example/limit-sensitive)." in md
    assert "- [We do not knowingly sell or share the personal information of people under 16.](notice.md#ca-sold-shared)" in md
    assert "- [**Notice at collection**](collection.md)" in md
    assert "- [**Notice of financial incentive:**](notice.md#ca-incentives) Poppy Rewards." in md


def test_partial_in_a_mixed_notice_and_without_selling(tmp_path):
    md = _with_partial("reference", tmp_path)
    assert "Do Not Sell" not in md and "Limit the Use" not in md  # 7013(g), 7014(g)
    assert "- [**Notice at collection (California)**](collection.md)" in md
    md = _with_partial("p2p_marketplace", tmp_path)
    assert "- [**Opt out (California):**](notice.md#right-to-opt-out) [Do Not Sell or Share My Personal Information](" in md


def test_partial_prints_nothing_without_us_ca(tmp_path):
    (tmp_path / "index.md.j2").write_text('# Summary\n\n{% include "partials/ca_links.md.j2" %}\nend\n', encoding="utf-8")
    md = render(load_inventory(ALL_FIXTURES["eu_clinic"]), templates=tmp_path).pages["index.md"].markdown
    assert md == "# Summary\n\nend\n"
