"""Bare surnames of a family: which member each one names (tune gold only).

Gold: ``benchmarks/gold/polnear-families.json`` (see ``benchmarks/gold/README.md``): PolNeAR
train articles that name two or more people of one surname, with every bare-surname
mention of a person labelled by offsets with the person meant. Each article is analysed on
its own, as the app reads one uploaded article. Run from the repository root::

    COVERAGE_LENS_CACHE_DIR=off .venv/bin/python benchmarks/families.py --data ../shared/eval

Per gold mention: *right* (the system links it to that person), *wrong* (to another person:
a merge of two people), *unlinked* (left as the bare surname) or *missed* (no mention).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import scoring  # noqa: E402
from benchmarks.accuracy import DEFAULT_DATA, GOLD, project  # noqa: E402

GOLD_FILE = GOLD / "polnear-families.json"


def verdict(entity: str, person: str) -> str:
    """right / wrong / unlinked for the system ``entity`` of a mention of gold ``person``."""
    from lib.resolve.people import firsts_agree, parse_name

    if not entity:
        return "missed"
    name, gold = parse_name(entity), parse_name(person)
    if name is None:
        return "unlinked"
    same = name.key == gold.key and firsts_agree(name.first, gold.first)
    return "right" if same else "wrong"


def bench(data: Path, run) -> dict:
    gold = json.loads(GOLD_FILE.read_text(encoding="utf-8"))
    tally: Counter = Counter()
    rows = []
    for article in gold["articles"]:
        path = data / article["file"]
        raw = path.read_text(encoding="utf-8")
        outlet = path.name.split("_", 1)[0]
        (doc,), analysis = run([(path.stem, raw, {"outlet": outlet})])
        offsets = scoring.OffsetMap(raw, doc.text)
        spans = [
            (int(m.start_char), int(m.end_char), m.entity) for m in analysis.mentions.itertuples()
        ]
        for person in article["people"]:
            for item in person["mentions"]:
                span = offsets.span(item["start"], item["end"])
                hit = next((e for s, t, e in spans if span and scoring.overlaps((s, t), span)), "")
                v = verdict(hit, person["person"])
                tally[v] += 1
                rows.append((path.name, item["start"], person["person"], hit, v))
    total = sum(tally.values())
    return {
        "mentions": total,
        "accuracy": round(tally["right"] / total, 4) if total else None,
        **{k: tally[k] for k in ("right", "wrong", "unlinked", "missed")},
        "rows": rows,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("-v", "--verbose", action="store_true", help="every mention")
    args = parser.parse_args(argv)
    result = bench(Path(args.data), project())
    rows = result.pop("rows")
    if args.verbose:
        for row in rows:
            print("\t".join(map(str, row)))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
