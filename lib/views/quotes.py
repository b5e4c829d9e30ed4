"""Quote views: the speaker x outlet matrix and word-level differences between versions."""

from __future__ import annotations

import difflib
import re

import pandas as pd

from lib.records import QUOTES_PAGE
from lib.resolve.quote_groups import NORMALISE_QUOTES, speaker_key
from lib.views.sources import explain

_DIFF_TOKEN = re.compile(r"\s*(?:[^\W_]+(?:['’][^\W_]+)*|[^\w\s])", re.UNICODE)


def _diff_tokens(text: str) -> list[str]:
    """Tokens keeping their leading whitespace, so ``"".join`` gives the text back."""
    text = str(text)
    tokens = _DIFF_TOKEN.findall(text)
    rest = text[sum(len(t) for t in tokens) :]
    if rest:
        tokens.append(rest)
    return tokens


def _diff_key(token: str) -> str:
    return token.strip().translate(NORMALISE_QUOTES).lower()


def diff_opcodes(a: str, b: str):
    ta, tb = _diff_tokens(a), _diff_tokens(b)
    matcher = difflib.SequenceMatcher(
        None, [_diff_key(t) for t in ta], [_diff_key(t) for t in tb], autojunk=False
    )
    return ta, tb, matcher.get_opcodes()


def version_ops(reference: str, version: str) -> list[tuple[str, str]]:
    """One outlet's ``version`` of a quote against the ``reference`` wording, as
    ``(op, text)`` pieces in reading order:

    - ``equal``: words both have (text as this version writes it);
    - ``insert``: words this version has that the reference lacks (added or changed);
    - ``delete``: the reference's words this version lacks, inside the part it quotes;
    - ``omitted``: reference text before or after a shorter excerpt (the version quotes
      less, it does not drop words there), shown as an ellipsis; punctuation alone there
      (the reference's full stop) is left out.

    Case, curly vs straight quote marks and spacing are ignored when comparing.
    """
    ta, tb, codes = diff_opcodes(reference, version)
    ops: list[tuple[str, str]] = []
    for k, (tag, i1, i2, j1, j2) in enumerate(codes):
        if tag == "equal":
            ops.append(("equal", "".join(tb[j1:j2])))
            continue
        if i2 > i1:
            edge = (k == 0 or k == len(codes) - 1) and j2 == j1
            lacking = "".join(ta[i1:i2])
            if edge and not re.search(r"\w", lacking):
                pass  # only the reference's closing stop or a mark: no "…" for that
            else:
                ops.append(("omitted" if edge else "delete", lacking))
        if j2 > j1:
            ops.append(("insert", "".join(tb[j1:j2])))
    return ops


UNATTRIBUTED = "(unattributed)"


def speaker_matrix(
    quotes: pd.DataFrame, direct_only: bool = False, include_unattributed: bool = True
) -> pd.DataFrame:
    """Quote counts per speaker (rows) and outlet (columns).

    By default every quote counts, direct quotes and fragments alike (a scare
    quote is still words an outlet chose to put in someone's mouth);
    ``direct_only=True`` counts ``kind == "direct"`` only. Quotes with no
    ``speaker`` are counted on an ``(unattributed)`` row unless
    ``include_unattributed=False``. Rows are sorted by total (descending) then
    name; columns by outlet name. Index name ``speaker``, columns name ``outlet``.
    """
    df = quotes
    if direct_only and "kind" in df:
        df = df[df["kind"] == "direct"]
    speakers = df["speaker"] if "speaker" in df else pd.Series([None] * len(df), index=df.index)
    speakers = speakers.map(lambda s: speaker_key(s) and " ".join(str(s).split()))
    speakers = speakers.where(speakers.astype(bool), UNATTRIBUTED)
    data = pd.DataFrame({"speaker": speakers.to_numpy(), "outlet": df["outlet"].to_numpy()})
    if not include_unattributed:
        data = data[data["speaker"] != UNATTRIBUTED]
    if data.empty:
        empty = pd.DataFrame(dtype="int64")
        empty.index.name = "speaker"
        empty.columns.name = "outlet"
        return empty
    table = pd.crosstab(data["speaker"], data["outlet"]).astype("int64")
    totals = table.sum(axis=1)
    order = sorted(table.index, key=lambda s: (-int(totals[s]), str(s)))
    table = table.loc[order, sorted(table.columns, key=str)]
    table.index.name = "speaker"
    table.columns.name = "outlet"
    return table


ALL_SPEAKERS = "All speakers"


def speakers_by_outlet(analysis, direct_only: bool) -> pd.DataFrame:
    """Speaker x outlet quote counts (see :func:`speaker_matrix`)."""
    return speaker_matrix(analysis.quotes, direct_only=direct_only)


def speaker_options(quotes: pd.DataFrame) -> list[str]:
    """:data:`ALL_SPEAKERS` then every named speaker, sorted."""
    return [ALL_SPEAKERS] + sorted(s for s in quotes["speaker"].unique() if s)


def select_quotes(quotes: pd.DataFrame, speaker: str, direct_only: bool) -> pd.DataFrame:
    """Quotes of one speaker (or all), full quotes only when ``direct_only``."""
    shown = quotes if speaker == ALL_SPEAKERS else quotes[quotes["speaker"] == speaker]
    return shown[shown["kind"] == "direct"] if direct_only else shown


def shared_groups(quotes: pd.DataFrame) -> list[str]:
    """Ids of quote groups carried by more than one outlet of ``quotes``, sorted: a quote an
    outlet repeats in two of its articles (a wire's running updates) is one outlet's."""
    grouped = quotes.loc[quotes["group_size"] > 1, ["group_id", "outlet"]]
    outlets = grouped.groupby("group_id")["outlet"].nunique()
    return sorted(outlets.index[outlets > 1])


def quote_rows(quotes: pd.DataFrame) -> pd.DataFrame:
    """The All quotes table (:data:`lib.records.QUOTES_PAGE` with its CSV-only columns:
    where the quote is, the verb's dictionary form), with ``how_found`` saying how each
    speaker was found ("pronoun “she” read as Jane Doe") and ``verb_text`` the reporting verb
    as the article writes it ("labelled")."""
    out = quotes.assign(how_found=explain(quotes, "speaker", "speaker"))
    return out[QUOTES_PAGE.csv_names()]
