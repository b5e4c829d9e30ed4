"""Two names the model read as one mention, split back into two.

- **Joined by a slash** ("an NBC News/Wall Street Journal poll", "the NBC/WSJ survey"):
  pollsters and partners written as one token run are two organisations, each counted
  under its own name ("WSJ" then folds into "Wall Street Journal" by its initials).
- **Coordinated** ("Adams and Jefferson both died on July 4"): "A and B" is two names when
  the story names each of them on its own somewhere else ("Adams", "John Adams",
  "Jefferson"); otherwise it stays one name ("Procter and Gamble", "Bank of America and
  Trust" are names of their own).
- **A part of a place, then the place** ("the Lower North Side of Calderon", a place the
  model read as one): a neighbourhood or side of a known city, state or country is two
  places, so the city is counted where an outlet names it only there. A name the gazetteer
  knows whole ("United States of America"), a polity's own form ("Kingdom of X",
  "Federated States of X") or a court's district ("Southern District of X") stays one.

Each part keeps the row's cues, gets its own offsets, and the label the story gives that
name elsewhere (its most frequent one), else the row's own label.

:func:`fit_names` then fits mentions to the name the text writes around them:

- a party adjective before "party" is the party ("the Republican party": "Republican
  Party", an organisation, not the Republicans);
- "Member of Congress", "Act of Congress", "Speaker of the House": the body named after
  "of" is the mention (a member or an act is no organisation);
- a country or state right before its legislature ("United States" + "Senate" read apart)
  is one name, "United States Senate";
- a building, road or landmark the model cut into names ("Corwin" PERSON + "Hale" GPE
  of "the Corwin Hale Presidential Library") is that one thing, when capitalised words
  run from the first name to a thing's head word (FAC / LOC of ``name_heads.csv``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pandas as pd

#: A slash between two names, with optional spaces ("NBC/ Wall Street Journal").
SLASH = re.compile(r"\s*/\s*")
#: " and " between two names.
AND = " and "


def _capitalised(part: str) -> bool:
    return bool(part) and part[:1].isupper()


def _slash_parts(text: str) -> list[tuple[int, int]] | None:
    """(start, end) of each name in a slash-joined mention text, or None."""
    if "/" not in text or "//" in text or text.count("/") > 2:
        return None
    out, at = [], 0
    for m in [*SLASH.finditer(text), None]:
        end = m.start() if m else len(text)
        part = text[at:end]
        if not _capitalised(part) or part.isdigit():
            return None
        out.append((at, end))
        at = m.end() if m else at
    if len(out) < 2 or max(e - s for s, e in out) < 3:  # "AC/DC" is one name
        return None
    return out


def _known_alone(story_texts: Counter, surnames: set[str], part: str) -> bool:
    """Does the story name ``part`` on its own elsewhere (or a person with that surname)?"""
    return story_texts.get(part, 0) > 0 or part.split(" ")[-1] in surnames


def _and_parts(text: str, story_texts: Counter, surnames: set[str]):
    if text.count(AND) != 1:
        return None
    left, right = text.split(AND)
    if not (_capitalised(left) and _capitalised(right)):
        return None
    if not all(_known_alone(story_texts, surnames, part) for part in (left, right)):
        return None
    return [(0, len(left)), (len(left) + len(AND), len(text))]


#: Words before "of" that make no organisation of what follows ("Member of Congress").
NOT_A_BODY = frozenset("Member Members Act Speaker".split())
#: Legislatures named after their polity ("Texas Senate").
CHAMBER_WORDS = frozenset("House Senate Assembly Congress Parliament Legislature".split())


def _fit(row, text: str) -> tuple[int, int, str] | None:
    """(start, end, label) the mention ``row`` should have in ``text``, or None."""
    s, e, name = int(row["start_char"]), int(row["end_char"]), str(row["text"])
    after = text[e : e + 6]
    if " " not in name and name[:1].isupper() and after in (" party", " Party"):
        return s, e + 6, "ORG"
    words = name.split(" ")
    if row["label"] == "ORG" and len(words) >= 3 and words[0] in NOT_A_BODY and words[1] == "of":
        rest = 3 if words[2] == "the" and len(words) > 3 else 2
        start = s + len(" ".join(words[:rest])) + 1
        if text[start : start + 1].isupper():
            return start, e, "ORG"
    return None


#: Capitalised words right after a mention, up to the last of a run of them.
CAPITALISED_RUN = re.compile(r"(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,3}(?! [A-Z])")


def _thing_end(row, text: str, mentions_after: list[tuple[int, int, str]]) -> tuple[int, str]:
    """(end, label) of the building, road or landmark a mention starts when the words after
    it run to a thing's head word ("Corwin" + "Hale Presidential Library": the library,
    not a person and a place), else (0, ""). Only places and buildings (FAC / LOC heads);
    the run must end there ("Memorial Day" is no memorial) and hold no name of two words
    or more; never in a headline ("Mayor Visits Hospital")."""
    from lib.nlp.names import name_heads

    if row.get("in_title") or not str(row["text"])[:1].isupper():
        return 0, ""
    e = int(row["end_char"])
    m = CAPITALISED_RUN.match(text, e)
    if m is None:
        return 0, ""
    label = name_heads().get(m.group(0).rsplit(" ", 1)[-1])
    if label not in ("FAC", "LOC"):
        return 0, ""
    if any(s < m.end() and " " in t for s, _e, t in mentions_after):
        return 0, ""
    return m.end(), label


def fit_names(mentions: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """``mentions`` with each mention fitted to the name written around it (module
    docstring); ``texts``: doc_id -> analysed text."""
    if mentions.empty:
        return mentions
    from lib.extract.name_forms import regions
    from lib.nlp.gazetteer import gazetteer

    out = mentions.copy()
    drop = []
    places = regions()
    ordered = out.sort_values(["doc_id", "start_char"])
    prev = None
    for idx, row in ordered.iterrows():
        text = texts.get(row["doc_id"], "")
        fitted = _fit(row, text) if text else None
        if fitted:
            s, e, label = fitted
            out.at[idx, "start_char"], out.at[idx, "end_char"] = s, e
            out.at[idx, "text"], out.at[idx, "label"] = text[s:e].replace(" party", " Party"), label
        elif text and (thing := _thing_end(row, text, _after(ordered, idx, row)))[0]:
            out.at[idx, "end_char"], out.at[idx, "label"] = thing
            out.at[idx, "text"] = text[int(row["start_char"]) : thing[0]]
            drop += _inside(ordered, row, thing[0])
        elif prev is not None and text and _polity_chamber(prev, row, text, places, gazetteer()):
            out.at[idx, "start_char"] = int(prev["start_char"])
            out.at[idx, "text"] = text[int(prev["start_char"]) : int(row["end_char"])]
            out.at[idx, "label"] = "ORG"
            drop.append(prev.name)
        prev = out.loc[idx]
    return out.drop(index=sorted(set(drop))).reset_index(drop=True) if drop else out


def _after(ordered: pd.DataFrame, idx, row) -> list[tuple[int, int, str]]:
    """(start, end, text) of the next few mentions of ``row``'s document after it."""
    pos = ordered.index.get_loc(idx)
    nxt = ordered.iloc[pos + 1 : pos + 4]
    nxt = nxt[nxt["doc_id"] == row["doc_id"]]
    return list(zip(nxt["start_char"], nxt["end_char"], nxt["text"].astype(str), strict=True))


