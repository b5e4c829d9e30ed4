"""People of one Doc: which mentions are the same person, their gender, titles and roles.

The attribution engine needs, for a pronoun or a role noun, the person it stands for. This
module gives every PERSON mention of a document a person id (a full name, or the one full
name of the document its surname or given name belongs to) and collects evidence per id:

- gender from courtesy titles (Mr., Ms., ...), gendered titles (spokeswoman, Queen), given
  names (``gender-guesser``'s dictionary of 40,000 first names, offline) and the he/she that
  follows the person as the subject of the next sentence;
- titles written before a mention ("President", "Mayor", "NATO chief"), so "the mayor"
  can find its person.

Vocabulary: ``lib/data/attribution.json`` (honorifics, gendered words) and the titles of
the gazetteer.
"""

from __future__ import annotations

import functools
from collections import defaultdict

from lib.datafiles import read_json
from lib.nlp.gazetteer import gazetteer
from lib.nlp.names import head_words, name_heads, nicknames_in

#: Vote weights of each kind of gender evidence.
HONORIFIC_VOTE, TITLE_VOTE, NAME_VOTE, PRONOUN_VOTE = 3.0, 2.0, 1.0, 1.0
#: Kinds of gender evidence, strongest first (indexes of a person's vote tiers).
COURTESY, OTHER = 0, 1
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v"})


@functools.lru_cache(maxsize=1)
def vocab() -> dict:
    """``lib/data/attribution.json`` with derived sets."""
    v = dict(read_json("attribution.json"))
    for key in (
        "reporting_verbs",
        "inversion_verbs",
        "weak_verbs",
        "source_nouns",
        "non_speakers",
        "collective_nouns",
        "figure_verbs",
        "person_nouns",
        "body_nouns",
        "holder_nouns",
        "written_things",
    ):
        v[key] = frozenset(v[key])
    v["according_to"] = [tuple(p.split()) for p in v["according_to"]]
    return v


@functools.lru_cache(maxsize=1)
def _detector():
    import gender_guesser.detector as gd  # ~0.2 s: only when something is parsed

    return gd.Detector(case_sensitive=False)


_SEX = {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}
#: Countries whose usage also counts: a name read differently there ("Jan": a man in the
#: Netherlands, a woman in the United States) tells nothing.
ENGLISH_USAGE = ("usa", "great_britain")


@functools.lru_cache(maxsize=4096)
def given_name_gender(name: str) -> tuple[str | None, float]:
    """("m" | "f" | None, weight) of a given name: "Hillary" -> ("f", 1.0), "Kim" ->
    ("f", 0.5), "Jan" -> (None, 0.0) (male by default, female in US and British usage)."""
    if not name or not name[:1].isupper() or len(name.rstrip(".")) < 2:
        return None, 0.0
    det = _detector()
    default = det.get_gender(name)
    local = [det.get_gender(name, c) for c in ENGLISH_USAGE]
    sex = _SEX.get(default) or next((_SEX[g] for g in local if g in _SEX), None)
    if sex is None or any(_SEX.get(g, sex) != sex for g in local):
        return None, 0.0
    return sex, 1.0 if default in ("male", "female") else 0.5


#: Abbreviated titles and the role nouns they stand for ("Gov. Roe" is "the governor").
TITLE_ABBREVIATIONS = {
    "gov": ("governor",),
    "sen": ("senator",),
    "rep": ("representative", "congressman", "congresswoman", "lawmaker"),
    "gen": ("general",),
    "lt": ("lieutenant",),
    "col": ("colonel",),
    "capt": ("captain",),
    "adm": ("admiral",),
    "sgt": ("sergeant",),
    "del": ("delegate",),
    "supt": ("superintendent",),
    "atty": ("attorney",),
    "ceo": ("chief executive",),
}


