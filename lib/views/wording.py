"""Wording: the words and two-word phrases each outlet uses distinctively, and the things
two outlets name differently in the same fact.

Distinctive words are ranked by the log-odds ratio with an informative Dirichlet prior
(Monroe, Colaresi & Quinn 2008, "Fightin' Words", eq. 16-22): for a term *w*, an outlet
*i* and the other outlets of the same story *j* (pooled),

    δ = log((y_iw + α_w) / (n_i + α_0 − y_iw − α_w)) − log((y_jw + α_w) / (n_j + α_0 − y_jw − α_w))
    z = δ / sqrt(1 / (y_iw + α_w) + 1 / (y_jw + α_w))

where *y* are term counts, *n* all terms counted, and the prior α_w = α_0 · (share of *w*
among all terms of the story), α_0 = :data:`PRIOR_WEIGHT` × the story's terms. A large
*z* means the outlet uses the term more than the others, by more than chance would give
for a term that common. Terms are the words that can carry a word choice (common nouns,
verbs, adjectives, adverbs as written, lower-cased; names, numbers and stop words are not
terms) and two-word runs of them (``lib.extract.statements``); words inside quotation
marks are the speaker's and count only when asked.
"""

from __future__ import annotations

import difflib
import re

import numpy as np
import pandas as pd

from lib.columns import empty_frame, names
from lib.records import Naming, WordChoice

#: Terms shown (and used by the accuracy benchmark) per outlet.
TOP_TERMS = 20
#: α_0 as a share of the story's term count: how strongly the pooled story pulls every
#: outlet's rates (fitted on the BASIL tune events' lexical spans).
PRIOR_WEIGHT = 0.5
BREAK = "|"


def terms_of(words: str) -> list[str]:
    """Words and two-word phrases of a ``words`` string ("a b | c" -> a, b, c, "a b")."""
    out: list[str] = []
    for run in str(words or "").split(BREAK):
        tokens = run.split()
        out += tokens
        out += [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]
    return out


def _story_of(statements: pd.DataFrame, documents: pd.DataFrame | None) -> pd.Series:
    if documents is None or "story_id" not in documents.columns:
        return pd.Series(0, index=statements.index)
    story = dict(zip(documents["doc_id"], documents["story_id"], strict=True))
    return statements["doc_id"].map(story).fillna("")


def term_counts(statements: pd.DataFrame, quoted: bool = False) -> pd.DataFrame:
    """``story, outlet, term, count`` over the statements (``story`` column expected)."""
    rows: dict[tuple, int] = {}
    columns = ["words", "quoted"] if quoted else ["words"]
    for story, outlet, *texts in statements[["story", "outlet", *columns]].itertuples(index=False):
        for text in texts:
            for term in terms_of(text):
                key = (story, outlet, term)
                rows[key] = rows.get(key, 0) + 1
    if not rows:
        return pd.DataFrame(columns=["story", "outlet", "term", "count"])
    keys = list(rows)
    return pd.DataFrame(
        {
            "story": [k[0] for k in keys],
            "outlet": [k[1] for k in keys],
            "term": [k[2] for k in keys],
            "count": list(rows.values()),
        }
    )


def log_odds_z(y_i: np.ndarray, y_j: np.ndarray, prior: np.ndarray) -> np.ndarray:
    """Monroe et al.'s z-scores of the log-odds ratio (terms aligned in the three arrays;
    ``prior`` holds α_w, its sum α_0)."""
    a0 = prior.sum()
    n_i, n_j = y_i.sum(), y_j.sum()
    with np.errstate(divide="ignore", invalid="ignore"):  # a story of one term: z = 0
        delta = np.log((y_i + prior) / (n_i + a0 - y_i - prior)) - np.log(
            (y_j + prior) / (n_j + a0 - y_j - prior)
        )
        z = delta / np.sqrt(1.0 / (y_i + prior) + 1.0 / (y_j + prior))
    return np.where(np.isfinite(z), z, 0.0)


def distinctive_terms(
    statements: pd.DataFrame,
    documents: pd.DataFrame | None = None,
    *,
    top: int = TOP_TERMS,
    quoted: bool = False,
    prior_weight: float = PRIOR_WEIGHT,
) -> pd.DataFrame:
    """The ``wording`` table (:class:`~lib.records.WordChoice`): each outlet's ``top`` terms with
    the highest positive z against the other outlets of its story (``count``: uses by the
    outlet, ``others``: by the others; rates per 1,000 terms). An outlet alone in its story
    has no distinctive terms."""
    table = statements.assign(story=_story_of(statements, documents))
    counts = term_counts(table, quoted)
    out = []
    for _story, grp in counts.groupby("story", sort=False):
        wide = grp.pivot_table(index="term", columns="outlet", values="count", aggfunc="sum")
        wide = wide.fillna(0.0)
        if wide.shape[1] < 2:
            continue
        total = wide.sum(axis=1).to_numpy()
        prior = prior_weight * total  # α_0 · share = weight · story count · share
        for outlet in wide.columns:
            y_i = wide[outlet].to_numpy()
            y_j = total - y_i
            z = log_odds_z(y_i, y_j, prior)
            ranked = pd.DataFrame(
                {
                    "outlet": outlet,
                    "term": wide.index,
                    "count": y_i.astype(int),
                    "others": y_j.astype(int),
                    "per_1000": 1000 * y_i / max(y_i.sum(), 1),
                    "others_per_1000": 1000 * y_j / max(y_j.sum(), 1),
                    "z": z,
                }
            )
            ranked = ranked[(ranked["z"] > 0) & (ranked["count"] > 0)]
            out.append(ranked.sort_values(["z", "term"], ascending=[False, True]).head(top))
    if not out:
        return empty_frame(WordChoice)
    return pd.concat(out, ignore_index=True)[names(WordChoice)]