def _inside(ordered: pd.DataFrame, row, end: int) -> list:
    """Index labels of the other mentions of ``row``'s document inside it once it ends at
    ``end``."""
    same = ordered[(ordered["doc_id"] == row["doc_id"]) & (ordered.index != row.name)]
    inner = (same["start_char"] >= int(row["start_char"])) & (same["end_char"] <= end)
    return list(same.index[inner])


def _polity_chamber(prev, row, text: str, places, gaz) -> bool:
    """Is ``row`` a legislature right after its country or state ``prev`` ("United States"
    + "Senate")?"""
    if prev["doc_id"] != row["doc_id"] or prev["label"] != "GPE" or row["label"] != "ORG":
        return False
    if int(row["start_char"]) != int(prev["end_char"]) + 1 or text[int(prev["end_char"])] != " ":
        return False
    hit = gaz.lookup(str(prev["text"]))
    return hit is not None and hit[0] in places and str(row["text"]).split(" ")[0] in CHAMBER_WORDS


#: Last words of "A of B" names that are one place however B is known: a polity's own form
#: ("Republic of X") or a court's or church's district ("Eastern District of X").
POLITY_WORDS = frozenset(
    "States Republic Kingdom Emirates Federation Union Islands Territories Commonwealth "
    "District Circuit Division Diocese Archdiocese".split()
)
OF = " of "