def role_words(title: str) -> set[str]:
    """The role nouns a title written before a name gives: "gov" -> {"gov", "governor"}
    (and a title written out gives its short form: "chief executive" -> {…, "ceo"})."""
    low = title.lower().rstrip(".")
    short = {k for k, v in TITLE_ABBREVIATIONS.items() if low in v}
    return {low, *TITLE_ABBREVIATIONS.get(low, ()), *short}


def name_words(text: str) -> list[str]:
    """Words of a name without courtesy titles and generational suffixes."""
    honorifics = vocab()["honorifics"]
    text = text.replace("’", "'").removesuffix("'s").removesuffix("'")
    words = [w for w in text.split() if w not in honorifics]
    while words and words[-1].lower().strip(",") in SUFFIXES:
        words.pop()
    return words


def fold(word: str) -> str:
    """A name word with its first letter in lower case, so that a particle capitalised at
    a sentence start is the same word ("Al-Khatib dismissed" of "Samir al-Khatib")."""
    return word[:1].lower() + word[1:]


def _same_sex(owners: set[str], sex: str | None) -> set[str]:
    """The full names among ``owners`` a mention written with a courtesy title of ``sex``
    can be: "Mrs. Roe" of a story naming "John Roe" and "Mary Roe" is Mary Roe, and never
    John Roe when he is the only Roe named in full."""
    if sex is None:
        return owners
    kept = {o for o in owners if given_name_gender(o.split()[0])[0] in (sex, None)}
    same = {o for o in kept if given_name_gender(o.split()[0])[0] == sex}
    return same if len(same) == 1 else kept


