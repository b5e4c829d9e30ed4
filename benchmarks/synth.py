"""Synthetic corpora for benchmarks and tests: seed paragraphs recombined under new outlets.

Each synthetic article takes a title line and 6–12 paragraphs drawn (deterministically,
from ``random.Random(seed)``) from the seed articles' bodies, so the texts look like news
about the same event but differ from each other. Outlets are named ``Outlet 001`` …
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from lib.corpus.document import Document
from lib.ingest.local import load_corpus

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def seed_paragraphs() -> list[str]:
    """Body paragraphs of the seed articles (in order, each once)."""
    paras: list[str] = []
    for doc in load_corpus(SEEDS).documents:
        paras.extend(p.strip() for p in doc.text.split("\n\n") if len(p.strip()) > 40)
    return list(dict.fromkeys(paras))


def synthetic_documents(n: int, *, seed: int = 7, outlets: int | None = None) -> list[Document]:
    """``n`` distinct documents built from seed paragraphs, under ``outlets`` outlet names
    (default: one outlet per document)."""
    paras = seed_paragraphs()
    rng = random.Random(seed)
    n_outlets = outlets or n
    docs = []
    for i in range(n):
        k = rng.randint(6, min(12, len(paras)))
        body = rng.sample(paras, k)
        title = f"Report {i:04d}: " + body[0].split(". ")[0][:80]
        text = "\n\n".join(body)
        docs.append(
            Document(
                doc_id=f"synth_{i:04d}",
                text=text,
                outlet=f"Outlet {i % n_outlets:03d}",
                title=title,
                source_name=f"synth_{i:04d}.txt",
            )
        )
    return docs


def write_corpus_folder(docs: list[Document], folder: Path) -> Path:
    """Write ``docs`` as ``<doc_id>.txt`` files plus a ``sources.csv`` manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "sources.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["doc_id", "outlet", "title", "published", "byline", "url"])
        for d in docs:
            w.writerow([d.doc_id, d.outlet, d.title, d.published, d.byline, d.url])
            (folder / f"{d.doc_id}.txt").write_text(d.text + "\n", encoding="utf-8")
    return folder


# ----------------------------------------------------------------------------- story piles
# A pile of many invented events, several articles each, for story grouping at scale (the
# growth benchmark's stories shape, the Dask benchmark and tests). Every name is invented
# from syllables; events of one kind share their vocabulary ("flood", "levee"), and a few
# national figures recur across many events, so only the people, places and days of an
# event tell it apart.

_SYL = ("ka", "lo", "ve", "ri", "mon", "tas", "del", "por", "qui", "ne", "sa", "bre", "vel",
        "dor", "mi", "ra", "tan", "ko", "lis", "ben", "zu", "fa", "gor", "shi", "pel", "tru",
        "an", "os", "wen", "dra", "il", "mar", "nu", "sef", "ho", "li")  # fmt: skip
_KINDS = {
    "flood": ("flood", "river", "levee", "rain", "evacuate", "rescue", "water", "bank"),
    "strike": ("strike", "union", "worker", "wage", "picket", "talks", "shift", "walkout"),
    "election": ("election", "vote", "ballot", "candidate", "turnout", "mayor", "campaign"),
    "trial": ("trial", "court", "judge", "jury", "verdict", "lawyer", "charge", "witness"),
    "fire": ("fire", "blaze", "firefighter", "smoke", "flame", "hectare", "wind", "crew"),
    "quake": ("earthquake", "quake", "magnitude", "aftershock", "rubble", "collapse"),
    "protest": ("protest", "march", "crowd", "police", "demonstrator", "square", "banner"),
    "merger": ("merger", "deal", "share", "investor", "company", "board", "bid", "price"),
    "outbreak": ("outbreak", "virus", "case", "hospital", "vaccine", "patient", "clinic"),
    "crash": ("crash", "train", "derailment", "passenger", "carriage", "track", "signal"),
    "storm": ("storm", "gale", "roof", "power", "outage", "tree", "coast", "gust"),
    "budget": ("budget", "tax", "spending", "deficit", "minister", "parliament", "cut"),
}  # fmt: skip
_ROLES = ("mayor", "spokeswoman", "spokesman", "chief", "director", "minister", "leader")
_ORG_NOUNS = ("Authority", "Union", "Council", "Agency", "Board", "Service", "Institute")
_FILLER = ("officials", "said", "on", "the", "week", "people", "local", "report", "city",
           "area", "residents", "government", "statement", "later", "region", "new")  # fmt: skip
_OUTLET_A = ("Northern", "Valley", "Harbour", "Evening", "Daily", "Coastal", "Capital", "Union")
_OUTLET_B = ("Ledger", "Post", "Herald", "Gazette", "Courier", "Times", "Wire", "Chronicle")
#: Content words the cheap tokenizer of :func:`cheap_parts` leaves out.
_STOP = frozenset(
    "a an the of in on to and or at by for with from as is was were be been it its this that "
    "he she they we said says after before about more than".split()
)


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYL) for _ in range(parts)).title()


