"""This session's own articles (uploads, pasted text, URLs), metadata edits and analysis.

Everything here lives in ``st.session_state`` only: never in a shared cache, never on disk.
The session's filtered analyses and page tables are in session-scoped Streamlit caches
(:mod:`lib.ui.resources`), cleared with its articles.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from lib.corpus.document import Document
from lib.ingest.limits import Limits
from lib.ingest.status import ANALYSED, REASON_TOO_MANY, SKIPPED, status_row
from lib.ingest.uploads import document_from_paste, read_uploads
from lib.ingest.urls import fetch_url
from lib.records import METADATA_FIELDS
from lib.schema import STATUS_COLUMNS
from lib.ui import resources
from lib.ui.janitor import current_session_id, give_back_memory
from lib.versions import text_key

USER = "_user"  # session-state key of the user's own articles (never shared, never on disk)


EDITS = "_meta_edits"
OWN = "_own_analysis"  # this session's analysis: {"key": corpus key, "analysis": Analysis}


#: The metadata a user may edit.
META_FIELDS = list(METADATA_FIELDS)


#: Most pasted and fetched articles one session keeps (uploads have their own file limit).
MAX_EXTRA = Limits().max_files


class PartsCache(dict):
    """This session's parsed articles (text key -> Parts; ``get``/``put`` as ``analyze``
    expects), so adding one article parses only that one."""

    def put(self, key: str, parts) -> None:
        self[key] = parts

    def keep_only(self, documents) -> None:
        """Drop the parts of every text that is not one of ``documents``."""
        keep = {text_key(d.text) for d in documents}
        for key in set(self) - keep:
            del self[key]


def own_analysis() -> dict:
    """This session's own analysis (its articles, or the example with its edits)."""
    return st.session_state.setdefault(OWN, {})


def user_state() -> dict:
    """This session's own articles: upload results, pasted/fetched documents, parts cache."""
    if USER not in st.session_state:
        st.session_state[USER] = {
            "upload_key": None,
            "uploaded": [],
            "upload_statuses": pd.DataFrame(columns=STATUS_COLUMNS),
            "extra": [],
            "extra_statuses": [],
            "parts": PartsCache(),
        }
    return st.session_state[USER]


def upload_key() -> str:
    """Widget key of the uploader (a new key empties it after "Remove my articles")."""
    return f"upload_files_{st.session_state.get('upload_nonce', 0)}"


def read_upload_widget(state: dict) -> None:
    files = st.session_state.get(upload_key()) or []
    key = tuple((f.name, f.size, f.file_id) for f in files)
    if key == state["upload_key"]:
        return
    existing = {d.doc_id for d in state["extra"]}
    with st.spinner("Reading your files…"):
        result = read_uploads([(f.name, f.getvalue()) for f in files], existing_ids=existing)
    state.update(upload_key=key, uploaded=result.documents, upload_statuses=result.statuses)


def user_ids(state: dict) -> set[str]:
    return {d.doc_id for d in state["uploaded"]} | {d.doc_id for d in state["extra"]}


def _full(state: dict, label: str) -> bool:
    """True (with a status row) when the session already keeps MAX_EXTRA added articles."""
    if len(state["extra"]) < MAX_EXTRA:
        return False
    message = f"At most {MAX_EXTRA} pasted or fetched articles per session; remove some first."
    state["extra_statuses"].append(status_row(label, SKIPPED, REASON_TOO_MANY, message))
    return True


def add_pasted(state: dict) -> None:
    text = st.session_state.get("paste_text", "")
    outlet = st.session_state.get("paste_outlet", "")
    title = st.session_state.get("paste_title", "")
    label = f"pasted: {title or outlet or 'untitled'}"
    if _full(state, label):
        return
    try:
        doc = document_from_paste(text, outlet, title, existing_ids=user_ids(state))
    except ValueError as exc:
        reason = getattr(exc, "reason", "empty file")  # PasteError says which
        state["extra_statuses"].append(status_row(label, SKIPPED, reason, str(exc)))
        return
    note = "; ".join(doc.notes)
    state["extra"].append(doc)
    state["extra_statuses"].append(status_row(label, ANALYSED, "", note, doc.doc_id, len(doc.text)))


def add_url(state: dict) -> None:
    url = (st.session_state.get("url_text") or "").strip()
    if not url or _full(state, url):
        return
    with st.spinner("Fetching the article…"):
        doc, status = fetch_url(url, existing_ids=user_ids(state))
    if doc is not None:
        state["extra"].append(doc)
    state["extra_statuses"].append(status)


def clear_user(state: dict) -> None:
    """ "Remove my articles": drop the articles, their analysis, edits and computed tables,
    and give the memory back."""
    for key in (USER, EDITS, OWN):
        st.session_state.pop(key, None)
    state.clear()
    resources.private_view.clear()  # session-scoped: this session's tables only
    resources.private_filtered.clear()
    st.session_state["upload_nonce"] = st.session_state.get("upload_nonce", 0) + 1
    forget_uploaded_files()
    give_back_memory()


def forget_uploaded_files() -> None:
    """Drop this session's uploaded file bytes from Streamlit's upload store (the emptied
    uploader gets a new key, so its old files would otherwise stay until the session ends)."""
    session_id = current_session_id()
    try:
        from streamlit import runtime

        if session_id and runtime.exists():
            runtime.get_instance().uploaded_file_mgr.remove_session_files(session_id)
    except Exception:  # noqa: BLE001 - best effort; the session's end frees them anyway
        pass


def apply_edits(documents: list[Document]) -> list[Document]:
    """Documents with this session's metadata edits (from the *Your articles* page) applied."""
    edits = st.session_state.get(EDITS, {})
    out = []
    for doc in documents:
        change = {k: v for k, v in edits.get(doc.doc_id, {}).items() if k in META_FIELDS}
        out.append(replace(doc, **change) if change else doc)
    return out


def record_edits(before: pd.DataFrame, after: pd.DataFrame) -> bool:
    """Store metadata edits from the editor in the session; True when something changed."""
    edits = st.session_state.setdefault(EDITS, {})
    changed = False
    for old, new in zip(before.to_dict("records"), after.to_dict("records"), strict=True):
        for field_name in META_FIELDS:
            value = "" if pd.isna(new[field_name]) else str(new[field_name]).strip()
            if value != (old[field_name] or ""):
                edits.setdefault(old["doc_id"], {})[field_name] = value
                changed = True
    return changed