class People:
    """Person ids, gender and titles of the PERSON mentions of one Doc."""

    def __init__(self, doc, in_quote: set[int], title_chars: int = 0):
        self.doc = doc
        self.title_chars = title_chars
        persons = [e for e in doc.ents if e.label_ == "PERSON"]
        found = persons + person_like(doc, persons)
        found += untagged_names(doc)
        self.mentions = sorted(found + untagged_surnames(doc, found), key=lambda e: e.start)
        self.starts = {e.start for e in self.mentions}
        self.id_of: dict[int, str] = {}  # ent.start -> person id
        self._bare: dict[int, str] = {}  # ent.start -> the bare surname its title narrowed
        # person id -> [courtesy-title votes, other votes]: a courtesy title ("Mrs. Roe")
        # decides when it is not a tie; gendered titles (a "spokesman" may be a woman), the
        # given name and the he/she after the name are weighed together otherwise.
        self._votes: dict[str, list[dict[str, float]]] = defaultdict(
            lambda: [{"m": 0.0, "f": 0.0} for _ in range(2)]
        )
        self.titles: dict[str, set[str]] = defaultdict(set)
        self._assign_ids()
        self._collect(in_quote)

    # -- identity ---------------------------------------------------------------------

    def _assign_ids(self) -> None:
        full: dict[str, set[str]] = defaultdict(set)  # single word -> full names having it
        # the body's names first: a headline phrase read as a name ("Roe Wades In" over a
        # story about Ada Roe) owns no word a body name owns, so "Roe" stays Ada Roe
        in_body = sorted(self.mentions, key=lambda e: e.start_char < self.title_chars)
        for ent in in_body:
            words = name_words(ent.text)
            if len(words) >= 2:
                key = " ".join(words)
                headline = ent.start_char < self.title_chars
                for w in (words[0], words[-1]):
                    if not (headline and full.get(fold(w), {key}) - {key}):
                        full[fold(w)].add(key)
        for ent in self.mentions:
            words = name_words(ent.text)
            if len(words) >= 2:
                self.id_of[ent.start] = " ".join(words)
            elif words:
                owners = full.get(fold(words[0]), set())
                narrowed = _same_sex(owners, self._honorific(ent))
                if len(owners) > 1 and len(narrowed) == 1:
                    self._bare[ent.start] = words[0]  # "Mrs. Roe" told Mary from John Roe
                self.id_of[ent.start] = next(iter(narrowed)) if len(narrowed) == 1 else words[0]

    def _honorific(self, ent) -> str | None:
        """The gender a courtesy title written with the mention tells ("Mrs. Roe"), or None."""
        honorifics = vocab()["honorifics"]
        if ent[0].text in honorifics:
            return honorifics[ent[0].text]
        prev = self.doc[ent.start - 1] if ent.start > 0 else None
        return honorifics.get(prev.text) if prev is not None else None

    def person(self, ent) -> str:
        return self.id_of.get(ent.start, ent.text)

    # -- evidence -----------------------------------------------------------------------

    def _collect(self, in_quote: set[int]) -> None:
        v = vocab()
        gendered = v["gendered_words"]
        title_words = {w.lower().rstrip(".") for w in gazetteer().title_words}
        doc = self.doc
        surnames = {w[-1] for w in (name_words(e.text) for e in self.mentions) if len(w) >= 2}
        named: set[str] = set()
        for ent in self.mentions:
            pid = self.person(ent)
            votes = self._votes[pid][OTHER]
            if pid not in named:  # a given name is one piece of evidence per person
                named.add(pid)
                self._given_name_vote(pid, surnames)
            before = _title_run(doc, ent.start)
            sex = self._honorific(ent)
            if sex:
                self._votes[pid][COURTESY][sex] += HONORIFIC_VOTE
            if sex and ent.start in self._bare:
                # the bare "Roe" of the story keeps what "Mrs. Roe" tells, but below the
                # courtesy titles written with "Roe" itself: with namesakes of both sexes,
                # "Mr. Roe" (John) says nothing of a "Mrs. Roe" left as the bare "Roe"
                self._votes[self._bare[ent.start]][OTHER][sex] += HONORIFIC_VOTE
            for tok in before:
                low = tok.lower_.rstrip(".")
                if low in gendered:
                    votes[gendered[low]] += TITLE_VOTE
                if low in title_words or (tok.text[:1].isupper() and tok.is_alpha):
                    self.titles[pid].add(low)  # "President", and "NATO" of "NATO chief X"
            for role in apposed_roles(ent, title_words):
                self.titles[pid].add(role)  # "Jane Roe, the governor," / "the mayor, Li"
                if role in gendered:
                    votes[gendered[role]] += TITLE_VOTE
        self._pronoun_votes(in_quote)

    def _given_name_vote(self, pid: str, surnames: set[str]) -> None:
        """The first word of a full name; a lone word only when it is a clear given name
        that is nobody's surname in the document ("Melanie", not "Clinton" or "Kennedy")."""
        words = pid.split()
        if len(words) >= 2:
            g, w = given_name_gender(words[0])
        elif words and words[0] not in surnames:
            g, w = given_name_gender(words[0])
            g, w = (g, 0.5) if w == 1.0 else (None, 0.0)
        else:
            g, w = None, 0.0
        if g:
            self._votes[pid][OTHER][g] += NAME_VOTE * w

    def _pronoun_votes(self, in_quote: set[int]) -> None:
        """A subject person followed, in the next sentence, by he/she as subject with no
        other person in between: one vote for that gender."""
        pronouns = vocab()["pronouns"]
        sents = list(self.doc.sents)
        subjects = {}  # sentence index -> person id of its first subject person
        for ent in self.mentions:
            if ent.root.dep_ in ("nsubj", "nsubjpass") and ent.start not in in_quote:
                k = self._sent_index(sents, ent.start)
                subjects.setdefault(k, self.person(ent))
        for k, pid in subjects.items():
            if k + 1 >= len(sents):
                continue
            for tok in sents[k + 1]:
                if tok.i in in_quote:
                    continue
                if tok.ent_type_ == "PERSON":
                    break
                if tok.dep_ == "nsubj" and pronouns.get(tok.lower_) in ("m", "f"):
                    self._votes[pid][OTHER][pronouns[tok.lower_]] += PRONOUN_VOTE
                    break

    @staticmethod
    def _sent_index(sents, token_i: int) -> int:
        lo, hi = 0, len(sents) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if sents[mid].start <= token_i:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def gender(self, ent) -> str | None:
        """ "m", "f" or None (unknown): the strongest kind of evidence that is not a tie."""
        tiers = self._votes.get(self.person(ent))
        for votes in tiers or ():
            if votes["m"] != votes["f"]:
                return "m" if votes["m"] > votes["f"] else "f"
        return None

    def matches(self, ent, want: str) -> bool:
        """Is this person known to be a he (``want="m"``) or she (``"f"``)?"""
        return self.gender(ent) == want

    def compatible(self, ent, want: str) -> bool:
        """Can this person be a he (``want="m"``) or she (``"f"``)? Unknown gender can."""
        g = self.gender(ent)
        return g is None or g == want

    def has_title(self, ent, title: str) -> bool:
        """Was this person written with ``title`` (or an organisation name) just before?"""
        titles = self.titles.get(self.person(ent), set())
        return any(title.lower() in role_words(t) for t in titles)


