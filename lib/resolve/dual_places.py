"""A US state and its city of one bare name ("New York", "Washington") read per mention.

:mod:`lib.extract.state_city` gives a mention the cue "state" or "city" when the words
around it say which. Here each mention of such a name takes the reading of its cue; a
mention with none takes the one reading its article's other mentions of the name give
(the name written out: "New York City", "Washington, D.C."; or cued), else the one its
story's give, else the bare name's usual reading (``lib/data/dual_places.json``). An article
or story that reads the name both ways leaves its uncued mentions as they are.
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from lib.extract.state_city import CITY_CUE, STATE_CUE, vocab


def _forms() -> dict[str, tuple[str, str]]:
    """Entity -> (bare name, reading) for every bare name and its other reading's entity."""
    out = {}
    for name, spec in vocab()["dual"].items():
        other = CITY_CUE if spec["default"] == STATE_CUE else STATE_CUE
        out[name] = (name, "")
        out[spec[other]] = (name, other)
    return out


def _entity(name: str, reading: str) -> str:
    spec = vocab()["dual"][name]
    return name if not reading or reading == spec["default"] else spec[reading]


def read_dual_places(df: pd.DataFrame, stories: pd.Series) -> pd.Series:
    """Entity per mention with the state and the city of one bare name told apart (module
    docstring). ``df`` has ``doc_id, entity, label, cue``; ``stories`` each row's story."""
    forms = _forms()
    places = df["label"].isin(("GPE", "LOC")) & df["entity"].isin(forms.keys())
    if not places.any():
        return df["entity"]
    own: dict[int, tuple[str, str]] = {}
    in_doc: dict[tuple, set[str]] = defaultdict(set)
    in_story: dict[tuple, set[str]] = defaultdict(set)
    for idx, doc, story, ent, cue in zip(
        df.index[places], df.loc[places, "doc_id"], stories[places],
        df.loc[places, "entity"], df.loc[places, "cue"], strict=True,
    ):  # fmt: skip
        name, written = forms[ent]
        read = cue if cue in (STATE_CUE, CITY_CUE) else written
        own[idx] = (name, read)
        if read:
            in_doc[(doc, name)].add(read)
            in_story[(story, name)].add(read)
    out = df["entity"].copy()
    for idx, (name, read) in own.items():
        if not read:
            options = in_doc.get((df.at[idx, "doc_id"], name)) or in_story.get(
                (stories[idx], name), set()
            )
            read = next(iter(options)) if len(options) == 1 else ""
        out[idx] = _entity(name, read) if read else df.at[idx, "entity"]
    return out
