"""The accuracy benchmark's scoring functions on tiny hand-made cases (no model needed)."""

from collections import Counter

from benchmarks import scoring


def test_quoted_text_only_for_contents_inside_quotation_marks():
    text = "He said “We will win this race,” and left. They said we would lose."
    start = text.index("“")
    end = text.index("”") + 1
    assert scoring.quoted_text(text, [(start, end)]) == "We will win this race,"
    plain = text.index("we would")
    assert scoring.quoted_text(text, [(plain, plain + len("we would lose"))]) is None
    # marks just outside the annotated span count as well
    assert scoring.quoted_text(text, [(start + 1, end - 1)]) == "We will win this race,"


def test_gold_quotes_resolve_pronoun_to_nearest_earlier_named_source():
    text = (
        "Jane Roe spoke. “First point here,” she said. Bob Poe agreed. “Second one now,” he said."
    )
    q1 = text.index("“First")
    q2 = text.index("“Second")
    she = text.index("she")
    he = text.index(" he ") + 1
    ann = "\n".join(
        [
            "T1\tSource 0 8\tJane Roe",
            f"T2\tContent {q1} {text.index('”') + 1}\tx",
            f"T3\tSource {she} {she + 3}\tshe",
            f"T4\tSource {text.index('Bob')} {text.index('Bob') + 7}\tBob Poe",
            f"T5\tContent {q2} {text.rindex('”') + 1}\tx",
            f"T6\tSource {he} {he + 2}\the",
            "E1\tAttribution:T9 Content:T2 Source:T3",
            "E2\tAttribution:T9 Content:T5 Source:T6",
        ]
    )
    gold = scoring.gold_quotes("d", text, ann)
    assert [g.kind for g in gold] == ["pronoun", "pronoun"]
    assert [g.resolved for g in gold] == ["Jane Roe", "Bob Poe"]


def test_quote_matching_uses_word_overlap_not_offsets():
    gold = Counter(scoring.words("We will never give up on this city, ever"))
    assert scoring.quotes_match(Counter(scoring.words("we will never give up on this city")), gold)
    assert scoring.quotes_match(Counter(scoring.words("give up")), gold) == 0
    assert scoring.quotes_match(Counter(scoring.words("nothing in common at all")), gold) == 0


def test_speaker_correct_named_and_described():
    assert scoring.speaker_correct("Hillary Clinton", "Mrs. Clinton")
    assert not scoring.speaker_correct("Donald Trump", "Mrs. Clinton")
    assert scoring.speaker_correct("officials", "U.S. officials")
    assert not scoring.speaker_correct("", "Mrs. Clinton")
    assert not scoring.speaker_correct("Clinton campaign", "the Trump campaign")


def test_figure_values_ranges_and_qualifiers():
    assert scoring.parse_gold_value("750000.0-1000000.0") == (750000.0, 1000000.0)
    assert scoring.parse_gold_value("3.0 - 4.0") == (3.0, 4.0)
    system = [{"value": 5.0, "value_max": 5.0}, {"value": 3.1e6, "value_max": 3.1e6}]
    gold = [{"value": "3100000"}, {"value": "5"}, {"value": "9"}]
    assert scoring.match_figures(system, gold) == [(0, 1), (1, 0)]
    assert scoring.qualifier_matches("at_least", ">", False)
    assert scoring.qualifier_matches("exact", "up", False)
    assert not scoring.qualifier_matches("approx", "=", False)
    assert scoring.qualifier_matches("range", "=", True)
    assert scoring.prf(3, 4, 3, 6) == {"precision": 0.75, "recall": 0.5, "f1": 0.6}


def test_concept_partial_overlap():
    assert scoring.concept_matches("Haitian migrants", "migrants")
    assert scoring.concept_matches("", "-")
    assert not scoring.concept_matches("troops", "-")
    assert not scoring.concept_matches("tax rate", "voters")


def test_offset_map_follows_dropped_lines():
    raw = "Title\n\nShare this article\n\nFirst para.\n\nSecond para."
    text = "Title\n\nFirst para.\n\nSecond para."
    m = scoring.OffsetMap(raw, text)
    start = raw.index("Second")
    span = m.span(start, start + 6)
    assert span is not None and text[span[0] : span[1]] == "Second"


def test_person_unified():
    assert scoring.person_unified({"fox": ["Jane Roe"], "nyt": ["Jane Roe", ""]})
    assert not scoring.person_unified({"fox": ["Jane Roe"], "nyt": ["Jane A. Roe"]})
    assert not scoring.person_unified({"fox": ["Jane Roe"], "nyt": [""]})