#: Entity types the model gives a person's name by mistake ("Priebus" as ORG, "Ada Moss"
#: as FAC, a building's name).
MISTYPED = frozenset({"ORG", "GPE", "NORP", "FAC"})
#: Words that make a name an organisation however it is used ("Acme Inc.", "Labour Party");
#: role "org_word" of ``lib/data/name_heads.csv``.
ORG_WORDS = head_words("org_word")


def person_like(doc, persons: list) -> list:
    """Entities the model typed ORG, GPE, NORP or FAC that the text treats as a person: a
    name written after a courtesy title or job title ("Sen. Priebo", "party analyst Priebo")
    or with a job in apposition ("Priebo, the governor,"), the subject of a reporting verb
    followed by he/she as the subject of the next sentence ("Priebo said … He added") or of
    the clause the verb governs ("Priebo said he …"), a surname written after a given name
    and a quoted nickname (``Ada "Dee" Priebo``), a given name and a surname as the subject
    of a reporting verb ("Ada Priebo said"), or a surname of a PERSON of the document
    ("Reince Priebo" … "Priebo"). Every mention of such a name counts, unless the name is
    clearly a place or organisation (a known place, a news outlet, an organisation word
    such as "Party", "Inc.", "Committee")."""
    others = [e for e in doc.ents if e.label_ in MISTYPED and _name_like(e)]
    if not others:
        return []
    surnames = {fold(w[-1]) for w in (name_words(e.text) for e in persons) if len(w) >= 2}
    heads = {w.lower().rstrip(".") for w in gazetteer().titles["head"]} | {
        h.lower().rstrip(".") for h in vocab()["honorifics"]
    }
    roles = {w.lower().rstrip(".") for w in gazetteer().title_words} | vocab()["person_nouns"]
    nicknamed = _nicknamed_surnames(doc)
    marked = set()
    for ent in others:
        words = name_words(ent.text)
        key = words[-1]
        prev = doc[ent.start - 1] if ent.start > 0 else None
        titled = prev is not None and prev.lower_.rstrip(".") in heads
        titled = titled or _role_before(prev, roles) or bool(apposed_roles(ent, roles))
        if len(words) > 1 and not titled and given_name_gender(words[0])[0] is None:
            continue  # "Border Patrol", "Stop Trump": not a given name and a surname
        given = len(words) > 1  # and (checked above) its first word a given name
        surname = fold(key) in surnames or fold(key) in nicknamed
        if titled or surname or _reports_then_pronoun(ent) or (given and _reports(ent)):
            marked.add(key)
        elif given and (_clear_given_name(words[0]) or _listed_with_people(ent)):
            marked.add(key)  # "Vanessa Priebo": a clear given name, not a place, first
    return [e for e in others if name_words(e.text)[-1] in marked and e.root.dep_ != "compound"]


