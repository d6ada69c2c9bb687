"""The readability gate: ``check(rendered, inv)`` scores every layer of every language of the
rendered notice against its target and reports each sentence that breaks a rule, with its source
(:mod:`.sources`): the inventory ``file:line:column`` when the sentence came from an inventory
string, else the template's (of that language).

Each language is scored by the formula its profile names, on counts made with its own rules
(:mod:`.langcount`, :mod:`.langformulas`; English: textstat 0.7.8's), against its profile's targets
(English: ``notice.readability``). A language whose profile names no formula is reported as not
scored, never scored as English. In a notice of several languages every finding's message starts
with its language ("[de] ...").

Rules (stable ids, used in SARIF and GitHub annotations):

======  ====================  =======  ========================================================
RD001   layer-target          error    the layer's score misses its target
RD002   long-hard-sentence    error    a sentence of more than 25 words whose own score misses
                                       the layer's target
RD003   long-sentence         warning  a sentence of more than 25 words
RD004   hard-sentence         warning  a sentence of 10 or more words whose own score misses the
                                       layer's target
RD005   legalese              warning  a word or phrase with a plainer alternative
RD006   hedge                 warning  "may", "might", "some", "often", "possibly" and friends
RD007   passive-voice         warning  "is shared", "was collected"
RD008   hidden-verb           warning  "make a decision" instead of "decide"
RD009   layer-length          error    the layer reads longer than its ``max_minutes`` (summary:
                                       2 minutes unless the file says otherwise); the finding
                                       names the sections and blocks that take the space
======  ====================  =======  ========================================================

``strict`` turns every warning into an error.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import NamedTuple

from generator.errors import Detail, Finding, InputError, Loc, Problem
from generator.inventory.model import Inventory
from generator.notice.pages import Page, Rendered, RenderResult
from generator.readability import syllables
from generator.readability.formulas import METRIC_LABELS, METRICS, WORDS_PER_MINUTE, Counts, Scores, count, engine, scores_from_counts
from generator.readability.langcount import LanguageCounter
from generator.readability.langformulas import scorer
from generator.readability.length import max_minutes, space_report, words_allowed
from generator.readability.measure import Measured, measure_units, textstat_lang
from generator.readability.report import LAYERS, CheckReport, LanguageReport, LayerReport, SectionReport, Target, language_targets
from generator.readability.sentences import name_spans, score_text
from generator.readability.sources import Sources
from generator.readability.textprep import markdown_units, words
from generator.readability.words import Style, find_hedges, find_hidden_verbs, find_passive, style_for, tokens

LONG_SENTENCE = 25  # words; more is long
MIN_WORDS_FOR_SENTENCE_SCORE = 10  # shorter sentences swing too much to be scored alone
#: Inventory fields whose printed text is the law's own words: the CCPA asks for its category names
#: word for word (Cal. Civ. Code 1798.130(c)). No one can write them plainer, so a sentence is not
#: "hard" (RD002, RD004) because of them; they still count in the layer's score, as readers read them.
PRESCRIBED_FIELDS = ("ccpa_category", "ccpa_sensitive")


class ReadabilityRule(NamedTuple):
    """A readability rule: its stable id (SARIF, GitHub annotations), name, default level and help."""

    id: str
    name: str
    level: str
    summary: str
    help: str


READABILITY_RULES: dict[str, ReadabilityRule] = {
    r.id: r
    for r in (
        ReadabilityRule("RD001", "layer-target", "error", "The layer's readability score misses its target.",
             "Shorten the sentences the other findings list and use plainer words, or change the target in notice.readability."),
        ReadabilityRule("RD002", "long-hard-sentence", "error", "A sentence is over 25 words and harder than the layer's target.",
             "Split the sentence and use shorter, everyday words."),
        ReadabilityRule("RD003", "long-sentence", "warning", "A sentence is over 25 words.",
             "Split it: one idea per sentence."),
        ReadabilityRule("RD004", "hard-sentence", "warning", "A sentence of 10 or more words is harder than the layer's target.",
             "Use shorter, everyday words, or split the sentence."),
        ReadabilityRule("RD005", "legalese", "warning", "A word or phrase has a plainer alternative.",
             "Use the plainer word (US Federal Plain Language Guidelines)."),
        ReadabilityRule("RD006", "hedge", "warning", "A vague qualifier such as 'may', 'might', 'some' or 'often'.",
             "Say what you do and when (WP260 rev.01, paragraph 13)."),
        ReadabilityRule("RD007", "passive-voice", "warning", "The sentence uses the passive voice.",
             "Say who does it: 'we share', not 'is shared'."),
        ReadabilityRule("RD008", "hidden-verb", "warning", "A verb is hidden in a noun ('make a decision').",
             "Use the verb itself ('decide')."),
        ReadabilityRule("RD009", "layer-length", "error", "The layer reads longer than its max_minutes.",
             "Shorten the sections and blocks the finding names (inventory names and lists are read too), "
             "or change max_minutes in notice.readability."),
    )
}


def _target_loc(inv, layer: str) -> Loc:
    doc = getattr(inv, "document", None) if inv is not None else None
    if doc is None:
        return Loc("data_inventory.yml")
    for path in (("notice", "readability", layer), ("notice", "readability"), ("notice",)):
        if path in doc.locs or path in doc.key_locs:
            return doc.key_loc(path)
    return doc.loc(("notice",))


def _short(text: str, n: int = 90) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "\u2026"


@dataclass
class ReadabilityDetail(Detail):
    """A readability finding's detail (extra JSON keys; only those set are written)."""

    rule_name: str
    field: str | None = None  # the inventory field the text came from ("" for template text)
    words: int | None = None
    score: float | None = None
    metric: str | None = None
    target: float | None = None
    phrase: str | None = None
    suggestion: str | None = None
    layer: str | None = None
    page: str | None = None
    sentence: str | None = None
    layers: list | None = None  # every layer the same finding was seen in
    occurrences: int | None = None  # how often, when more than once
    language: str | None = None  # the language of the page (or target) concerned


