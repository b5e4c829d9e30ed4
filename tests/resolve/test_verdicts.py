"""Verdicts with true reasons (lib.resolve.verdicts), times resolved against the article's
date and holders as canonical entities (lib.resolve.holders), on invented articles."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.corpus.document import Document
from lib.resolve.holders import resolve_time, time_span, times_compatible
from lib.resolve.verdicts import MAX_WHY_CHARS, claim_verdict, describe_claim


def rows(*figures, published=None):
    """Claim rows: (outlet, text, value, qualifier[, head])."""
    out = []
    for k, fig in enumerate(figures):
        outlet, text, value, qualifier, *head = fig
        out.append(
            dict(doc_id=f"d{k}" if outlet != "same" else "d0", outlet=outlet, text=text,
                 value=float(value), value_max=float(value), qualifier=qualifier, unit="",
                 counted="", measure_head=head[0] if head else "people", said_by="",
                 published=(published or [""] * len(figures))[k])
        )  # fmt: skip
    return pd.DataFrame(out)


def test_agree_names_the_common_range():
    status, reason = claim_verdict(
        rows(("A", "about 5,000", 5000, "approx"), ("B", "5,200", 5200, "exact"))
    )
    assert status == "agree"
    # "5,200" may be rounded to the hundred: 5,151 to 5,249, all within about 5,000
    assert reason == "one value fits every figure: 5,150 to 5,250"


def test_durations_agree_in_days_and_say_so():
    """ "three weeks" and "21 days" are compared in days: the range says days, not weeks."""
    r = rows(("A", "three weeks", 3, "exact"), ("B", "21 days", 21, "exact"))
    r["kind"] = "duration"
    r["unit"] = ["week", "day"]
    r["norm_value"], r["norm_low"], r["norm_high"] = [21.0, 21.0], [20.5, 20.5], [21.5, 21.5]
    status, reason = claim_verdict(r)
    assert status == "agree"
    assert reason == "one value fits every figure: 20.5 to 21.5 days"


def test_never_one_value_fits_all_unless_one_does():
    """ "$139 million" is 138.5 to 139.5 million: $140,937,785 does not fit it."""
    r = rows(("A", "$139 million", 139e6, "exact"), ("B", "$140,937,785", 140_937_785, "exact"))
    status, reason = claim_verdict(r)
    assert status == "differ" and "one value fits" not in reason
    assert reason.startswith("values differ by 1.4%")
    assert "close enough to be another definition or rounding" in reason


def test_conflict_only_for_the_same_measurement_far_apart():
    status, reason = claim_verdict(
        rows(("A", "3,000", 3000, "exact"), ("B", "11,000", 11000, "exact"))
    )
    assert status == "conflict" and reason == "values 266.7% apart cannot all be true"


def test_other_words_or_a_later_update_make_a_difference_not_a_conflict():
    words = rows(("A", "5,000", 5000, "exact", "resident"), ("B", "6,000", 6000, "exact", "people"))
    assert claim_verdict(words) == (
        "differ",
        "values differ by 20.0%: counted as “people” and “resident”",
    )
    later = rows(("A", "40", 40, "exact"), ("B", "52", 52, "exact"),
                 published=["2024-03-01", "2024-03-03"])  # fmt: skip
    status, reason = claim_verdict(later)
    assert status == "differ" and "a later article gives the larger value" in reason
    earlier = rows(("A", "52", 52, "exact"), ("B", "40", 40, "exact"),
                   published=["2024-03-01", "2024-03-03"])  # fmt: skip
    assert claim_verdict(earlier)[0] == "conflict"


def test_a_weak_group_never_conflicts():
    r = rows(("A", "3,000", 3000, "exact"), ("B", "11,000", 11000, "exact"))
    r["strength"] = "weak"
    assert claim_verdict(r)[0] == "differ"


def test_reasons_are_bounded_with_many_outlets():
    r = rows(*[(f"Outlet number {k}", f"{1000 + 500 * k:,}", 1000 + 500 * k, "exact")
               for k in range(40)])  # fmt: skip
    why = describe_claim(r)
    assert len(why) <= MAX_WHY_CHARS
    assert "Outlet number 0" in why and "Outlet number 39" not in why


@pytest.mark.parametrize(
    ("text", "published", "resolved"),
    [
        ("Wednesday", "2017-03-24", "2017-03-22"),
        ("on Monday", "2018-01-22", "2018-01-22"),  # the paper's own weekday: that day
        ("last Monday", "2018-01-22", "2018-01-15"),
        ("last year", "2017-03-24", "2016"),
        ("in 2014", "", "2014"),
        ("March 2011", "2011-03-30", "2011-03"),
        ("the previous night", "2017-03-24", "previous night"),  # no date of its own
        ("Wednesday", "", "Wednesday"),  # no date to resolve it against: as written
    ],
)
def test_times_resolved_against_the_article_date(text, published, resolved):
    assert resolve_time(text, published) == resolved


def test_times_compatible():
    assert times_compatible("2017", "2017-03-22") is True
    assert times_compatible("2017-03-21", "2017-03-22") is False
    assert times_compatible("2017-W12", "2017-03-22") is True
    assert times_compatible("overnight", "2017-03-22") is None
    assert times_compatible("", "2017") is None
    assert time_span("2017-03") == (
        pd.Timestamp("2017-03-01").date(),
        pd.Timestamp("2017-03-31").date(),
    )


ARTICLES = {
    "a": ("Daily Alpha", "2024-05-10", "Velmar Corp said on Wednesday it cut 1,200 jobs. "
          "Jana Okoro's stake of 12.5% was sold. Jana Okoro, 52, declined to comment."),
    "b": ("Beta News", "2024-05-09", "Velmar cut 1,200 jobs on Wednesday, the company said. "
          "Ms. Okoro, 52, founded the firm. Tomas Dvorak's stake of 12.5% was unchanged."),
}  # fmt: skip


@pytest.fixture(scope="module")
def story(nlp):
    from lib.analysis import analyze
    from lib.parsing.local import InProcess

    docs = [
        Document(doc_id=k, outlet=o, published=p, text=t, title="", byline="", url="")
        for k, (o, p, t) in ARTICLES.items()
    ]
    return analyze(docs, InProcess(nlp))


def test_holders_are_canonical_entities_and_keep_measurements_apart(story):
    figures, claims = story.figures, story.claims
    stakes = figures[figures["value"] == 12.5]
    assert set(stakes["holder"]) == {"Jana Okoro", "Tomas Dvorak"}
    assert claims.loc[claims["value"] == 12.5, "claim_id"].nunique() == 2
    age = claims[claims["value"] == 52]
    assert age["claim_id"].nunique() == 1 and set(age["doc_id"]) == {"a", "b"}
    assert set(age["holder"]) == {"Jana Okoro"} and set(age["status"]) == {"agree"}


def test_time_is_resolved_per_article_and_named_in_the_label(story):
    jobs = story.claims[story.claims["value"] == 1200]
    assert set(jobs["time"]) == {"2024-05-08"}  # each article's own Wednesday
    assert jobs["claim_id"].nunique() == 1 and set(jobs["status"]) == {"agree"}
    assert jobs["counted"].iloc[0].endswith(", 2024-05-08")
    assert set(jobs["low"]) == {1151.0} and set(jobs["high"]) == {1249.0}  # to the hundred
