"""Text preparation: Markdown/HTML/text -> the units and sentences readers see."""

from __future__ import annotations

import pytest

from generator.readability import textprep
from generator.readability.htmltext import html_units, text_units
from generator.readability.sentences import PLACEHOLDER, score_text, sentences
from generator.readability.textprep import markdown_units


def texts(units):
    return [(u.kind, u.text) for u in units]


def sents(md: str) -> list[str]:
    return [s.text for u in markdown_units(md) for s in sentences(u)]


# --- blocks -----------------------------------------------------------------------------------


def test_heading_without_full_stop_does_not_merge_with_next_sentence():
    md = "## What we collect\nWe collect your name.\n"
    assert texts(markdown_units(md)) == [("heading", "What we collect"), ("paragraph", "We collect your name.")]
    assert sents(md) == ["What we collect", "We collect your name."]


def test_heading_levels_attribute_lists_and_closing_hashes_are_removed():
    units = markdown_units("# Title #\n\n### Sub part {: #sub .x }\n\nSetext\n======\n")
    assert [(u.kind, u.level, u.text) for u in units] == [
        ("heading", 1, "Title"),
        ("heading", 3, "Sub part"),
        ("heading", 1, "Setext"),
    ]


def test_bullets_are_separate_units_even_without_full_stops():
    md = "We use it to:\n\n- book appointments\n- send reminders\n* stop fraud\n1. answer questions\n"
    assert texts(markdown_units(md)) == [
        ("paragraph", "We use it to:"),
        ("item", "book appointments"),
        ("item", "send reminders"),
        ("item", "stop fraud"),
        ("item", "answer questions"),
    ]
    # and the scored text of each unit is its own sentence
    scored = [score_text(s.text) for s in (x for u in markdown_units(md) for x in sentences(u))]
    assert scored == ["We use it to.", "book appointments.", "send reminders.", "stop fraud.", "answer questions."]


def test_list_item_continuation_lines_join_the_item():
    md = "- first line\n  goes on\n- second\n"
    assert texts(markdown_units(md)) == [("item", "first line goes on"), ("item", "second")]


def test_table_cells_are_separate_units_header_cells_are_labels():
    md = "| Data | Why |\n|---|:---:|\n| Contact details | To book your visit \\| and remind you |\n| Usage | Fix bugs |\n"
    units = markdown_units(md)
    assert texts(units) == [
        ("header", "Data"),
        ("header", "Why"),
        ("cell", "Contact details"),
        ("cell", "To book your visit | and remind you"),
        ("cell", "Usage"),
        ("cell", "Fix bugs"),
    ]
    assert [u.is_label for u in units] == [True, True, True, False, True, True]


def test_code_fences_comments_and_front_matter_are_not_read():
    md = "---\ntitle: x\n---\nText one.\n\n```\ncode = 1\n```\n<!--\nhidden\n-->\nText two.\n"
    assert [u.text for u in markdown_units(md)] == ["Text one.", "Text two."]


def test_admonition_title_is_a_heading_and_its_body_a_paragraph():
    md = '!!! note "Good to know"\n    We never sell data.\n'
    assert texts(markdown_units(md)) == [("heading", "Good to know"), ("paragraph", "We never sell data.")]


def test_sections_follow_level_one_and_two_headings():
    units = markdown_units("# T\n\nIntro.\n\n## A\n\nOne.\n\n### A1\n\nTwo.\n\n## B\n\nThree.\n")
    assert [(u.text, u.section) for u in units if u.kind != "heading"] == [
        ("Intro.", "T"),
        ("One.", "A"),
        ("Two.", "A"),
        ("Three.", "B"),
    ]


def test_html_lines_inside_markdown_become_units():
    md = '<div class="x" markdown>\n<p class="n" markdown="span">[Contact details](notice.md#c)</p>\n<dd markdown="span">2 years</dd>\n</div>\n'
    assert [u.text for u in markdown_units(md)] == ["Contact details", "2 years"]


# --- inline -----------------------------------------------------------------------------------


def test_links_keep_their_text_and_lose_the_target():
    md = "Read [the full notice](notice.md#who-we-are \"Full\") or [our form][form] now.\n"
    assert sents(md) == ["Read the full notice or our form now."]


def test_emphasis_escapes_entities_and_tags():
    md = "**Where** it _comes_ from: you \\& the salon &amp; <span class=\"x\">Settings &gt; Privacy</span>. Also fw\\_session.\n"
    assert sents(md) == ["Where it comes from: you & the salon & Settings > Privacy.", "Also fw_session."]


def test_snake_case_and_code_spans_keep_their_text():
    units = markdown_units("The cookie `fw_session` and my_var remain.\n")
    assert units[0].text == "The cookie fw_session and my_var remain."
    assert units[0].protected == [(11, 21)]


