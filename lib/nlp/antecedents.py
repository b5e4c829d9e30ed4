"""Who a "he" or "she" stands for: a small learned ranker over the people named before it.

Every person (a :class:`lib.nlp.people.People` id) named before the pronoun, outside
quotations, whose known gender does not contradict it, is a candidate. Each candidate gets
the features of :func:`features` (how recently and how far back it was named, its
grammatical role there, whether it was the subject of a reporting verb or the speaker of an
earlier quote, how often the article names it, what is known of its gender); a logistic
model scores them and the best one is the pronoun's person.

The model is trained on the PolNeAR training split only (``python -m
benchmarks.train_speakers``, a few minutes on two cores) and ships as plain coefficients in
``lib/data/speaker_model.json``: no code is unpickled, no library is needed to apply it.
Without that file the most recent speaker-like person is chosen (the rule it replaced).
"""

from __future__ import annotations

import bisect
import functools
import json
import math
from collections import Counter

from lib.datafiles import data_path
from lib.nlp.index import sent_bounds
from lib.nlp.people import vocab
from lib.nlp.pipeline import doc_text

MODEL_FILE = data_path("speaker_model.json")
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative", "pobj", "attr", "oprd"})
#: Verbs after which the person introduced, not the introducer, usually speaks next.
INTRODUCING = frozenset({"introduce", "welcome", "present", "invite", "hand"})
#: Words of answering: "his response", "her reply", "he answered".
ANSWER_WORDS = frozenset({"response", "reply", "answer", "retort", "respond", "rejoinder"})
#: Verbs of putting a question to someone, whose object is the one who answers.
ASKING = frozenset({"ask", "question", "press", "query", "quiz", "challenge", "interview"})
#: Candidates considered: the most recently named people, at most this many.
MAX_CANDIDATES = 8

#: Feature names, in the order of the model's coefficients.
FEATURES = (
    "rank_1",
    "rank_2",
    "rank_3",
    "rank_4p",
    "sent_0",
    "sent_1",
    "sent_2",
    "sent_3_5",
    "sent_6p",
    "para_same",
    "para_prev",
    "subj_main",
    "subj_any",
    "subj_report",
    "subj_rank_1",
    "obj",
    "poss",
    "introduced",
    "introducer",
    "speaker_any",
    "speaker_last",
    "report_any",
    "report_rank_1",
    "gender_known",
    "log_mentions",
    "share_mentions",
    "most_mentioned",
    "full_name",
    "first_named",
    "in_title",
    "has_title",
)


@functools.lru_cache(maxsize=1)
def model() -> dict | None:
    """``lib/data/speaker_model.json`` (``features``, ``weights``, ``bias``), or None."""
    try:
        raw = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if tuple(raw.get("features", ())) != FEATURES:
        return None  # trained on another feature set: retrain
    return raw


def score(feats: dict[str, float], weights: dict | None = None) -> float:
    """Linear score of one candidate's features (higher = more likely the person)."""
    m = weights or model()
    if m is None:
        return 0.0
    return m["bias"] + sum(
        w * feats.get(f, 0.0) for f, w in zip(m["features"], m["weights"], strict=True)
    )


def _head_role(ent) -> object:
    """The token whose dependency says the mention's role ("Jane" of "Jane Roe, 70," ->
    the name's root; an apposition or compound takes its head's role)."""
    root = ent.root
    if root.dep_ in ("appos", "compound", "conj") and root.head.i != root.i:
        return root.head
    return root


def _reporting_subject(ent, reporting: frozenset) -> bool:
    """Is the mention the subject of a reporting verb ("Roe said", "Roe told reporters"),
    also of one that hangs on its own verb without a subject of its own ("Roe defended the
    plan, saying …", "Roe voted and says …")?"""
    head = _head_role(ent)
    if head.dep_ not in SUBJECT_DEPS:
        return False
    verb = head.head
    if verb.lemma_.lower() in reporting or _colon_quote(verb):
        return True
    return any(
        c.dep_ in ("advcl", "conj", "xcomp")
        and c.pos_ == "VERB"
        and c.lemma_.lower() in reporting
        and not any(g.dep_ in SUBJECT_DEPS for g in c.children)
        for c in verb.children
    )


#: Opening quotation marks.
OPENING = frozenset({"“", "‘", '"', "'", "``", "''"})


def _colon_quote(verb) -> bool:
    """Does the verb's clause end in a colon and a quotation ("Judge Ruiz saw it
    differently: “…”")? Such a clause introduces words, whatever its verb."""
    doc = verb.doc
    for tok in doc[verb.i + 1 : min(len(doc) - 1, verb.i + 25)]:
        if tok.text == ":":
            return doc[tok.i + 1].text in OPENING
        if tok.dep_ in SUBJECT_DEPS or tok.is_sent_start or tok.text in OPENING:
            return False
    return False