#: What stands between two names of one list: "Ada Roe, Troy Priebo and Al Moss".
LIST_GLUE = frozenset({",", "and", "&", ";"})


def _listed_with_people(ent) -> bool:
    """Does the name sit in a list between two names the model typed PERSON ("Ada Roe,
    Troy Priebo, Al Moss"), with only commas and "and" between them? Items of one list
    are of one kind, whatever a given name that is also a place ("Troy", "Chad") says."""
    doc = ent.doc
    ents = list(doc.ents)
    k = next((i for i, e in enumerate(ents) if e.start == ent.start), None)
    if k is None or k == 0 or k + 1 >= len(ents):
        return False
    before, after = ents[k - 1], ents[k + 1]
    return (
        before.label_ == "PERSON"
        and after.label_ == "PERSON"
        and 0 < ent.start - before.end <= 2
        and 0 < after.start - ent.end <= 2
        and all(t.lower_ in LIST_GLUE for t in doc[before.end : ent.start])
        and all(t.lower_ in LIST_GLUE for t in doc[ent.end : after.start])
    )


def untagged_surnames(doc, mentions: list) -> list:
    """Lone capitalised words the model left untagged that are the surname of a person
    named in full ("Dana Priebo" … "Priebo said"), as one-word PERSON spans."""
    from spacy.tokens import Span

    surnames = {w[-1] for w in (name_words(e.text) for e in mentions) if len(w) >= 2}
    out = []
    for tok in doc:
        if tok.ent_type_ or tok.text not in surnames or tok.pos_ != "PROPN":
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if any(t is not None and t.pos_ == "PROPN" and t.is_alpha for t in (prev, nxt)):
            continue  # part of a longer name the model did not tag ("Priebo Street")
        if tok.dep_ != "compound":
            out.append(Span(doc, tok.i, tok.i + 1, label="PERSON"))
    return out


def untagged_names(doc) -> list:
    """Names the model left untagged that start with a clear given name ("Ana Ruiz, the
    principal, said"): a run of two or three capitalised proper nouns outside any entity,
    not after "the", not a known place and not a thing named after a person."""
    from spacy.tokens import Span

    out = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and _bare_proper(doc[j]):
            j += 1
        if j == i:
            i += 1
            continue
        words = [t.text for t in doc[i:j]]
        prev = doc[i - 1] if i > 0 else None
        nxt = doc[j] if j < len(doc) else None
        if (
            2 <= len(words) <= 3
            and _clear_given_name(words[0])
            and (prev is None or (prev.lower_ != "the" and not prev.ent_type_))
            and (nxt is None or (nxt.text not in ORG_WORDS and not nxt.ent_type_))
            and words[-1] not in name_heads()
            and gazetteer().lookup(" ".join(words)) is None
        ):
            out.append(Span(doc, i, j, label="PERSON"))
        i = j
    return out


def _bare_proper(tok) -> bool:
    text = tok.text
    return (
        not tok.ent_type_
        and tok.pos_ == "PROPN"
        and text[:1].isupper()
        and text[1:].isalpha()
        and text[1:2].islower()
    )


def _clear_given_name(word: str) -> bool:
    """A given name read one way in every usage ("Vanessa", not "Kim") that is not also a
    place ("Virginia", "Austin", "Chelsea")."""
    return given_name_gender(word)[1] == 1.0 and gazetteer().lookup(word) is None