def frequent_terms(statements: pd.DataFrame, top: int = TOP_TERMS) -> dict[str, list[str]]:
    """Each outlet's ``top`` most frequent single words (the benchmark's baseline)."""
    table = statements.assign(story=0)
    counts = term_counts(table)
    counts = counts[~counts["term"].str.contains(" ", regex=False)]
    ranked = counts.sort_values(["count", "term"], ascending=[False, True])
    return {o: g["term"].head(top).tolist() for o, g in ranked.groupby("outlet", sort=False)}


def term_statements(statements: pd.DataFrame, outlet: str, term: str) -> pd.DataFrame:
    """The outlet's statements that use ``term`` (outside or inside quotation marks)."""
    rows = statements[statements["outlet"] == outlet]
    hit = rows["words"].map(lambda w: term in terms_of(w)) | rows["quoted"].map(
        lambda w: term in terms_of(w)
    )
    return rows[hit][["outlet", "doc_id", "sentence_id", "text"]].reset_index(drop=True)


_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
#: Longest run of words on either side of a naming difference ("illegal" / "undocumented").
PAIR_WORDS = 2


def _tokens(text: str) -> list[str]:
    return [t.lower().replace("’", "'") for t in _TOKEN.findall(str(text))]


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _swaps(a: str, b: str, vocab_a: set[str], vocab_b: set[str]) -> list[tuple[str, str]]:
    """Word runs one statement has where the other has different words, between words both
    share: ``("undocumented", "illegal")`` of "… undocumented immigrants …" / "… illegal
    immigrants …". Both runs are at most PAIR_WORDS wording words."""
    ta, tb = _tokens(a), _tokens(b)
    codes = difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes()
    found = []
    for k, (tag, i1, i2, j1, j2) in enumerate(codes):
        if tag != "replace" or not (0 < k < len(codes) - 1):
            continue
        left, right = ta[i1:i2], tb[j1:j2]
        if len(left) > PAIR_WORDS or len(right) > PAIR_WORDS:
            continue
        if not (set(left) <= vocab_a and set(right) <= vocab_b):
            continue
        if [_stem(w) for w in left] == [_stem(w) for w in right]:
            continue
        found.append((" ".join(left), " ".join(right)))
    return found


def naming_pairs(facts: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """:class:`~lib.records.Naming` rows: where statements of two outlets in one fact name
    the same thing in different words ("undocumented" / "illegal"), how many facts show it, and one
    ``example`` fact id. Only words that can carry a word choice count (no names,
    numbers or stop words)."""
    if facts.empty:
        return empty_frame(Naming)
    vocab = {}
    for row in statements.itertuples(index=False):
        vocab[(row.doc_id, row.sentence_id, row.clause)] = set(
            str(row.words).split() + str(row.quoted).split()
        ) - {BREAK}
    shared = facts[facts["outlets"] > 1]
    found: dict[tuple, list[str]] = {}
    for fact_id, grp in shared.groupby("fact_id", sort=False):
        items = list(grp.itertuples(index=False))
        for x, first in enumerate(items):
            for second in items[x + 1 :]:
                if first.outlet == second.outlet:
                    continue
                a, b = sorted((first, second), key=lambda r: str(r.outlet))
                va = vocab.get((a.doc_id, a.sentence_id, a.clause), set())
                vb = vocab.get((b.doc_id, b.sentence_id, b.clause), set())
                for left, right in _swaps(a.text, b.text, va, vb):
                    key = (a.outlet, left, b.outlet, right)
                    if fact_id not in found.setdefault(key, []):
                        found[key].append(fact_id)
    rows = [
        {
            "outlet_a": k[0],
            "words_a": k[1],
            "outlet_b": k[2],
            "words_b": k[3],
            "facts": len(v),
            "example": v[0],
        }
        for k, v in found.items()
    ]
    table = pd.DataFrame(rows, columns=names(Naming))
    return table.sort_values(["facts", "words_a"], ascending=[False, True]).reset_index(drop=True)


def wording_terms(analysis, quoted: bool) -> pd.DataFrame:
    """:func:`distinctive_terms` of the analysis (outlets against the others of their story)."""
    return distinctive_terms(analysis.statements, analysis.documents, quoted=quoted)


def naming_differences(analysis) -> pd.DataFrame:
    """:func:`naming_pairs` of the analysis's facts."""
    return naming_pairs(analysis.facts, analysis.statements)


def term_positions(text: str, term: str) -> list[tuple[int, int]]:
    """Where ``term`` (one or two words, any case) occurs in ``text`` as whole words."""
    words = [re.escape(w) for w in term.split()]
    if not words:
        return []
    pattern = r"(?<![\w'’])" + r"[\s\-–—]+".join(words) + r"(?![\w'’])"
    return [(m.start(), m.end()) for m in re.finditer(pattern, str(text), re.IGNORECASE)]