def _main_subject(ent) -> bool:
    root = _head_role(ent)
    if root.dep_ not in SUBJECT_DEPS:
        return False
    verb = root.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


class Context:
    """What every candidate of one Doc needs: sentence and paragraph of a token, the title."""

    def __init__(self, att, title_chars: int = 0):
        self.att = att
        self.sent_starts = sent_bounds(att.doc)[0]
        text = doc_text(att.doc)
        self.para_starts = [0]
        pos = text.find("\n\n")
        while pos != -1:
            self.para_starts.append(pos + 2)
            pos = text.find("\n\n", pos + 2)
        self.title_chars = title_chars
        self.misread = _headline_phrases(att.people, title_chars)

    def sent(self, i: int) -> int:
        return bisect.bisect_right(self.sent_starts, i) - 1

    def para(self, char: int) -> int:
        return bisect.bisect_right(self.para_starts, char) - 1


def _headline_phrases(people, title_chars: int) -> set[str]:
    """Person ids named only in the headline and sharing a word with a person the body
    names under another id: "Roe Wades In" over a story about "Ada Roe" is a headline
    phrase read as a name, no one a he/she can stand for."""
    body = {people.person(e) for e in people.mentions if e.start_char >= title_chars}
    words = {w for pid in body for w in pid.split()}
    title = {people.person(e) for e in people.mentions if e.start_char < title_chars}
    return {pid for pid in title - body if len(pid.split()) > 1 and words & set(pid.split())}


def candidates(ctx: Context, tok, gender: str) -> list[tuple[object, dict[str, float]]]:
    """(latest mention, features) of each person a he/she at ``tok`` may stand for."""
    att = ctx.att
    people = att.people
    before = [e for e in people.mentions if e.end <= tok.i and e.start not in att.in_quote]
    if not before:
        return []
    latest: dict[str, object] = {}
    counts: Counter = Counter()
    first = people.person(before[0])
    for ent in before:
        pid = people.person(ent)
        latest[pid] = ent
        counts[pid] += 1
    pool = sorted(latest.items(), key=lambda kv: -kv[1].start)
    pool = [
        (pid, e) for pid, e in pool if people.compatible(e, gender) and pid not in ctx.misread
    ][:MAX_CANDIDATES]
    # speakers of the quotes that end before the pronoun (its own quote has none yet)
    speakers = [
        people.person(e) for e, span in att.speakers if span[1] <= tok.idx and e.end <= tok.i
    ]
    last_speaker = speakers[-1] if speakers else None
    reporting = vocab()["reporting_verbs"]
    subjects = [pid for pid, e in pool if _main_subject(e)]
    reported = [people.person(e) for e in before if _reporting_subject(e, reporting)]
    top = max(counts.values())
    total = sum(counts.values())
    t_sent, t_para = ctx.sent(tok.i), ctx.para(tok.idx)
    out = []
    for rank, (pid, ent) in enumerate(pool, start=1):
        head = _head_role(ent)
        dist = t_sent - ctx.sent(ent.start)
        para = t_para - ctx.para(ent.start_char)
        verb = head.head
        f = {
            f"rank_{rank}" if rank <= 3 else "rank_4p": 1.0,
            "sent_0"
            if dist <= 0
            else "sent_1"
            if dist == 1
            else "sent_2"
            if dist == 2
            else "sent_3_5"
            if dist <= 5
            else "sent_6p": 1.0,  # fmt: skip
            "para_same": float(para == 0),
            "para_prev": float(para == 1),
            "subj_main": float(_main_subject(ent)),
            "subj_any": float(head.dep_ in SUBJECT_DEPS),
            "subj_report": float(_reporting_subject(ent, reporting)),
            "subj_rank_1": float(bool(subjects) and subjects[0] == pid),
            "obj": float(head.dep_ in OBJECT_DEPS),
            "poss": float(head.dep_ == "poss"),
            "introduced": float(head.dep_ == "dobj" and verb.lemma_.lower() in INTRODUCING),
            "introducer": float(head.dep_ in SUBJECT_DEPS and verb.lemma_.lower() in INTRODUCING),
            "speaker_any": float(pid in speakers),
            "speaker_last": float(pid == last_speaker),
            "report_any": float(pid in reported),
            "report_rank_1": float(bool(reported) and reported[-1] == pid),
            "gender_known": float(people.matches(ent, gender)),
            "log_mentions": math.log1p(counts[pid]),
            "share_mentions": counts[pid] / total,
            "most_mentioned": float(counts[pid] == top),
            "full_name": float(" " in pid),
            "first_named": float(pid == first),
            "in_title": float(ent.start_char < ctx.title_chars),
            "has_title": float(bool(people.titles.get(pid))),
        }
        out.append((ent, f))
    return out