def test_name_hit_ignores_longer_names_and_takes_the_mention_inside():
    system = [(10, 25, "House Democrats"), (40, 45, "House"), (60, 80, "Washington Post")]
    assert scoring.name_hit(system, (10, 15)) == ""  # gold "House" in "House Democrats"
    assert scoring.name_hit(system, (40, 45)) == "House"
    assert scoring.name_hit(system, (39, 46)) == "House"  # "the House" span of the gold
    assert scoring.name_hit(system, (60, 80)) == "Washington Post"
    assert scoring.name_hit(system, (90, 95)) == ""


def test_one_entity_rates_per_group_and_merges():
    rates = scoring.one_entity_rates({"person": [True, True], "org": [True, False], "place": []})
    assert rates == {"person": 1.0, "org": 0.5, "place": None, "all": 0.75}
    hits = {"Springfield": {"Springfield, Ill.", "Springfield, Mo."}, "Post": {"Washington Post"}}
    assert scoring.merged_entities(hits) == ["Springfield"]
    # a person swallowed by a building named after him is a merge of two things
    assert scoring.merged_entities({"Halvorsen Tower": {"person:Erik Halvorsen", "FAC:x"}}) == [
        "Halvorsen Tower"
    ]


def _brat(text: str, sources: list[str], pairs: list[tuple[str, str]]) -> str:
    """A brat file for ``text``: each source (its first occurrence at or after the last
    found) a Source span; each (pronoun source, content) pair an attribution."""
    lines, at, n = [], 0, 0
    ids = {}
    for src in sources:
        at = text.index(src, at)
        n += 1
        ids[src] = f"T{n}"
        lines.append(f"T{n}\tSource {at} {at + len(src)}\t{src}")
        at += len(src)
    for k, (src, content) in enumerate(pairs, start=1):
        start = text.index(content)
        n += 1
        lines.append(f"T{n}\tContent {start} {start + len(content)}\t{content}")
        lines.append(f"E{k}\tAttribution:T99 Source:{ids[src]} Content:T{n}")
    return "\n".join(lines) + "\n"


def test_gold_pronoun_sources_of_every_attribution():
    # "he" skips Jane Roe, a woman by her given name, for the nearest man before her
    text = "Tom Bell came. Jane Roe spoke. She said no. Then he said: “Yes.”"
    ann = _brat(text, ["Tom Bell", "Jane Roe", "She", " he"], [("She", "no"), (" he", "“Yes.”")])
    found = scoring.gold_pronoun_sources(text, ann)
    assert [(g.pronoun, g.resolved, g.quoted) for g in found] == [
        ("she", "Jane Roe", False),
        ("he", "Tom Bell", True),
    ]


def test_gold_pronoun_skips_a_named_source_of_the_other_gender():
    text = "Tom Bell arrived. Mrs. Roe spoke. “First point here,” he said."
    ann = _brat(text, ["Tom Bell", "Roe", " he"], [(" he", "“First point here,”")])
    (g,) = scoring.gold_quotes("d", text, ann)
    assert (g.kind, g.resolved, g.resolved_nearest) == ("pronoun", "Tom Bell", "Roe")


def test_gold_pronoun_keeps_the_nearest_when_no_gender_is_written():
    # nothing in the gold says Roe's gender: the nearest named source, as before
    text = "Tom Bell arrived. Roe spoke. “First point here,” he said."
    ann = _brat(text, ["Tom Bell", "Roe", " he"], [(" he", "“First point here,”")])
    (g,) = scoring.gold_quotes("d", text, ann)
    assert g.resolved == g.resolved_nearest == "Roe"


def test_gold_source_gender_reads_only_the_gold_words():
    assert scoring.gold_source_gender("said ", "Mr. Roe") == "m"
    assert scoring.gold_source_gender("said Mrs. ", "Roe") == "f"
    assert scoring.gold_source_gender("", "Acme spokeswoman Ann Lee") == "f"
    assert scoring.gold_source_gender("", "Sen. Tom Bell (R-Ohio), who chairs it") == "m"
    assert scoring.gold_source_gender("", "Jan Doe") is None  # a man's or a woman's name
    assert scoring.gold_source_gender("", "Mr. and Mrs. Roe") is None
    assert scoring.gold_source_gender("", "the Roe campaign") is None