class _Findings:
    """Collects findings; the same finding from the same source is reported once."""

    def __init__(self, strict: bool):
        self.strict = strict
        self.items: dict[tuple, Finding] = {}
        self.lang = "en"  # the language being checked
        self.tag = ""  # "[de] " in front of every message when the notice has several languages

    def add(self, rule_id: str, loc: Loc, message: str, fix: str, citation: str = "", *, key=None, **facts) -> None:
        """Add a finding. ``key`` says when two findings are the same (default: rule, place, message);
        ``facts`` are the fields of its :class:`ReadabilityDetail`."""
        rule = READABILITY_RULES[rule_id]
        level = "error" if (rule.level == "error" or self.strict) else "warning"
        message = self.tag + message
        facts["language"] = self.lang
        key = (rule_id, loc, self.lang, key if key is not None else message)
        layer = facts.get("layer")
        if key in self.items:
            detail = self.items[key].detail
            detail.occurrences = (detail.occurrences or 1) + 1
            if detail.layers is None:
                detail.layers = []
            if layer and layer not in detail.layers:
                detail.layers.append(layer)
            return
        detail = ReadabilityDetail(rule.name, **facts, layers=[layer] if layer else None)
        self.items[key] = Finding(rule_id, level, message, loc, fix, citation, detail)

    def sorted(self) -> list[Finding]:
        return sorted(
            self.items.values(),
            key=lambda f: (f.level != "error", f.loc.file, f.loc.line, f.loc.col, f.rule, f.message),
        )


def _counts_without_prescribed_words(sources: Sources, page: Page, ms: Measured, count, legal_names: tuple[str, ...] = ()) -> Counts | None:
    """The sentence's counts once the law's own words in it (printed from a :data:`PRESCRIBED_FIELDS`
    field, or one of the language's ``legal_names``: the name of a law, a regulator or a defined term)
    count as one easy word, like a name; None when it has none. ``count``: the language's counter."""
    s, unit = ms.sentence, ms.sentence.unit
    ranges: list[tuple[int, int]] = []
    if page.spans:
        here = (0, 0, False)  # the span (or the gap) last looked up: (start, end, prescribed)
        for i, off in enumerate(unit.source_offsets(s.start, s.end), s.start):
            if not here[0] <= off < here[1]:
                sp = sources.span_at(page, off)
                here = (sp.start, sp.end, sp.field.endswith(PRESCRIBED_FIELDS)) if sp is not None else (off, off + 1, False)
            if here[2] and unit.text[i] != " ":
                if ranges and ranges[-1][1] >= i - s.start - 1:
                    ranges[-1] = (ranges[-1][0], i - s.start + 1)
                else:
                    ranges.append((i - s.start, i - s.start + 1))
    if legal_names:
        low = unit.text[s.start : s.end].lower().replace("\u2019", "'")
        taken = [False] * len(low)
        for name in legal_names:  # longest first
            if name not in low:
                continue  # the usual case: no pattern to compile or run
            for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", low):
                if not any(taken[m.start() : m.end()]):
                    taken[m.start() : m.end()] = [True] * (m.end() - m.start())
                    ranges.append((m.start(), m.end()))
        ranges.sort()
    if not ranges:
        return None
    raw = unit.text[s.start : s.end]
    seen = score_text(raw, names=name_spans(raw, list(ms.names or []) + ranges))
    return count(seen) if seen else Counts()


