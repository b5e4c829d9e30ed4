"""Growth benchmark, corpus shapes: time and peak memory as a corpus grows ×10 in articles.

Run through ``benchmarks/growth.py --corpus`` (see its docstring). N = 1, 3 and 10 invented
articles of one shape in one corpus, so the corpus-level passes (claims, quote groups)
see N times as many rows:

- ``quotes``: articles of 600 quotations each (the per-article cap), a third of them
  carried by other articles too (the same speaker, the wording trimmed or one word
  changed), the rest each article's own, from a Zipf-like vocabulary of invented words;
  one in seven is a scare quote of one to three words, half of them taken from a quote
  that other articles carry;
- ``figures``: articles of 1,499 numbers each (just under the per-article cap,
  ``lib.extract.caps.MAX_NUMBERS``, counted as it counts them: runs of digits), plain
  counts of the same few kinds of thing ("The court counted 3,396 residents, up from …"),
  so the claim grouping sees up to ~8,000 figures of a handful of kinds.

Each N runs in its own subprocess: the articles are parsed once (not timed as corpus
work), then :func:`lib.analysis.analyze` runs again on the parsed parts, which times the
corpus-level passes alone (``corpus s``); ``total s`` is parsing plus those passes. Targets:
×10 articles ≤ ×12 time (total and corpus passes); peak RSS ≤ 1 GB at N = 10. A new shape
is a generator in :func:`make_corpus` and a name in :data:`CORPUS_SHAPES`.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.growth_text import (
    _NOUNS,
    _SYLLABLES,
    _VERBS,
    _WORDS,
    RESULTS,
    ROOT,
    SHAPES,
    TARGET_RATIO,
    THREAD_VARS,
    _name,
    make_text,
)

GROWTH = Path(__file__).resolve().parent / "growth.py"


# ----------------------------------------------------------------------------- corpora

#: Articles per corpus size, and the corpus targets: ×10 articles ≤ ×12 time, ≤ 1 GB.
ARTICLES = (1, 3, 10)
TARGET_CORPUS_RSS_MB = 1024.0
#: Quotations per article of the ``quotes`` corpus shape (lib.nlp.caps.MAX_QUOTES).
QUOTES_PER_ARTICLE = 600
#: Numbers per article of the ``figures`` corpus shape (just under MAX_NUMBERS).
NUMBERS_PER_ARTICLE = 1_499


def _lexicon(rng: random.Random, n: int) -> list[str]:
    """``n`` distinct invented words ("kalove", "rimontas") for quote texts."""
    words: set[str] = set()
    while len(words) < n:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


class _QuoteCorpus:
    """Invented quotations for a corpus: a shared pool that several articles carry (the
    same speaker, wording trimmed or one word changed) and each article's own quotes.
    Words are drawn from a Zipf-like lexicon, so quotes share words as real ones do."""

    FUNCTION = _WORDS[:12]

    def __init__(self, seed: int = 26, pool: int = 1500) -> None:
        self.rng = random.Random(f"corpus-quotes-{seed}")
        self.lexicon = _lexicon(self.rng, 4000)
        self.rng.shuffle(self.lexicon)  # which word is frequent is random, not alphabetical
        self.weights = [1 / (rank + 1) for rank in range(len(self.lexicon))]
        self.speakers = [_name(self.rng) for _ in range(300)]
        self.pool = [(self.rng.choice(self.speakers), self._words(8, 24)) for _ in range(pool)]

    def _words(self, lo: int, hi: int) -> list[str]:
        rng, n = self.rng, self.rng.randint(lo, hi)
        content = rng.choices(self.lexicon, weights=self.weights, k=n)
        return [w if rng.random() > 0.3 else rng.choice(self.FUNCTION) for w in content]

    def _variant(self, words: list[str]) -> list[str]:
        """The same quote as another outlet carries it: trimmed, or one word changed."""
        rng, words = self.rng, list(words)
        if rng.random() < 0.4 and len(words) > 10:
            words = words[rng.randint(0, 2) : len(words) - rng.randint(0, 3)]
        if rng.random() < 0.4:
            words[rng.randrange(len(words))] = rng.choice(self.lexicon)
        return words

    def _quote(self, who: str, words: list[str]) -> str:
        inner = " ".join(words).capitalize()
        verb = self.rng.choice(_VERBS)
        short = who.split()[-1] if self.rng.random() < 0.3 else who
        return self.rng.choice((f"“{inner},” {short} {verb}.", f"{short} {verb}: “{inner}.”"))

    def article(self, n: int) -> str:
        """One article of ``n`` quotations, some carried by other articles too."""
        rng = self.rng
        paragraphs = [f"Invented report {rng.randint(1, 10**6)} on the talks"]
        for k in range(n):
            if k % 7 == 6:  # a scare quote: a few words, often from a quote others carry
                words = self._words(1, 3)
                if rng.random() < 0.5:
                    _who, pooled = rng.choice(self.pool)
                    at = rng.randrange(len(pooled) - 3)
                    words = pooled[at : at + rng.randint(1, 3)]
                noun = rng.choice(_NOUNS)
                paragraphs.append(f"The {noun} called it “{' '.join(words)}”.")
            elif rng.random() < 0.35:
                who, words = rng.choice(self.pool)
                paragraphs.append(self._quote(who, self._variant(words)))
            else:
                paragraphs.append(self._quote(rng.choice(self.speakers), self._words(6, 22)))
        return "\n\n".join(paragraphs) + "\n"


def _figure_sentences(rng: random.Random) -> str:
    """Plain numbers counting the same few kinds of thing, as a big story's articles do."""
    return (
        " ".join(
            f"The {rng.choice(_NOUNS)} counted {rng.randint(2, 9_999):,} "
            f"{rng.choice(_WORDS[12:])}, up from {rng.randint(2, 9_999):,} and about "
            f"{rng.randint(2, 9_999):,} {rng.choice(_WORDS[12:])} before."
            for _ in range(rng.randint(2, 4))
        )
        + "\n\n"
    )