def _event(rng: random.Random, day: int, figures: list[str]) -> dict:
    kind = rng.choice(sorted(_KINDS))
    place = _word(rng, 3)
    return {
        "kind": kind,
        "day": day,
        "place": place,
        "place2": _word(rng, 3) + " " + rng.choice(("Valley", "Bay", "Hills", "Heights")),
        "people": [f"{_word(rng, 2)} {_word(rng, 3)}" for _ in range(rng.randint(2, 3))],
        "org": f"{place} {rng.choice(_ORG_NOUNS)}",
        "figure": rng.choice(figures),
        "number": rng.randint(12, 4800),
    }


def _sentence(rng: random.Random, ev: dict, words: int) -> str:
    vocab = _KINDS[ev["kind"]]
    body = " ".join(rng.choice(vocab + _FILLER) for _ in range(words))
    return body[0].upper() + body[1:]


def _article(rng: random.Random, ev: dict) -> tuple[str, str]:
    """(title, text) of one article about event ``ev``."""
    vocab = _KINDS[ev["kind"]]
    who, other = rng.sample(ev["people"], 2)
    role = rng.choice(_ROLES)
    weekday = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")[ev["day"] % 5]
    title = f"{who} says {vocab[0]} in {ev['place']} is {rng.choice(('worse', 'over', 'growing'))}"
    paras = [
        f"The {vocab[0]} in {ev['place']} {rng.choice(('grew', 'hit', 'reached'))} the "
        f"{rng.choice(vocab)} on {weekday}, with {ev['number'] + rng.randint(-5, 5)} "
        f"{rng.choice(('people', 'residents', 'workers'))} affected, said {who}, the {role} "
        f"of the {ev['org']}.",
        f"“{_sentence(rng, ev, rng.randint(8, 14))},” {other} told reporters in {ev['place']}.",
        f"The {ev['org']} said {_sentence(rng, ev, rng.randint(10, 16)).lower()} near "
        f"{ev['place2']}.",
        f"{ev['figure']} said the government was watching the {vocab[0]} closely. "
        f"{_sentence(rng, ev, rng.randint(10, 18))}.",
        f"{who} said {_sentence(rng, ev, rng.randint(6, 12)).lower()}.",
    ]
    return title, "\n\n".join(paras)


def story_pile(
    n: int, *, seed: int = 24, days: int | None = None, outlets: int = 40
) -> tuple[list[Document], list[str]]:
    """``n`` invented articles about many events (2 to 8 articles each), and each one's
    event id (the gold story). Events start on one of ``days`` days (default: about one
    day per 50 articles, at least 30) and their articles appear that day or the next two.
    """
    rng = random.Random(seed)
    days = days or max(30, n // 50)
    figures = [f"{_word(rng, 2)} {_word(rng, 3)}" for _ in range(12)]  # recurring national names
    outlet_names = [f"The {a} {b}" for a in _OUTLET_A for b in _OUTLET_B][:outlets]
    docs: list[Document] = []
    gold: list[str] = []
    start = 739_000  # a day in 2024
    while len(docs) < n:
        ev = _event(rng, rng.randrange(days), figures)
        ev_id = f"e{len(set(gold)):06d}"
        for outlet in rng.sample(outlet_names, min(rng.randint(2, 8), n - len(docs))):
            title, text = _article(rng, ev)
            published = start + ev["day"] + rng.choice((0, 0, 0, 1, 1, 2))
            from datetime import date

            k = len(docs)
            docs.append(
                Document(
                    doc_id=f"pile_{k:06d}",
                    text=f"{title}\n\n{text}",
                    outlet=outlet,
                    title=title,
                    published=date.fromordinal(published).isoformat(),
                    source_name=f"pile_{k:06d}.txt",
                )
            )
            gold.append(ev_id)
    return docs, gold


def cheap_parts(doc: Document):
    """:class:`~lib.records.Parts` with the ``terms`` and ``mentions`` a parse of ``doc``
    would give, read cheaply without spaCy (capitalised runs are names, other words
    lower-cased terms): enough for timing story grouping at scale."""
    import re
    from collections import Counter

    from lib.records import Mention, Parts, Term

    text = doc.text
    lead_end = len("\n\n".join(text.split("\n\n")[:2]))
    counts, lead = Counter(), Counter()
    mentions = []
    for m in re.finditer(r"[A-Z][a-z]+(?: [A-Z][a-z]+)*|[a-z]+", text):
        word = m.group(0)
        if word[0].isupper() and " " in word:
            mentions.append(Mention(text=word, label="PERSON", start_char=m.start()))
        for w in word.lower().split():
            if w not in _STOP and len(w) > 1:
                counts[w] += 1
                lead[w] += m.start() < lead_end
    terms = [Term(term=t, count=c, lead=lead[t]) for t, c in counts.most_common()]
    return Parts(words=sum(counts.values()), mentions=mentions, terms=terms)