def best(ctx: Context, tok, gender: str):
    """The latest mention of the person a he/she at ``tok`` most likely stands for, or None
    (no model: the most recent main-clause subject or earlier speaker, else the most
    recent person, known gender first)."""
    cands = candidates(ctx, tok, gender)
    if not cands:
        return None
    asked = _answerer(ctx, tok, gender)
    if asked is not None:
        return asked
    topic = _paragraph_topic(ctx, tok, gender)
    if topic is not None:
        return _introduced(topic, cands)
    m = model()
    if m is not None:
        return _introduced(max(cands, key=lambda c: score(c[1], m))[0], cands)
    for speaker_like in (True, False):
        for known in (True, False):
            for ent, f in cands:
                like = f["speaker_any"] or f["subj_main"]
                if (like or not speaker_like) and (f["gender_known"] or not known):
                    return _introduced(ent, cands)
    return None


def _answerer(ctx: Context, tok, gender: str):
    """ "Host Ruiz asked Mayor Roe about the vote. His response: “…”": the one who answers
    is the one a question was put to (the object of "asked", or its passive subject: "Roe
    was asked …"), whoever asked it and whatever the asker's given name says. The latest
    such person of fitting gender in the pronoun's sentence or the one before, when the
    he/she answers ("his response", "she replied"); else None."""
    if tok.head.lemma_.lower() not in ANSWER_WORDS or tok.dep_ not in {"poss", *SUBJECT_DEPS}:
        return None
    att = ctx.att
    sent = ctx.sent(tok.i)
    lo = ctx.sent_starts[max(sent - 1, 0)]
    asked = None
    for ent in att.people.mentions:
        if ent.start < lo or ent.end > tok.i or ent.start in att.in_quote:
            continue
        role = _head_role(ent)
        put_to = role.dep_ in ("dobj", "dative") or role.dep_ == "nsubjpass"
        if put_to and role.head.lemma_.lower() in ASKING and att.people.compatible(ent, gender):
            asked = ent
    return asked


def _introduced(ent, cands):
    """The person ``ent`` introduced, welcomed or invited, when that person is a candidate
    too ("Marsh introduced Reyes … he said": Reyes speaks), else ``ent``."""
    head = _head_role(ent)
    verb = head.head
    if head.dep_ not in SUBJECT_DEPS or verb.lemma_.lower() not in INTRODUCING:
        return ent
    for other, _f in cands:
        role = _head_role(other)
        if role.dep_ == "dobj" and role.head.i == verb.i:
            return other
    return ent


def _paragraph_topic(ctx: Context, tok, gender: str):
    """The person a paragraph is about, when a he/she in it can only be them: the main
    subject of the paragraph's first sentence (its first subject), with no other person of
    fitting gender the subject of anything between them and the pronoun. "Ada Roe, a
    retired teacher, is not so sure. 'Nobody asked us,' she said." and "Roe defended the
    plan. She said she never discussed it with Doe. 'Not once,' she said." -> Roe, whoever
    spoke in the paragraph before."""
    att = ctx.att
    first = att._token_at(ctx.para_starts[ctx.para(tok.idx)])
    if first < 0:
        return None
    lead = _first_subject(att, first, tok)
    if lead is None or not hasattr(lead, "label_"):
        return None  # nobody, a he/she/they, or a subject that is no person
    return _topic_from(ctx, lead, first, tok, gender)


def _first_subject(att, first: int, tok):
    """The first subject outside quotations from token ``first`` up to ``tok``: a person's
    mention, a he/she/they, or None when there is none."""
    people = att.people
    for t in att.doc[first : tok.i + 1]:
        if t.i in att.in_quote or t.dep_ not in SUBJECT_DEPS:
            continue
        if t.pos_ == "PRON":
            return t
        ent = next((e for e in people.mentions if e.start <= t.i < e.end), None)
        return ent if ent is not None else t  # t: no person ("The board voted …")
    return None


def _topic_from(ctx: Context, lead, first: int, tok, gender: str):
    att = ctx.att
    people = att.people
    if not hasattr(lead, "label_") or ctx.sent(lead.start) != ctx.sent(first):
        return None
    if not _main_subject(lead) or not people.compatible(lead, gender):
        return None
    pid = people.person(lead)
    topic = lead
    for ent in people.mentions:
        if ent.start < lead.end or ent.end > tok.i or ent.start in att.in_quote:
            continue
        if people.person(ent) == pid:
            topic = ent
        elif _head_role(ent).dep_ in SUBJECT_DEPS and people.compatible(ent, gender):
            return None
    return topic