def article_with_numbers(seed: int, numbers: int = NUMBERS_PER_ARTICLE) -> str:
    """An invented article of the ``figures`` shape with at most ``numbers`` numbers as
    :mod:`lib.extract.caps` counts them (runs of digits: "3,396" is two)."""
    from lib.extract.caps import DIGITS

    rng = random.Random(f"corpus-figures-{seed}")
    pieces, count = [f"Invented count {seed} of the week\n\n"], 0
    while count < numbers:
        piece = _figure_sentences(rng)
        pieces.append(piece)
        count += len(DIGITS.findall(piece))
    text = "".join(pieces)
    found = list(DIGITS.finditer(text))
    if len(found) > numbers:
        text = text[: text.rfind(".", 0, found[numbers].start()) + 1]
    return text


def make_corpus(shape: str, articles: int, seed: int = 26) -> list[tuple[str, str]]:
    """``articles`` invented articles of corpus ``shape``: ``(name, raw text)`` pairs."""
    if shape == "quotes":
        maker = _QuoteCorpus(seed)
        return [(f"quotes_{i:03d}", maker.article(QUOTES_PER_ARTICLE)) for i in range(articles)]
    if shape == "figures":
        return [(f"figures_{i:03d}", article_with_numbers(seed * 100 + i)) for i in range(articles)]
    raise ValueError(f"unknown corpus shape {shape!r}")


CORPUS_SHAPES = ("quotes", "figures")