def test_autolinks_are_protected_names():
    u = markdown_units("Write to <privacy@fernway.example> or see <https://fernway.example/a>.\n")[0]
    assert u.text == "Write to privacy@fernway.example or see https://fernway.example/a."
    assert len(u.protected) == 2


def test_source_map_points_back_into_the_markdown():
    md = "# Title\n\nWe are **Fernway** \\(Lda\\.\\) and [we](x.md) help.\n"
    u = markdown_units(md)[1]
    for i, ch in enumerate(u.text):
        if ch != " ":
            assert md[u.source_offset(i)] == ch, (i, ch)


# --- sentences --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("We use tools, e.g. email and chat. You can opt out.", ["We use tools, e.g. email and chat.", "You can opt out."]),
        ("We share it, i.e. we send it. Then we stop.", ["We share it, i.e. we send it.", "Then we stop."]),
        ("Data goes to the U.S. for storage.", ["Data goes to the U.S. for storage."]),
        ("Data goes to the U.S. We protect it.", ["Data goes to the U.S.", "We protect it."]),
        ("Zendesk Inc. stores messages.", ["Zendesk Inc. stores messages."]),
        ("We use Zendesk Inc. We also use Stripe.", ["We use Zendesk Inc.", "We also use Stripe."]),
        ("Fernway Technologies, Lda. decides.", ["Fernway Technologies, Lda. decides."]),
        ("Stripe Payments Europe Ltd. takes payments.", ["Stripe Payments Europe Ltd. takes payments."]),
        ("See GDPR Art. 9(2)(a) and Cal. Civ. Code 1798.80(e) for more.", ["See GDPR Art. 9(2)(a) and Cal. Civ. Code 1798.80(e) for more."]),
        ("We use TLS 1.3 always. Really?", ["We use TLS 1.3 always.", "Really?"]),
        ("Is it safe? Yes! We check.", ["Is it safe?", "Yes!", "We check."]),
        ("We collect: your name; your email.", ["We collect: your name;", "your email."]),
        ("We may not enforce a right; however, we keep it.", ["We may not enforce a right;", "however, we keep it."]),
        ("Stop fraud; Send offers by email", ["Stop fraud;", "Send offers by email"]),
        ("We invest in care; in security, and talent; and in luck.", ["We invest in care;", "in security, and talent;", "and in luck."]),
        ("We use it; you can stop us.", ["We use it;", "you can stop us."]),
        ("He said \"stop.\" Then we stopped.", ["He said \"stop.\"", "Then we stopped."]),
        ("Visit fernway.example. It helps.", ["Visit fernway.example.", "It helps."]),
    ],
)
def test_sentence_splitting(text, expected):
    assert sents(text + "\n") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("We collect: your name; your email.", ["We collect: your name; your email."]),
        ("We invest in care; in security, and talent; and in luck.", ["We invest in care; in security, and talent; and in luck."]),
        ("We may not enforce a right; however, we keep it.", ["We may not enforce a right;", "however, we keep it."]),
        ("Stop fraud; Send offers by email", ["Stop fraud;", "Send offers by email"]),
    ],
)
def test_plain_text_keeps_the_clause_rule_for_semicolons(text, expected):
    """In Markdown (our pages) "; " separates list items the templates join, so each is its own
    sentence (above); in plain text and HTML a semicolon ends a sentence only before a clause."""
    from generator.readability.htmltext import text_units

    assert [s.text for u in text_units(text + "\n") for s in sentences(u)] == expected


def test_last_sentence_of_a_unit_ends_even_without_punctuation():
    assert sents("One sentence. Two without stop\n\nThree.\n") == ["One sentence.", "Two without stop", "Three."]


# --- what the formulas see --------------------------------------------------------------------


def test_urls_emails_numbers_dates_and_codes_count_as_one_easy_word():
    t = "Email privacy@fernway.example or visit https://fernway.example/privacy/requests on 1 November 2026, within 72 hours, using AES-256 (TLS 1.3) and 2026-11-01."
    out = score_text(t)
    assert "@" not in out and "http" not in out and not any(c.isdigit() for c in out)
    assert out == (
        f"Email {PLACEHOLDER} or visit {PLACEHOLDER} on {PLACEHOLDER}, within {PLACEHOLDER} hours, "
        f"using {PLACEHOLDER} (TLS {PLACEHOLDER}) and {PLACEHOLDER}."
    )


def test_abbreviation_dots_do_not_reach_the_formulas():
    assert score_text("We use e.g. email in the U.S. with Zendesk Inc. today.") == "We use eg email in the US with Zendesk Inc today."