def _outside(toks: list[tuple[str, int, int]], names: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """The tokens that overlap no name span. Both lists are in text order and the spans do not
    overlap, so one sweep does it (linear, however many tokens and names a sentence has)."""
    if not names:
        return toks
    out, k = [], 0
    for t in toks:
        while k < len(names) and names[k][1] <= t[1]:
            k += 1  # spans that end before this token cannot overlap it or any later one
        if k < len(names) and names[k][0] < t[2]:
            continue
        out.append(t)
    return out


def _sentence_findings(
    out: _Findings, sources: Sources, page: Page, ms: Measured, target: Target | None, layer: str, style: Style, score, count
) -> None:
    s = ms.sentence
    unit = s.unit
    text = ms.text
    loc_cache: list = []

    def sentence_loc():
        if not loc_cache:
            loc_cache.append(sources.locate(page, unit, s.start, s.end))
        return loc_cache[0]

    def word_loc(a: int, z: int, phrase_words: list[str]):
        sp = sources.span_at(page, unit.source_offset(a)) if page.spans else None
        if sp is not None:
            return sources.word_loc(page, unit, s.start, sp, phrase_words), sp.field
        loc, fld = sentence_loc()
        # template text: the template line that wrote it, else search the templates for the words
        following = words(unit.text[a : s.end])[:6]
        here = sources.point_loc(page, unit.source_offset(a), following)
        if here is not None:
            return here, ""
        return sources.template_loc(page, [following], None if fld else loc, None if fld else loc), ""

    base = unit.text[s.start : s.end]
    names = ms.names if ms.names is not None else name_spans(base)
    toks = _outside(tokens(base), names)
    legalese = list(style.legalese.find(toks, base)) if toks and style.legalese is not None else []
    plainer = "; ".join(
        f"\"{' '.join(base[toks[i][1] : toks[j - 1][2]].split())}\" -> \"{alt}\"" for i, j, _k, alt in legalese[:3]
    )
    hint = f"; plainer words: {plainer}" if plainer else ""
    quoted = _short(text)
    common = {"layer": layer, "page": page.path, "sentence": text}

    # sentence length and difficulty (scored text only: labels are not sentences)
    if target is not None and ms.scored and ms.counts.words:
        own = score(ms.counts)[target.metric]
        hard = not target.passes(own)
        long_ = ms.counts.words > LONG_SENTENCE
        if hard or long_:
            # the law's own words (a statute's category name, the name of a law) are not the
            # writer's to shorten: judged as one easy word, like a name
            plain = _counts_without_prescribed_words(sources, page, ms, count, style.legal_names)
            if plain is not None:
                # as everywhere, a sentence too short to be scored alone is not hard
                hard = hard and not (plain.words < MIN_WORDS_FOR_SENTENCE_SCORE or target.passes(score(plain)[target.metric]))
                long_ = long_ and plain.words > LONG_SENTENCE
        if long_ or (hard and ms.counts.words >= MIN_WORDS_FOR_SENTENCE_SCORE):
            loc, fld = sentence_loc()
            where = f" ({fld})" if fld else ""
            metric = METRIC_LABELS[target.metric]
            if long_ and hard:
                out.add(
                    "RD002", loc,
                    f"sentence{where} has {ms.counts.words} words and reads at {metric} {own:.1f}; "
                    f"the {layer} target is {target.describe()}: \"{quoted}\"",
                    "split it into sentences of 15-20 words and use everyday words" + hint, field=fld, words=ms.counts.words,
                    score=round(own, 2), metric=target.metric, **common,
                )
            elif long_:
                out.add(
                    "RD003", loc, f"sentence{where} has {ms.counts.words} words (more than {LONG_SENTENCE}): \"{quoted}\"",
                    "split it: one idea per sentence" + hint, field=fld, words=ms.counts.words, **common,
                )
            else:
                out.add(
                    "RD004", loc,
                    f"sentence{where} reads at {metric} {own:.1f}; the {layer} target is {target.describe()}: \"{quoted}\"",
                    "use shorter, everyday words" + hint, field=fld, score=round(own, 2), metric=target.metric, **common,
                )

    if not toks:
        return
    context = _short(text, 60)

    def phrase_of(i: int, j: int) -> str:
        return " ".join(base[toks[i][1] : toks[j - 1][2]].split())

    for i, j, _key, plain in legalese:
        phrase = phrase_of(i, j)
        loc, fld = word_loc(s.start + toks[i][1], s.start + toks[j - 1][2], words(phrase))
        if fld.endswith(PRESCRIBED_FIELDS):
            continue  # the statute's own term (a CCPA category or kind of sensitive information): no plainer word may replace it
        out.add(
            "RD005", loc, f"\"{phrase}\" is legalese: write \"{plain}\" instead (in: \"{context}\")",
            f"write \"{plain}\"", style.legalese_source, key=phrase.lower(), field=fld, phrase=phrase,
            suggestion=plain, **common,
        )
    for i, j, _key, instead in (find_hedges(toks, base, style.hedges) if style.hedges is not None else ()):
        word = phrase_of(i, j)
        loc, fld = word_loc(s.start + toks[i][1], s.start + toks[j - 1][2], words(word))
        out.add(
            "RD006", loc, f"\"{word}\" is vague: {instead} (in: \"{context}\")",
            "say what you do, when, and with what", style.hedges_source, key=word.lower(), field=fld, phrase=word,
            **common,
        )
    hit = find_passive(toks) if style.passive else None
    if hit:
        phrase = phrase_of(*hit)
        loc, fld = sentence_loc()
        out.add(
            "RD007", loc, f"passive voice \"{phrase}\": say who does it (in: \"{context}\")",
            "name who acts: \"we share ...\", not \"... is shared\"", key=phrase.lower(), field=fld, phrase=phrase,
            **common,
        )
    for i, j, _noun, verb in (find_hidden_verbs(toks, style.hidden_verbs) if style.hidden_verbs is not None else ()):
        phrase = phrase_of(i, j)
        loc, fld = word_loc(s.start + toks[i][1], s.start + toks[j - 1][2], words(phrase))
        out.add(
            "RD008", loc, f"\"{phrase}\" hides the verb: write \"{verb}\" (in: \"{context}\")",
            f"use the verb \"{verb}\"", "US Federal Plain Language Guidelines", key=phrase.lower(), field=fld,
            phrase=phrase, suggestion=verb, **common,
        )


def check(
    result: RenderResult | Rendered,
    inv: Inventory | None = None,
    *,
    max_grade: float | None = None,
    layer: str = "all",
    strict: bool = False,
    completeness: list[Finding] | tuple = (),
) -> CheckReport:
    """Score every layer of every language of ``result`` (one language's :class:`RenderResult`, or
    every language's :class:`Rendered`) and report sentences that break the rules.

    ``layer`` ("summary", "full" or "all") chooses which layers are gated; the others are scored
    but produce no findings. ``max_grade`` overrides the targets of every language scored with a
    grade. ``strict`` makes every warning an error. ``completeness``: the completeness findings of
    the inventory (:func:`generator.rules.check_completeness`), reported first, so a CI that runs
    only ``plainnotice check`` cannot pass a notice that misses a legal fact.
    """
    if layer not in ("summary", "full", "all"):
        raise InputError(Problem(Loc("--layer"), f"unknown layer '{layer}'", "use summary, full or all"))
    if max_grade is not None and (not math.isfinite(max_grade) or max_grade < 0):
        raise InputError(Problem(Loc("--max-grade"), f"--max-grade must be a number of 0 or more, not {max_grade}", "e.g. --max-grade 8"))
    rendered = result if isinstance(result, Rendered) else Rendered({getattr(result, "lang", "en"): result})
    findings = _Findings(strict)
    languages: dict[str, LanguageReport] = {}
    for lang, res in rendered.results.items():
        findings.lang, findings.tag = lang, (f"[{lang}] " if len(rendered.results) > 1 else "")
        languages[lang] = _check_language(res, inv, findings, max_grade, layer)
    save_cache()
    first = next(iter(languages.values()))
    return CheckReport(first.layers, list(completeness) + findings.sorted(), strict, languages)


def _check_language(result: RenderResult, inv: Inventory | None, findings: _Findings, max_grade: float | None, layer: str) -> LanguageReport:
    profile = result.profile
    lang = getattr(result, "lang", "en")
    goals = language_targets(profile, inv, max_grade)
    score_with = scorer(profile)
    score = score_with if score_with is not None else scores_from_counts
    textstat_rules = profile is None or profile.syllables.method == "textstat"
    counter = None if textstat_rules else LanguageCounter(profile)
    abbreviations = None if textstat_rules else profile.abbreviations
    ts_lang = textstat_lang(lang) if textstat_rules else "en_US"
    count_sentence = counter if counter is not None else (lambda text: count(text, ts_lang))
    style = style_for(profile)
    sources = Sources(result, inv)
    layers: dict[str, LayerReport] = {}
    for name in LAYERS:
        pages = [p for path, p in sorted(result.pages.items()) if p.layer == name]
        if not pages:
            continue
        total = Counts()
        sections: list[SectionReport] = []
        target = goals[name]
        gated = layer in ("all", name) and target is not None
        per_page: list[tuple[Page, list[Measured]]] = []
        for page in pages:
            measured, secs = measure_units(markdown_units(page.markdown), page.path, ts_lang, counter, abbreviations)
            per_page.append((page, measured))
            for sec in secs:
                total = total + sec.counts
                if sec.counts.reading_words:
                    sections.append(SectionReport(page.path, sec.title or page.title, Scores.of(sec.counts, score_with)))
        report = LayerReport(name, [p.path for p in pages], Scores.of(total, score_with), target, gated, sections, lang)
        layers[name] = report
        if layer not in ("all", name):
            continue
        for page, measured in per_page:
            sources.follow(page, [ms.sentence for ms in measured])
            for ms in measured:
                _sentence_findings(findings, sources, page, ms, target, name, style, score, count_sentence)
        # notice.readability is English's (other languages take their profile's targets, which give no length yet)
        limit = max_minutes(inv, name) if profile is None or profile.formula in METRICS else None
        if limit is not None and report.scores.words > words_allowed(limit):
            findings.add(
                "RD009", _target_loc(inv, name),
                f"the {name} takes {report.scores.reading_minutes:.2f} minutes to read ({report.scores.words} words); "
                f"the limit is {limit:g} minutes ({words_allowed(limit)} words at {WORDS_PER_MINUTE} a minute). "
                f"What takes the space: {space_report(pages, report.sections)}",
                f"shorten what the finding names, or change notice.readability.{name}.max_minutes.",
                layer=name, words=report.scores.words, target=limit,
            )
        if target is not None and not report.passed:
            worst = _hardest(per_page, target, score)
            hint = "; hardest sentences: " + " | ".join(f"\"{_short(t, 70)}\"" for t in worst) if worst else ""
            english = profile is None or profile.formula in METRICS
            where = "notice.readability." + name if english else f"readability.targets.{name} in {profile.file}"
            findings.add(
                "RD001", _target_loc(inv, name) if english else Loc(profile.file),
                f"the {name} notice reads at {METRIC_LABELS[target.metric]} {report.score:.2f}; "
                f"the target is {target.describe()}{hint}",
                f"rewrite the sentences listed in the other findings, or change {where}.",
                layer=name, score=round(report.score, 2), metric=target.metric, target=target.value,
            )
    return LanguageReport(lang, profile.name if profile else lang, profile.formula if profile else "flesch_kincaid_grade", layers)


def save_cache() -> None:
    """Write the syllable look-ups learnt in this run to the cache folder (native engine only)."""
    if engine() == "native":
        syllables.save()


def _hardest(per_page, target: Target, score, n: int = 3) -> list[str]:
    scored = []
    for _, measured in per_page:
        for ms in measured:
            if ms.scored and ms.counts.words >= MIN_WORDS_FOR_SENTENCE_SCORE:
                v = score(ms.counts)[target.metric]
                scored.append((-v if target.bound == "max" else v, ms.sentence.index, ms.text))
    scored.sort()
    return [t for _, _, t in scored[:n]]
