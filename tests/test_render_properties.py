"""Property tests: many generated valid inventories render without error, completely and safely.

For every inventory drawn by ``tests/strategies.py``:

* both layers (summary and full notice) show every data entry, purpose, party and retention period,
  checked through the source map (a span for that field on that page);
* every checklist item that applies is rendered (its sections exist and hold its values);
* every span covers exactly the escaped value, and the same model renders to the same bytes;
* every link from the summary into the full notice lands on an existing anchor.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings

from generator.notice.checklist import checklist_status, find_section
from generator.notice.render import render
from strategies import inventories, to_model

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _fields(page) -> set[str]:
    return {s.field for s in page.spans}


@SETTINGS
@given(inventories())
def test_both_layers_show_every_entry_and_retention(d):
    inv = to_model(d)
    result = render(inv)
    for layer in ("index.md", "notice.md"):
        fields = _fields(result.pages[layer])
        for i, item in enumerate(inv.data):
            assert f"data[{i}].name" in fields, (layer, i)
            kept = "period" if item.retention.period else "criteria"
            assert f"data[{i}].retention.{kept}" in fields, (layer, i, kept)
        for i in range(len(inv.purposes)):
            assert f"purposes[{i}].name" in fields, (layer, "purpose", i)
        providers = {c.provider for c in inv.cookies if c.provider}
        for i, p in enumerate(inv.parties):
            # the summary names everyone who gets or gives data, or runs a cookie; the full notice everyone
            if layer == "notice.md" or p.data_items or p.data_from or p.id in providers:
                assert f"parties[{i}].name" in fields, (layer, "party", i)


@SETTINGS
@given(inventories())
def test_every_applicable_checklist_item_is_rendered(d):
    inv = to_model(d)
    result = render(inv)
    status = checklist_status(inv, result)
    missing = {s.item.id: s.missing for s in status if s.applicable and not s.rendered}
    assert not missing
    assert any(s.applicable for s in status)


_LINK = re.compile(r"\]\((index|notice|cookies|changes)\.md(?:#([a-z0-9-]+))?\)")


@SETTINGS
@given(inventories())
def test_spans_links_and_determinism(d):
    inv = to_model(d)
    first = render(inv)
    again = render(inv)
    for path, page in first.pages.items():
        assert page.markdown == again.pages[path].markdown
        assert page.spans == again.pages[path].spans
        assert "\ue000" not in page.markdown and "\ue001" not in page.markdown and "\ue002" not in page.markdown
        end = -1
        for span in page.spans:
            assert span.start >= end and span.end > span.start
            end = span.end
        for m in _LINK.finditer(page.markdown):
            target, anchor = m.group(1) + ".md", m.group(2)
            assert find_section(first.pages[target].markdown, anchor) is not None, (path, m.group(0))
    notice = first.pages["notice.md"].markdown
    for m in re.finditer(r"\]\(#([a-z0-9-]+)\)", notice):
        assert find_section(notice, m.group(1)) is not None, m.group(0)