def test_score_text_ends_with_exactly_one_full_stop():
    assert score_text("Really?!") == "Really."
    assert score_text("Settings > Privacy") == "Settings > Privacy."
    assert score_text("   ") == ""


def test_words_skip_numbers_and_punctuation():
    assert textprep.words("We keep it 2 years (AES-256), don't we?") == ["We", "keep", "it", "years", "AES-256", "don't", "we"]


# --- HTML and text ----------------------------------------------------------------------------


def test_html_units():
    html = (
        "<html><head><title>T</title><style>p{}</style></head><body>"
        "<h1>Privacy policy</h1><p>We collect your <b>name</b>.<br>We keep it.</p>"
        "<ul><li>Name</li><li>Email address please</li></ul>"
        "<table><tr><th>Data</th></tr><tr><td>Contact details</td></tr></table>"
        "<script>var x = 'We are hidden.';</script><p>Caf&eacute; &amp; more.</p></body></html>"
    )
    assert texts(html_units(html)) == [
        ("heading", "Privacy policy"),
        ("paragraph", "We collect your name. We keep it."),
        ("item", "Name"),
        ("item", "Email address please"),
        ("header", "Data"),
        ("cell", "Contact details"),
        ("paragraph", "Caf\u00e9 & more."),
    ]


def test_html_with_main_scores_only_main_and_drops_permalinks():
    html = (
        "<html><body><nav><a href='/'>Home menu link text</a></nav><main>"
        "<h2 id='a'>Your rights<a class='headerlink' href='#a'>&para;</a></h2><p>You can ask us.</p>"
        "</main><footer>Made with a static site generator</footer></body></html>"
    )
    assert texts(html_units(html)) == [("heading", "Your rights"), ("paragraph", "You can ask us.")]


def test_text_lines_are_paragraphs_unless_wrapped_mid_sentence():
    txt = (
        "Privacy Policy\nWe collect your name.\nWe keep it for a year\nThen we delete it.\n"
        "We collect your name\nand email.\nAsk us:\nwe answer.\n- an item that\n  wraps\n- two\r\nLast line"
    )
    assert texts(text_units(txt)) == [
        ("paragraph", "Privacy Policy"),
        ("paragraph", "We collect your name."),
        ("paragraph", "We keep it for a year"),  # the next line starts in upper case: its own paragraph
        ("paragraph", "Then we delete it."),
        ("paragraph", "We collect your name and email."),  # wrapped by hand
        ("paragraph", "Ask us:"),  # a colon ends the line's sentence
        ("paragraph", "we answer."),
        ("item", "an item that wraps"),
        ("item", "two"),
        ("paragraph", "Last line"),
    ]


def test_text_units():
    txt = "Privacy policy\n\nWe collect your name\nand email.\n\n- one item\n- two items\n"
    assert texts(text_units(txt)) == [
        ("paragraph", "Privacy policy"),
        ("paragraph", "We collect your name and email."),
        ("item", "one item"),
        ("item", "two items"),
    ]


def test_source_offsets_equal_source_offset_for_every_character():
    """The one-sweep mapping the hard-sentence rule uses gives, for every character of every unit
    and for any range (inside a unit or past its end), what ``source_offset`` gives one by one."""
    md = (
        "# The *title*\n\nWe use [your name](https://x.example) and `code_spans` &amp; **bold** text.\n\n"
        "| Data | Why |\n|---|---|\n| e-mail | to reply |\n\n- one\n- two <b>tags</b>\n"
    )
    units = markdown_units(md)
    assert units and any(len(u.segs) > 2 for u in units)
    for u in units + [textprep.Unit("paragraph", "no segments")]:
        n = len(u.text)
        for a, z in [(0, n), (0, n + 3), (n // 2, n), (1, 1), (n, n + 2)]:
            assert u.source_offsets(a, z) == [u.source_offset(i) for i in range(a, z)], (u.text, a, z)


def test_source_offsets_start_at_the_segment_of_the_range_not_the_first():
    """Each sentence of a long paragraph maps its own characters only: the sweep starts at the
    segment holding the range's start (a sweep from the first segment made `check` quadratic in a
    paragraph's length: bench figure 6 found it at 4 MiB)."""

    class Counted(list):
        reads = 0

        def __getitem__(self, i):
            Counted.reads += 1
            return super().__getitem__(i)

    n = 10_000
    unit = textprep.Unit("paragraph", "ab" * n, segs=Counted((2 * i, 3 * i, 2) for i in range(n)))
    a = 2 * n - 10
    assert unit.source_offsets(a, 2 * n) == [unit.source_offset(i) for i in range(a, 2 * n)]
    Counted.reads = 0
    unit.source_offsets(a, 2 * n)
    assert Counted.reads < 100