def run_corpus_one(shape: str, articles: int) -> dict:
    """Analyse a corpus of ``articles`` articles of ``shape`` in this process: parsing and
    the corpus-level passes (timed on their own), and the peak RSS."""
    import resource

    os.environ["COVERAGE_LENS_CACHE_DIR"] = "off"
    from lib.analysis import analyze
    from lib.corpus.parse import parse_document
    from lib.nlp.pipeline import get_nlp
    from lib.parsing.local import InProcess

    nlp = InProcess(get_nlp())  # the passes' own CPU time, in this process
    analyze([parse_document("warm", make_text("quotes", 2_000, seed=1))], nlp, cache=None)
    docs = [parse_document(name, raw) for name, raw in make_corpus(shape, articles)]
    parts: dict = {}
    memory = type("Parts", (), {"get": parts.get, "put": parts.__setitem__})()
    c0, t0 = time.process_time(), time.perf_counter()
    analyze(docs, nlp, cache=memory)  # parses every article (and runs the passes once)
    c1, t1 = time.process_time(), time.perf_counter()
    analysis = analyze(docs, nlp, cache=memory)  # every article parsed: the passes alone
    c2, t2 = time.process_time(), time.perf_counter()
    corpus_cpu = c2 - c1
    return {
        "shape": f"corpus:{shape}",
        "articles": articles,
        "chars": sum(len(d.text) for d in docs),
        "parse_s": round(t1 - t0 - (t2 - t1), 3),
        "corpus_s": round(t2 - t1, 3),
        "corpus_cpu_s": round(corpus_cpu, 3),
        "total_s": round(t1 - t0, 3),
        "cpu_s": round(c1 - c0, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "sentences": len(analysis.sentences),
        "figures": len(analysis.figures),
        "claims": len(analysis.claims),
        "largest_claim": int(analysis.claims.groupby("claim_id").size().max())
        if len(analysis.claims)
        else 0,
        "longest_why": int(analysis.claims["why"].str.len().max()) if len(analysis.claims) else 0,
        "quotes": len(analysis.quotes),
        "quote_groups": int(analysis.quotes["group_id"].nunique()) if len(analysis.quotes) else 0,
        "notes": [message for _name, message in analysis.problems],
    }


def run_corpus_case(shape: str, articles: int, timeout: float) -> dict:
    """:func:`run_corpus_one` in a fresh subprocess, stopped after ``timeout`` s."""
    cmd = [sys.executable, str(GROWTH), "--corpus-one", shape, str(articles)]
    env = {**os.environ, **{k: "1" for k in THREAD_VARS}}
    try:
        done = subprocess.run(
            cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT, check=False, env=env
        )
    except subprocess.TimeoutExpired:
        return {"shape": f"corpus:{shape}", "articles": articles, "error": f"timeout {timeout:g} s"}
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or ["failed"])[-1]
        return {"shape": f"corpus:{shape}", "articles": articles, "error": tail[:200]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def corpus_ratios(rows: list[dict]) -> list[dict]:
    """Add ``ratio`` (total CPU) and ``corpus_ratio`` (the corpus passes) per ×10 articles
    against the previous size of the same shape (log-scaled between sizes)."""
    import math

    prev: dict[str, dict] = {}
    for row in rows:
        before = prev.get(row["shape"])
        if before and "cpu_s" in row and "cpu_s" in before:
            exponent = 1 / math.log10(row["articles"] / before["articles"])
            for key, name in (("cpu_s", "ratio"), ("corpus_cpu_s", "corpus_ratio")):
                growth = row[key] / max(before[key], 1e-3)
                row[name] = round(growth**exponent, 2)  # per ×10 articles
        prev[row["shape"]] = row
    return rows


def corpus_markdown(rows: list[dict]) -> list[str]:
    lines = [
        "",
        "## Corpus shapes",
        "",
        "N invented articles of one shape in one corpus (`--corpus`), each N in its own "
        "process: *parse s* = spaCy and per-article extraction, *corpus s* = the "
        "corpus-level passes alone (entities, sources, claims, quote groups; CPU s in "
        "brackets), *total s* = both. *×10 ratio* = growth per ×10 articles against the "
        f"previous N (target ≤ {TARGET_RATIO:g}, total CPU and corpus passes); peak RSS "
        f"target ≤ {TARGET_CORPUS_RSS_MB:g} MB at N = 10.",
        "",
        "| shape | articles | characters | parse s | corpus s (CPU) | total s | ×10 ratio "
        "(total CPU) | ×10 ratio (corpus passes) | peak RSS MB | quotes | quote groups "
        "| figures | claims | note |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
        "| ---: | --- |",
    ]
    for r in rows:
        if "error" in r:
            lines.append(f"| {r['shape']} | {r['articles']} |" + " |" * 11 + f" {r['error']} |")
            continue
        lines.append(
            f"| {r['shape']} | {r['articles']} | {r['chars']:,} | {r['parse_s']:.1f} "
            f"| {r['corpus_s']:.2f} ({r['corpus_cpu_s']:.2f}) | {r['total_s']:.1f} "
            f"| {r.get('ratio', '')} | {r.get('corpus_ratio', '')} | {r['peak_rss_mb']:.0f} "
            f"| {r['quotes']:,} | {r['quote_groups']:,} | {r['figures']:,} | {r['claims']:,} "
            f"| {' '.join(r['notes'])} |"
        )
    return lines


def corpus_verdict(rows: list[dict]) -> dict:
    ratios = [r[k] for r in rows for k in ("ratio", "corpus_ratio") if k in r]
    big = [r["peak_rss_mb"] for r in rows if r.get("articles", 0) >= 10 and "peak_rss_mb" in r]
    return {
        "worst_corpus_ratio": max(ratios) if ratios else None,
        "worst_corpus_rss_mb": max(big) if big else None,
        "corpus_errors": sum(1 for r in rows if "error" in r),
        "corpus_ratio_ok": all(x <= TARGET_RATIO for x in ratios),
        "corpus_rss_ok": all(x <= TARGET_CORPUS_RSS_MB for x in big),
    }


def corpus_main(args) -> int:
    """``--corpus``: every corpus shape at N = 1, 3, 10 articles; appends its table to
    ``growth.md`` (replacing an earlier corpus table)."""
    counts = [int(n) for n in args.articles.split(",") if n] or list(ARTICLES)
    given = [s for s in args.shapes.split(",") if s] if args.shapes != ",".join(SHAPES) else []
    shapes = given or list(CORPUS_SHAPES)
    unknown = [s for s in shapes if s not in CORPUS_SHAPES]
    if unknown:
        raise SystemExit(f"unknown corpus shape(s): {', '.join(unknown)}")
    rows = []
    for shape in shapes:
        for n in counts:
            row = run_corpus_case(shape, n, args.timeout)
            rows.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
            if "error" in row:
                break
    rows = corpus_ratios(rows)
    summary = corpus_verdict(rows)
    if not args.no_write:
        text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Growth benchmark\n"
        text = text.split("\n## Corpus shapes\n")[0].rstrip("\n") + "\n"
        stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        table = corpus_markdown(rows) + [
            "",
            f"`benchmarks/growth.py --corpus`, {stamp}. Worst ×10 ratio: "
            f"{summary['worst_corpus_ratio']} (target ≤ {TARGET_RATIO:g}); peak RSS at 10 "
            f"articles: {summary['worst_corpus_rss_mb']} MB (target ≤ "
            f"{TARGET_CORPUS_RSS_MB:g}); cases that failed or timed out: "
            f"{summary['corpus_errors']}.",
            "",
        ]
        RESULTS.write_text(text + "\n".join(table), encoding="utf-8")
    print(json.dumps({"rows": rows, "summary": summary}))
    return 0