def test_gold_source_genders_a_lone_surname_from_the_other_sources():
    text = "Jane Roe came. Roe said so. Mr. Poe and Ms. Poe left. Poe said no."
    spans, _ = scoring.parse_brat(_brat(text, ["Jane Roe", "Roe", "Mr. Poe", "Ms. Poe", "Poe"], []))
    genders = scoring.gold_source_genders(text, sorted(spans.values(), key=lambda s: s.start))
    assert list(genders.values()) == ["f", "f", "m", "f", None]


def test_claim_scores_pairs_and_recall():
    # gold: one measurement in fox (g0) and nyt (g1); system claim A pairs them, claim B pairs
    # a gold figure with a figure matching no gold claim (wrong)
    system_groups = {"A": [("fox", 0), ("nyt", 1)], "B": [("fox", 2), ("hpo", 3)]}
    gold_of = {("fox", 0): "c1", ("nyt", 1): "c1", ("fox", 2): "c1"}
    gold_groups = {"c1": [("fox", 0), ("nyt", 0)]}
    s = scoring.claim_scores(system_groups, gold_of, gold_groups)
    assert s["system_pairs"] == 2 and s["precision"] == 0.5
    assert s["gold_pairs"] == 1 and s["recall"] == 1.0


def test_claim_coverage_counts_gold_figures_read_and_the_recall_ceiling():
    # gold c1 in fox, hpo and nyt (3 units); the system read fox and nyt but not hpo
    gold_spans = [("fox", (0, 5), "c1"), ("hpo", (10, 15), "c1"), ("nyt", (20, 25), "c1")]
    fig_spans = [("fox", (1, 4)), ("nyt", (20, 22)), ("hpo", (40, 45))]
    gold_of = {("fox", 0): "c1", ("nyt", 1): "c1"}
    gold_groups = {"c1": [("fox", 0), ("hpo", 1), ("nyt", 2)]}
    cov = scoring.claim_coverage(gold_spans, fig_spans, gold_of, gold_groups)
    assert cov == {"gold_figures": 3, "gold_figures_read": 2, "units_readable": 1}


def test_parts_follow_the_eval_readme():
    assert scoring.basil_part("2016_1b96a5db") == "tune"
    assert scoring.basil_part("2019_70c75d68") == "check"
    assert [scoring.newsquant_part(i) for i in range(4)] == ["tune", "check", "tune", "check"]
    assert scoring.POLNEAR_FOLDERS == {"tune": "polnear-train", "check": "polnear-dev"}


def _gold(**claims):
    return {
        gid: {"verdict": verdict, "holder": holder, "outlets": set()}
        for gid, (verdict, holder) in claims.items()
    }


def test_claim_verdicts_agree_precision_is_strict():
    gold = _gold(c1=("agree", "the Senate"), c2=("agree", "the House"))
    gold_of = {("fox", 0): "c1", ("nyt", 1): "c1", ("fox", 2): "c2", ("nyt", 3): "c2"}
    system = {
        "A": {"status": "agree", "items": [("fox", 0), ("nyt", 1)]},  # right
        "B": {"status": "agree", "items": [("fox", 2), ("nyt", 3), ("hpo", 9)]},  # 9: no gold
        "C": {"status": "agree", "items": [("fox", 5)]},  # one outlet: not an agree claim
    }
    v = scoring.claim_verdicts(system, gold_of, gold)
    assert (v["agree_claims"], v["agree_correct"]) == (2, 1)
    assert v["verdicts_found"] == 2 and v["verdicts_right"] == 2


def test_claim_verdicts_conflicts_the_gold_calls_agreement():
    gold = _gold(c1=("agree", ""), c2=("conflict", ""), c3=("differ", ""))
    gold_of = {("fox", 0): "c1", ("nyt", 1): "c1", ("fox", 2): "c2", ("nyt", 3): "c2"}
    gold_of |= {("fox", 4): "c3", ("hpo", 5): "c3"}
    system = {
        "A": {"status": "conflict", "items": [("fox", 0), ("nyt", 1)]},
        "B": {"status": "conflict", "items": [("fox", 2), ("nyt", 3)]},
        "C": {"status": "differ", "items": [("fox", 4), ("hpo", 5)]},
    }
    v = scoring.claim_verdicts(system, gold_of, gold)
    assert (v["conflicts"], v["conflicts_true"], v["conflicts_gold_agree"]) == (2, 1, 1)
    assert (v["differs"], v["differs_true"]) == (1, 1)
    assert (v["hard_found"], v["hard_right"]) == (2, 2)
    assert (v["verdicts_found"], v["verdicts_right"]) == (3, 2)


