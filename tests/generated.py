"""A generated inventory with many kinds of data (issue 13: the summary of a company with 25 kinds
of data still reads in two minutes and names every kind and purpose).

:func:`many_kinds` is the frozen reference (tests/fixtures/reference.yml: eight kinds, nine
purposes, three laws) plus plain, realistic kinds of data a booking app could hold, each used by
one or two of the reference's purposes, kept for its own period, given to one of its processors
and stated as not sold or shared -- so it validates with no findings and builds.
"""

from __future__ import annotations

from conftest import REFERENCE, variant

#: (id, name, CCPA category, purposes, retention period, processor)
_EXTRA = [
    ("birthday", "Birthday", "customer_records", ["accounts"], "2 years", "email_service"),
    ("profile_photo", "Profile photo", "customer_records", ["accounts"], "30 days", "helpdesk"),
    ("language", "Language and region settings", "customer_records", ["accounts", "improve"], "2 years", "analytics"),
    ("reviews", "Reviews you write", "customer_records", ["accounts", "support"], "3 years", "helpdesk"),
    ("favourites", "Favourite salons", "commercial_information", ["accounts"], "2 years", "analytics"),
    ("gift_cards", "Gift cards", "commercial_information", ["accounts", "legal"], "6 years", "payments"),
    ("vouchers", "Vouchers and discount codes", "commercial_information", ["accounts"], "1 year", "payments"),
    ("refunds", "Refunds", "commercial_information", ["accounts", "legal"], "6 years", "payments"),
    ("invoices", "Invoices", "commercial_information", ["legal"], "7 years", "payments"),
    ("cancellations", "Cancelled bookings", "commercial_information", ["accounts", "support"], "2 years", "helpdesk"),
    ("reminders", "Reminder settings", "customer_records", ["accounts"], "1 year", "email_service"),
    ("email_opens", "Email opens and clicks", "internet_activity", ["improve"], "13 months", "email_service"),
    ("search_history", "Searches in the app", "internet_activity", ["improve"], "6 months", "analytics"),
    ("device_info", "Device and browser type", "internet_activity", ["improve", "fraud"], "13 months", "analytics"),
    ("login_history", "Sign-in history", "internet_activity", ["fraud"], "1 year", "analytics"),
    ("call_notes", "Notes from phone calls", "customer_records", ["support"], "2 years", "helpdesk"),
    ("complaints", "Complaints", "customer_records", ["support", "legal"], "3 years", "helpdesk"),
]


def many_kinds(n: int = 25) -> str:
    """The YAML of the reference with kinds of data added until it has ``n`` (9 to 25)."""
    extra = _EXTRA[: n - 8]
    assert 0 <= len(extra) == n - 8, f"many_kinds takes 8 to {8 + len(_EXTRA)} kinds"

    def add(data: dict) -> None:
        purposes = {p["id"]: p for p in data["purposes"]}
        for did, name, cat, uses, period, party in extra:
            data["data"].append({
                "id": did, "name": name, "ccpa_category": cat, "sources": ["you"], "required": False,
                "retention": {"period": period}, "shared_with": [party], "sold": False, "shared_for_ads": False,
            })
            for p in uses:
                purposes[p]["data"].append(did)

    return variant(add, base=REFERENCE)