def _of_parts(text: str, label: str, gaz) -> list[tuple[int, int]] | None:
    """(start, end) of a part of a place and the known place it lies in ("Upper Side of
    Calderon"), or None (module docstring)."""
    if label not in ("GPE", "LOC") or text.count(OF) != 1:
        return None
    left, right = text.split(OF)
    words = left.split(" ")
    at = 4 if words[0] in ("the", "The") else 0
    words = words[1:] if at else words
    if len(words) < 2 or not all(_capitalised(w) for w in words) or words[-1] in POLITY_WORDS:
        return None
    if gaz.lookup(text) is not None or gaz.lookup(text[at:]) is not None:
        return None
    hit = gaz.lookup(right)
    if hit is None or hit[1] != "GPE":
        return None
    return [(at, len(left)), (len(left) + len(OF), len(text))]


def split_joined(mentions: pd.DataFrame) -> pd.DataFrame:
    """``mentions`` (one story's raw mention rows: ``doc_id, start_char, end_char, text,
    label`` and cues) with slash-joined and coordinated names split (module docstring)."""
    if mentions.empty:
        return mentions
    texts = mentions["text"].astype(str)
    placed = texts.str.contains(OF, regex=False) & mentions["label"].isin(["GPE", "LOC"])
    candidates = texts.str.contains("/", regex=False) | texts.str.contains(AND, regex=False)
    if not (candidates | placed).any():
        return mentions
    from lib.nlp.gazetteer import gazetteer

    gaz = gazetteer()
    alone = ~texts.str.contains(AND, regex=False) & ~texts.str.contains("/", regex=False)
    story_texts = Counter(texts[alone])
    labels: dict[str, Counter] = defaultdict(Counter)
    for text, label in zip(texts[alone], mentions.loc[alone, "label"], strict=True):
        labels[text][label] += 1
    people = texts[alone & (mentions["label"] == "PERSON")]
    surnames = {t.split(" ")[-1] for t in people if " " in t}
    rows, changed = [], False
    for idx, text in texts.items():
        row = mentions.loc[idx]
        parts = (
            _slash_parts(text)
            or _and_parts(text, story_texts, surnames)
            or _of_parts(text, str(row["label"]), gaz)
        )
        if not parts:
            rows.append(row)
            continue
        changed = True
        start = int(row["start_char"])
        for s, e in parts:
            name = text[s:e]
            part = row.copy()
            part["text"], part["start_char"], part["end_char"] = name, start + s, start + e
            if labels.get(name):
                part["label"] = labels[name].most_common(1)[0][0]
            elif (known := gaz.lookup(name)) is not None:
                part["label"] = known[1]
            elif name.split(" ")[-1] in surnames:
                part["label"] = "PERSON"
            rows.append(part)
    if not changed:
        return mentions
    return pd.DataFrame(rows, columns=mentions.columns).reset_index(drop=True)