def _name_like(ent) -> bool:
    """One to three capitalised words, not all capitals, not a known place, outlet or
    organisation, not written after "the"."""
    from lib.nlp.gazetteer import norm_key

    words = name_words(ent.text)
    if not 1 <= len(words) <= 3 or any(not (w[:1].isupper() and w[1:2].islower()) for w in words):
        return False
    if ent[-1].tag_ == "NNPS":
        return False  # a plural is a group ("Gay Republicans"), not one person
    if (
        words[0] == "The"
        or any(w.rstrip(",") in ORG_WORDS for w in words)
        or len(words) > 1
        and words[-1] in name_heads()  # a thing named after a person ("Ada Moss Theater")
        or ent.start > 0
        and (ent.doc[ent.start - 1].lower_ == "the")
    ):
        return False
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if after is not None and after.text in ORG_WORDS:
        return False  # "Priebo" of "Priebo Inc." the model cut short
    text = " ".join(words)
    return gazetteer().lookup(text) is None and norm_key(text) not in media_names()


def _reports(ent) -> bool:
    """Is the name the subject of a reporting verb ("Ada Moss said", "said Ada Moss")?"""
    root = ent.root
    return (
        root.dep_ in ("nsubj", "nsubjpass")
        and root.head.lemma_.lower() in vocab()["reporting_verbs"]
    )


def _role_before(prev, roles: set[str]) -> bool:
    """A lower-case job or person noun right before the name ("political scientist Ada
    Priebo", "the party's chairman Priebo"): the name is that person's."""
    return prev is not None and prev.is_lower and prev.pos_ == "NOUN" and prev.lower_ in roles


def _nicknamed_surnames(doc) -> set[str]:
    """Surnames written after a given name and a quoted nickname (``Ada "Dee" Priebo``),
    folded: only a person's name is written so."""
    return {fold(m.group("surname").split()[0]) for m in nicknames_in(doc.text)}


def _pronoun_clause(verb) -> bool:
    """A clause the reporting verb governs has he/she as its subject ("Priebo said he had
    told …"): organisations say "it"."""
    pronouns = vocab()["pronouns"]
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and pronouns.get(c.lower_) in ("m", "f")
        for clause in verb.children
        if clause.dep_ == "ccomp"
        for c in clause.children
    )


def _reports_then_pronoun(ent) -> bool:
    """The name is the subject of a reporting verb and the next subject he/she, in the same
    or the next sentence, comes before any other name, or is the subject of the clause the
    verb governs ("Priebo, contradicting Roe, said he …")."""
    if not _reports(ent):
        return False
    if _pronoun_clause(ent.root.head):
        return True
    root = ent.root
    doc = ent.doc
    sent = root.sent
    stop = sent.end
    if stop < len(doc):
        stop = doc[stop].sent.end
    pronouns = vocab()["pronouns"]
    for tok in doc[ent.end : stop]:
        if tok.ent_type_ in ("PERSON", *MISTYPED):
            return False
        if tok.dep_ in ("nsubj", "nsubjpass") and pronouns.get(tok.lower_) in ("m", "f"):
            return True
    return False


@functools.lru_cache(maxsize=1)
def media_names() -> frozenset[str]:
    """News outlets, agencies and platforms of ``lib/data/media.csv``."""
    from lib.datafiles import read_csv

    return frozenset(row["name"] for row in read_csv("media.csv") if row["name"])


def apposed_roles(ent, title_words: set[str]) -> list[str]:
    """Job titles in apposition to a person's name, lower case: "Jane Roe, the governor,",
    "Jane Roe, governor of Ohio,", "the mayor, Li Wei," -> ["governor"] / ["mayor"]."""
    root = ent.root
    nouns = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        nouns.append(root.head)
    return [n.lower_ for n in nouns if n.pos_ in ("NOUN", "PROPN") and n.lower_ in title_words]


def _title_run(doc, start: int, limit: int = 4) -> list:
    """Up to ``limit`` tokens right before a name, stopping at punctuation, verbs and
    lower-case words that are not titles ("NATO Secretary-General", "Senator")."""
    out = []
    k = start - 1
    while k >= 0 and len(out) < limit:
        tok = doc[k]
        if tok.is_punct or tok.is_space or tok.pos_ in ("VERB", "AUX", "ADP", "DET", "PRON"):
            break
        out.append(tok)
        k -= 1
    return out[::-1]
