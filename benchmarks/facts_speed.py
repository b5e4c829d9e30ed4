"""Speed of fact alignment: the seeds, and one large synthetic story.

Run from the repository root::

    .venv/bin/python benchmarks/facts_speed.py [--sizes 100,300,1000] [--statements 30]

Alignment runs on results already computed (statements, mentions, figures, quotes), so it is
timed alone: on the seeds' shipped analysis (``assets/seed-analysis``), then on synthetic
stories of N articles, each made of ``--statements`` statements drawn from the seeds'
statements (with their names, figures and quotes) under its own outlet. Every article of a
synthetic story reports the same event in the same sentences, the hardest case for
blocking: every key is shared by many statements. Prints a table and one JSON line.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from lib.resolve import alignment  # noqa: E402
from lib.resolve.facts import align_facts  # noqa: E402
from lib.store.folders import load_analysis  # noqa: E402

SEED_ANALYSIS = ROOT / "assets" / "seed-analysis"


def _inside(table: pd.DataFrame, doc_id: str, start: int, end: int) -> pd.DataFrame:
    rows = table[table["doc_id"] == doc_id]
    return rows[(rows["start_char"] >= start) & (rows["start_char"] < end)]


def synthetic_story(seed, n_docs: int, per_doc: int, rng: random.Random) -> dict:
    """Tables of a story of ``n_docs`` articles, each ``per_doc`` seed statements."""
    pool = list(seed.statements.itertuples(index=False))
    parts: dict[str, list] = {"statements": [], "mentions": [], "figures": [], "quotes": []}
    for d in range(n_docs):
        doc_id, outlet = f"synth_{d:05d}", f"Outlet {d:05d}"
        for pos, st in enumerate(rng.sample(pool, min(per_doc, len(pool)))):
            shift = pos * 2000 - int(st.start_char)
            row = st._asdict() | {"doc_id": doc_id, "outlet": outlet, "sentence_id": pos}
            row |= {"clause": 0, "start_char": pos * 2000, "end_char": int(st.end_char) + shift}
            row["headline"] = pos == 0
            parts["statements"].append(row)
            for name in ("mentions", "figures", "quotes"):
                table = getattr(seed, name)
                for m in _inside(table, st.doc_id, st.start_char, st.end_char).to_dict("records"):
                    m |= {"doc_id": doc_id, "outlet": outlet}
                    m["start_char"] = int(m["start_char"]) + shift
                    if "end_char" in m:
                        m["end_char"] = int(m["end_char"]) + shift
                    parts[name].append(m)
    frames = {k: pd.DataFrame(v) for k, v in parts.items()}
    frames["quotes"] = frames["quotes"].reindex(columns=list(seed.quotes.columns), fill_value=None)
    docs = frames["statements"][["doc_id", "outlet"]].drop_duplicates()
    frames["documents"] = docs.reset_index(drop=True)
    return frames


def time_alignment(tables: dict) -> dict:
    st = tables["statements"].reset_index(drop=True)
    info = alignment.statement_info(st, tables["mentions"], tables["figures"], tables["quotes"])
    t0 = time.perf_counter()
    i, _j = alignment.candidate_pairs(info)
    blocking = time.perf_counter() - t0
    t0 = time.perf_counter()
    facts = align_facts(
        st, tables["mentions"], tables["figures"], tables["quotes"], tables["documents"]
    )
    seconds = time.perf_counter() - t0
    return {
        "articles": int(st["doc_id"].nunique()),
        "statements": len(st),
        "candidate_pairs": len(i),
        "blocking_s": round(blocking, 3),
        "seconds": round(seconds, 3),
        "ms_per_statement": round(1000 * seconds / max(len(st), 1), 3),
        "facts": int(facts["fact_id"].nunique()),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,300,1000", help="articles per synthetic story")
    parser.add_argument("--statements", type=int, default=30, help="statements per article")
    args = parser.parse_args(argv)
    seed = load_analysis(SEED_ANALYSIS, check_version=False)
    results = {"seeds": time_alignment(vars(seed) | {"statements": seed.statements})}
    rng = random.Random(11)
    for n in [int(x) for x in args.sizes.split(",") if x.strip()]:
        results[f"synthetic_{n}"] = time_alignment(synthetic_story(seed, n, args.statements, rng))
    print("| Story | Articles | Statements | Candidate pairs | Blocking (s) | Alignment (s) "
          "| ms / statement | Facts | Peak RSS (MB) |")  # fmt: skip
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, r in results.items():
        print(
            f"| {name} | {r['articles']} | {r['statements']:,} | {r['candidate_pairs']:,} "
            f"| {r['blocking_s']} | {r['seconds']} | {r['ms_per_statement']} | {r['facts']:,} "
            f"| {r['peak_rss_mb']} |"
        )
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