def test_claim_verdicts_mixed_holders_and_distinct_pairs():
    gold = _gold(c1=("agree", "Donald Trump"), c2=("agree", "Mike Huckabee"))
    gold |= _gold(c3=("agree", "the Senate (vote)"), c4=("agree", "Senate"))
    gold_of = {("fox", 0): "c1", ("hpo", 1): "c2", ("fox", 2): "c3", ("hpo", 3): "c4"}
    distinct = [({("fox", 6)}, {("nyt", 7)}, "different holder")]
    distinct += [({("fox", 8)}, {("nyt", 9)}, "different thing")]
    system = {
        "A": {"status": "agree", "items": [("fox", 0), ("hpo", 1)]},  # two holders
        "B": {"status": "agree", "items": [("fox", 2), ("hpo", 3)]},  # one holder, two ways
        "C": {"status": "agree", "items": [("fox", 6), ("nyt", 7)]},
        "D": {"status": "agree", "items": [("fox", 8), ("nyt", 9)]},
    }
    v = scoring.claim_verdicts(system, gold_of, gold, distinct)
    assert v["mixed_holders"] == 2  # A and C
    assert v["with_distinct"] == 2  # C and D
    assert scoring.gold_holder("the Senate's (H.R. 1 vote)") == "senate"


# ----------------------------------------------------------------------------- facts


def test_statement_units_take_the_gold_sentence_a_clause_overlaps_most():
    gold = [("fox", (0, 40)), ("fox", (41, 90)), ("nyt", (0, 30))]
    system = [
        ("fox", (0, 20), 0),  # first clause of gold sentence 1
        ("fox", (22, 40), 0),  # second clause: the same unit
        ("fox", (35, 90), 1),  # mostly gold sentence 2
        ("nyt", (100, 120), 7),  # no gold sentence: its own key
    ]
    units = scoring.statement_units(system, gold)
    assert units[0] == units[1] == ("fox", 0, 40)
    assert units[2] == ("fox", 41, 90)
    assert units[3] == ("nyt", 7)


def test_fact_pairs_count_cross_outlet_pairs_once():
    facts = [
        [("fox", "a"), ("fox", "b"), ("nyt", "c")],  # fox-fox is no pair: 2 pairs
        [("nyt", "c"), ("fox", "a")],  # the same pair again: counted once
    ]
    pairs = scoring.fact_pairs(facts)
    assert pairs == {
        frozenset({("fox", "a"), ("nyt", "c")}),
        frozenset({("fox", "b"), ("nyt", "c")}),
    }


def test_fact_pair_counts_precision_and_recall():
    gold = [[("fox", "a"), ("nyt", "c"), ("hpo", "e")]]  # 3 gold pairs
    system = [[("fox", "a"), ("nyt", "c")], [("hpo", "e"), ("nyt", "x")]]  # 1 right, 1 wrong
    counts = scoring.fact_pair_counts(system, gold)
    assert counts == {"system": 2, "gold": 3, "correct": 1}
    assert scoring.prf(1, 2, 1, 3)["f1"] == 0.4


def test_inf_recall_and_lift():
    rows = [
        {"inf": 2, "outlets": 1, "all": 3},  # only in one outlet, 2 spans
        {"inf": 0, "outlets": 1, "all": 3},
        {"inf": 1, "outlets": 3, "all": 3},  # reported by all: not recalled
        {"inf": 0, "outlets": 2, "all": 3},
    ]
    out = scoring.inf_recall_lift(rows)
    assert out["inf_spans"] == 3
    assert out["inf_recall"] == round(2 / 3, 4)
    # only-in-one statements: 1 of 2 hold a span (0.5); all statements: 2 of 4 (0.5)
    assert out["inf_lift"] == 1.0
    assert scoring.inf_recall_lift([])["inf_lift"] == 0.0


def test_lex_hits_match_whole_words_and_phrases():
    spans = ["slammed the plan", "a radical scheme", "Slammed", "plans"]
    assert scoring.lex_hits(spans, ["slammed"]) == 2  # case-insensitive, whole words
    assert scoring.lex_hits(spans, ["plan"]) == 1  # "plans" is another word
    assert scoring.lex_hits(spans, ["radical scheme", "slammed"]) == 3
    assert scoring.lex_hits(spans, []) == 0


def test_locate_span_uses_the_offset_inside_its_sentence():
    raw = "Title\n\nThe mayor spoke. The mayor left early.\n"
    second = raw.index("The mayor left")
    assert scoring.locate_span(raw, "The mayor", 0) == raw.index("The mayor")
    assert scoring.locate_span(raw, "mayor left", 4) == second + 4
    assert scoring.locate_span(raw, "absent words", 0) is None
