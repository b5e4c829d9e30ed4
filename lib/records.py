"""Every table of the analysis, one record type each, each column declared once.

A field says what the column is called on pages and in CSV files (header), what it means
(help), whether ``python -m lib TABLE`` prints it (``cli=True``), and how a page draws it;
its type gives the dtype. Pages' tables (:class:`~lib.columns.PageTable`, after each
record) list the record's columns in the page's order plus the columns a view computes.
Extractors (``lib.extract``) return these records; :mod:`lib.schema`'s column lists, the
CLI, the disk cache, the pages' column configs and CSV headers all read them from here.

**Adding a column** (say figures get ``holder``, who holds the number): declare it here
(``holder: str = col("Holder", "Whose number it is", cli=True)`` in :class:`Figure`, and
``"holder"`` in :data:`FIGURES_PAGE` where the page should show it), set it where the record
is made (``Figure(..., holder=...)`` in ``lib/extract/figures.py``), and add it to the
README's table of columns. Then regenerate the shipped seed analysis:
``python -m lib analyze --corpus seeds --out assets/seed-analysis``.
"""

from __future__ import annotations

from lib.columns import col, derived, record, same, shown

# ----------------------------------------------------------------------------- documents


@record
class DocumentRow:
    """``documents``: one row per article."""

    doc_id: str = col(
        "Document id", "The file name without extension (uploads: a unique name)", cli=True
    )
    outlet: str = col(
        "Outlet",
        "Who published it; “Article N” when the text names no outlet",
        cli=True,
        width="medium",
    )
    title: str = col("Title", cli=True, width="medium")  # the metadata editor fits 1024 px
    published: str = col("Published", "The date as given, e.g. 2024-10-28", cli=True)
    byline: str = col("Byline", cli=True)
    url: str = col("URL", "Where the article was published", cli=True)
    words: int = col("Words", cli=True, number_format="%d")
    story_id: str = col(
        "Story",
        "The story (event) of the pile the article is about: S1, S2 …",
        cli=True,
        width="small",
    )
    sentences: int = col("Sentences")
    entity_count: int = col("Entities", "Distinct people, organisations, places and groups named")


@record
class TextRow:
    """``texts``: the analysed text of each article and what was set aside."""

    doc_id: str = same(DocumentRow, "doc_id")
    text: str = col("Text", "The body as analysed (furniture set aside, limits applied)")
    boilerplate: str = col("Set-aside lines", "Page furniture: share buttons, captions …")
    source_name: str = col("File", "The original file name")
    content_hash: str = col("Content hash", "Hash of the text and metadata")


@record
class Sentence:
    """``sentences``: every sentence of every article."""

    doc_id: str = same(DocumentRow, "doc_id")
    outlet: str = same(DocumentRow, "outlet")
    sentence_id: int = col("Sentence id", "Position of the sentence in its article, from 0")
    paragraph_id: int = col("Paragraph id", "Position of its paragraph, from 0")
    start_char: int = col("Start", "Character offset in the article text")
    end_char: int = col("End", "Character offset after the last character")
    text: str = col("Sentence")


# ----------------------------------------------------------------------------- entities


@record
class Mention:
    """``mentions``: every mention of a name, with the cues entity resolution uses."""

    doc_id: str = same(DocumentRow, "doc_id", cli=True)
    outlet: str = same(DocumentRow, "outlet", cli=True)
    sentence_id: int = same(Sentence, "sentence_id", cli=True)
    start_char: int = same(Sentence, "start_char", cli=True)
    end_char: int = same(Sentence, "end_char", cli=True)
    text: str = col("As written", "The name as the article writes it (cleaned)", cli=True)
    entity: str = col("Entity", "The canonical name every form of it is counted under", cli=True)
    label: str = col("Type", "Person, organisation, place, group …", cli=True)
    cue: str = col("Cue", "A context word read for the type: region, based, title, in")
    prev_word: str = col("Word before")
    next_word: str = col("Word after")
    expansion: str = col("Expansion", "What a defined acronym stands for")
    honorific: str = col("Honorific", "Mr., Ms. … before a person's name")
    full_hint: str = col("Full name hint", "A full name the article gives for a surname")
    in_title: bool = col("In a heading")
    raw_label: str = col("Model type", "The type before corpus-wide resolution")
    nickname: str = col("Nickname", 'A nickname written inside the name: Thomas "Tam" Okoro')
    kin: bool = col("Beside a kinship word", "“his father, …”: tells father and son apart")
    role: str = col("Role", "The job title the name is written with: “Gov.”, “…, the mayor,”")


@record
class Entity:
    """``entities``: mention counts per article and canonical entity."""

    doc_id: str = same(DocumentRow, "doc_id", cli=True)
    outlet: str = same(DocumentRow, "outlet", cli=True)
    entity: str = same(Mention, "entity", cli=True)
    label: str = same(Mention, "label", cli=True)
    mentions: int = col("Mentions", "How often it is named", cli=True, width="small")


@record
class Pair:
    """``cooccurrence``: two entities and how often they share a window."""

    entity_a: str = col("Entity A", cli=True)
    entity_b: str = col("Entity B", cli=True)
    count: int = col(
        "Times together", "How many sentences (or paragraphs, or articles) name both", cli=True
    )
    jaccard: float = col(
        "Share together (Jaccard)",
        "Of the sentences (or paragraphs, or articles) naming either entity, the share "
        "naming both, 0 to 1 (its exact name: the Jaccard index)",
        cli=True,
    )
    npmi: float = col(
        "More often than chance (NPMI)",
        "Above 0 the two are named together more often than chance would give (1: always "
        "together), below 0 less often (−1: never); its exact name: normalised pointwise "
        "mutual information (NPMI)",
        cli=True,
    )


# ----------------------------------------------------------------------------- figures


@record
class Figure:
    """``figures``: every number an article reports, what it counts, who said it."""

    doc_id: str = same(DocumentRow, "doc_id", cli=True)
    outlet: str = same(DocumentRow, "outlet", cli=True)
    text: str = col("As written", "The figure as the article writes it", cli=True)
    value: float = col("Value", "The number at full precision (the lower end of a range)", cli=True)
    qualifier: str = col(
        "Qualifier", "exact, approx, at_least, at_most, range, change or vague", cli=True
    )
    counted: str = col("What is counted", "The noun the figure counts, with modifiers", cli=True)
    sentence: str = col("Sentence", "The sentence the figure is in", cli=True, width="large")
    said_by: str | None = col("Said by", "The source as an entity, or as written", cli=True)
    unit: str = col("Unit", "%, a currency code or a unit such as km; empty for counts", cli=True)
    value_max: float = col("Upper value", "The upper end of a range (else the value)", cli=True)
    start_char: int = same(Sentence, "start_char", cli=True)
    end_char: int = same(Sentence, "end_char", cli=True)
    said_by_entity: str | None = col(
        "Source entity", "The canonical entity of the source, if any", cli=True
    )
    said_by_how: str = col(
        "How the source was found",
        "explicit, according to, pronoun, role or carried over",
        cli=True,
    )
    kind: str = col(
        "Kind", "count, money, percent, measure, duration, age or one (a count of one)", cli=True
    )
    predicate: str = col(
        "Event", "What happened to what is counted: killed, trained, paid …", cli=True
    )
    places: str = col("Places", "Places the figure applies to", cli=True)
    time_scope: str = col(
        "Time",
        "A year or relative time the figure is about, “expected” for what will or could "
        "happen; empty for the article's present.",
        cli=True,
    )
    holder: str = col(
        "Whose",
        "Whose measurement it is: “Trump's net worth”, “Okafor with 18 percent”, “21 "
        "percent for Romney”, the company that cut the jobs (the canonical entity where it "
        "names one)",
        cli=True,
    )
    time: str = col(
        "When",
        "The date the figure is about, resolved against the article's date (“Wednesday” "
        "in an article of 24 March 2017 is 2017-03-22); as written when it names no date "
        "of its own (“the previous night”)",
        cli=True,
    )
    holder_text: str = col("Holder as written", "The holder's words in the text")
    holder_start: int = col("Holder start", "Offset of the holder (-1: none)")
    holder_end: int = col("Holder end")
    holder_how: str = col(
        "Holder from", "aged, with, for, possessor, apposition, modifier or subject"
    )
    holder_entity: str = col("Holder entity", "The holder's canonical entity, if any")
    time_text: str = col("Time as written", "The date or time expression of its clause")
    counted_head: str = col("Counted head", "Lemma of the counted noun")
    counted_lemmas: str = col("Counted lemmas", "Head, modifier and context lemmas")
    counted_groups: str = col("Counted groups", "Nationalities or actors it belongs to")
    counted_how: str = col(
        "Counted from", "noun: the noun it counts; context: read from its clause"
    )
    sent_start_char: int = col("Sentence start", "Offset of its sentence")
    said_by_text: str | None = col("Source name", "The named source as written")
    said_by_start: int | None = col("Source start", "Offset of the named source")
    said_by_end: int | None = col("Source end")
    said_by_description: str = col("Source description", "When nobody is named")
    said_by_ent_start: int | None = col("Source entity start", "An entity inside it")
    said_by_ent_end: int | None = col("Source entity end")
    said_by_written: str = col("Source as written", "he, the mayor, U.S. officials …")
    sentence_id: int = same(Sentence, "sentence_id")


@record
class Claim:
    """``claims``: figures from different outlets that report the same measurement."""

    claim_id: str = col("Claim", "Claims are numbered by how many outlets report them", cli=True)
    counted: str = same(Figure, "counted", cli=True)
    outlet: str = same(DocumentRow, "outlet", cli=True)
    doc_id: str = same(DocumentRow, "doc_id", cli=True)
    value: float = same(Figure, "value", cli=True)
    value_max: float = same(Figure, "value_max", cli=True)
    qualifier: str = same(Figure, "qualifier", cli=True)
    unit: str = same(Figure, "unit", cli=True)
    text: str = same(Figure, "text", cli=True)
    said_by: str = same(Figure, "said_by", cli=True)
    sentence: str = same(Figure, "sentence", cli=True)
    status: str = col(
        "Status",
        "agree: the values share a value once rounding and qualifiers are allowed for; "
        "differ: they do not, but the outlets may count it another way or one may be an "
        "update; conflict: the same measurement, holder and time with values that cannot "
        "all be true; single source: only one outlet reports it",
        cli=True,
    )
    kind: str = same(Figure, "kind", cli=True)
    predicate: str = same(Figure, "predicate", cli=True)
    places: str = same(Figure, "places", cli=True)
    time_scope: str = same(Figure, "time_scope", cli=True)
    related: str = col("Related", "Claims measuring something close, with other values", cli=True)
    why: str = col(
        "Why grouped", "Why these figures are one claim, and the verdict's reason", cli=True
    )
    holder: str = same(Figure, "holder", cli=True)
    time: str = same(Figure, "time", cli=True)
    low: float = col(
        "Stands for (from)",
        "The lowest value the figure allows: its rounding as written and its qualifier",
        cli=True,
    )
    high: float = col("Stands for (to)", "The highest value the figure allows", cli=True)
    gap: float = col(
        "Gap %", "How far apart the values of a claim that differs or conflicts are", cli=True
    )
    start_char: int = same(Sentence, "start_char")
    end_char: int = same(Sentence, "end_char")
    measure_head: str = col("Compared head", "What is counted as compared (event nouns as people)")
    strength: str = col("Strength", "strong: one measurement beyond doubt; weak: maybe not")
    published: str = same(DocumentRow, "published")
    norm_value: float = col("Compared value", "The value in the unit compared (days)")
    norm_low: float = col("Compared from")
    norm_high: float = col("Compared to")


# ----------------------------------------------------------------------------- quotes


@record
class Quote:
    """``quotes``: direct quotes and fragments with their speakers."""

    doc_id: str = same(DocumentRow, "doc_id", cli=True)
    outlet: str = same(DocumentRow, "outlet", cli=True)
    speaker: str | None = col("Speaker", "The speaker as an entity, or as written", cli=True)
    quote: str = col("Quote", "The words inside the quotation marks", cli=True, width="large")
    sentence_id: int = same(Sentence, "sentence_id", cli=True)
    kind: str = col(
        "Kind", "direct: a full quoted sentence; fragment: a few quoted words", cli=True
    )
    verb: str = col(
        "Reporting verb (dictionary form)", "say, tell, according to … (the lemma)", cli=True
    )
    verb_text: str = col(
        "Reporting verb", "As the article writes it: said, told, labelled …", cli=True
    )
    open_ended: bool = col("Open-ended", "The closing quotation mark is missing", cli=True)
    group_id: str = col("Group", "The same quote across outlets shares a group", cli=True)
    group_size: int = col("Outlets in group", "How many outlets carry this quote", cli=True)
    start_char: int = same(Sentence, "start_char", cli=True)
    end_char: int = same(Sentence, "end_char", cli=True)
    speaker_entity: str | None = col(
        "Speaker entity", "The canonical entity of the speaker, if any", cli=True
    )
    speaker_how: str = col(
        "How the speaker was found", "explicit, according to, beside, pronoun, role, …", cli=True
    )
    sentence: str = col("Sentence", "The sentence(s) holding the quote and its attribution")
    sent_start_char: int = col("Sentence start", "Offset of that sentence")
    speaker_text: str | None = col("Speaker name", "The named speaker as written")
    speaker_start: int | None = col("Speaker start", "Offset of the named speaker")
    speaker_end: int | None = col("Speaker end")
    speaker_description: str = col("Speaker description", "When nobody is named")
    speaker_ent_start: int | None = col("Speaker entity start", "An entity inside it")
    speaker_ent_end: int | None = col("Speaker entity end")
    speaker_written: str = col("Speaker as written", "he, the mayor, U.S. officials …")


# ----------------------------------------------------------------------------- stories


@record
class Story:
    """``stories``: one row per story (an event: the same actors, places and days) of a pile;
    ``documents.story_id`` says whose each article is."""

    story_id: str = same(DocumentRow, "story_id", cli=True)
    label: str = col(
        "Named by", "The names most of its articles use, and its dates", cli=True, width="large"
    )
    articles: int = col("Articles", "How many articles it holds", cli=True, number_format="%d")
    outlets: int = col("Outlets", "How many outlets report it", cli=True, number_format="%d")
    first_date: str = col("First date", "Its earliest article (ISO day; empty: no dates)", cli=True)
    last_date: str = col("Last date", "Its latest article", cli=True)
    top_entities: str = col(
        "Most named", "Names used by the most of its articles, most first", cli=True, width="large"
    )


@record
class Term:
    """A content word of one article (per-article results only: story grouping's input)."""

    term: str = col("Lemma", "Lower-case lemma of a noun, proper noun, verb or adjective")
    count: int = col("Count", "How often the article uses it")
    lead: int = col("In the lead", "How often in the headline and first sentences")


# ----------------------------------------------------------------------------- facts


@record
class Statement:
    """``statements``: sentences, or the main clauses of a sentence that says two things,
    with what fact alignment and the wording measure compare (``lib.extract.statements``)."""

    doc_id: str = same(DocumentRow, "doc_id")
    outlet: str = same(DocumentRow, "outlet")
    sentence_id: int = same(Sentence, "sentence_id")
    clause: int = col("Clause", "0 for a sentence's first (or only) clause, 1 for the next …")
    start_char: int = same(Sentence, "start_char")
    end_char: int = same(Sentence, "end_char")
    headline: bool = col("Headline", "The article's title line")
    text: str = col("Statement", "The sentence or clause as written", width="large")
    lemmas: str = col("Lemmas", "Lemmas of its content words (what alignment compares)")
    words: str = col("Words", "Words that can carry a word choice; | where a run breaks")
    quoted: str = col("Quoted words", "The same, inside quotation marks")


@record
class Fact:
    """``facts``: every statement with each fact it reports (statements of different outlets
    reporting the same thing share a fact; a statement that reports several, as a lead
    sentence often does, has a row for each)."""

    fact_id: str = col("Fact", "Facts are numbered in reading order", cli=True, pinned=True)
    outlets: int = col(
        "Outlets reporting it", "How many of the selected outlets report the fact", cli=True
    )
    outlet: str = same(DocumentRow, "outlet", cli=True)
    doc_id: str = same(DocumentRow, "doc_id", cli=True)
    sentence_id: int = same(Sentence, "sentence_id", cli=True)
    clause: int = same(Statement, "clause", cli=True)
    headline: bool = same(Statement, "headline", cli=True)
    text: str = same(Statement, "text", cli=True)


@record
class WordChoice:
    """``wording``: an outlet's most distinctive words and two-word phrases against the
    other outlets of its story (computed on demand, like co-occurrence)."""

    outlet: str = same(DocumentRow, "outlet", cli=True)
    term: str = col("Word or phrase", cli=True)
    count: int = col("Uses", "How often the outlet uses it", cli=True)
    others: int = col("Uses by the others", "How often the other outlets use it", cli=True)
    per_1000: float = col(
        "Per 1,000 words", "Uses per 1,000 counted words of the outlet", cli=True,
        number_format="%.1f",
    )  # fmt: skip
    others_per_1000: float = col(
        "Others per 1,000 words", "The same for the other outlets together", cli=True,
        number_format="%.1f",
    )  # fmt: skip
    z: float = col(
        "Distinctiveness (z)",
        "z-score of the log-odds ratio with the story as prior: above 2 is clearly "
        "more than chance",
        cli=True,
        number_format="%.2f",
    )


@record
class Naming:
    """Two outlets naming the same thing differently in one fact ("undocumented" /
    "illegal"): computed on demand for the Wording page."""

    outlet_a: str = col("Outlet")
    words_a: str = col("Writes")
    outlet_b: str = col("Other outlet")
    words_b: str = col("Writes instead")
    facts: int = col("Facts", "In how many facts the two outlets word it so")
    example: str = col("Example fact", "One of those facts (see the Facts page)")


# ----------------------------------------------------------------------------- files


@record
class Status:
    """Per-file status rows of the readers (uploads, zips, bundles, URLs, folders)."""

    file: str = col("File", width="medium")
    status: str = col("Status", "analysed, truncated or skipped", width="small")
    reason: str = col("Reason", "A short code for why")
    message: str = col("Reason / note", "What happened, in words", width="large")
    doc_id: str = same(DocumentRow, "doc_id")
    chars: int = col("Characters", number_format="%d")


# ----------------------------------------------------------------------------- per article


#: Analysis table name -> its record (the tables ``python -m lib TABLE`` may print and
#: analysis folders store; ``cooccurrence`` is computed from mentions on demand).
TABLES: dict[str, type] = {
    "documents": DocumentRow,
    "texts": TextRow,
    "sentences": Sentence,
    "mentions": Mention,
    "entities": Entity,
    "cooccurrence": Pair,
    "figures": Figure,
    "claims": Claim,
    "quotes": Quote,
    "stories": Story,
    "statements": Statement,
    "facts": Fact,
    "wording": WordChoice,
}


# ----------------------------------------------------------------------------- page tables

OVERVIEW_PAGE = shown(
    DocumentRow, "Overview", "Articles",
    "outlet", "title", "published", "byline", "words", "entity_count",
    csv_only=("url", "doc_id"),
)  # fmt: skip
#: The Reader's download of one article's entities (offsets into the article's text).
READER_ENTITIES_PAGE = shown(
    Mention, "Reader", "Entities of the article",
    "entity", "label", "text", "start_char", "end_char", "sentence_id",
    csv_only=("outlet", "doc_id"),
)  # fmt: skip
#: The Overview's articles with their story (a pile of several stories, none chosen).
OVERVIEW_STORIES_PAGE = shown(
    DocumentRow, "Overview", "Articles",
    "story_id", "outlet", "title", "published", "byline", "words", "entity_count",
    csv_only=("url", "doc_id"),
)  # fmt: skip
STORIES_PAGE = shown(
    Story, "Stories", "Stories in this pile",
    "story_id", "label", "articles",
    derived("outlet_names", "Reported by", "The outlets that report it", width="medium"),
    "top_entities",
    csv_only=("outlets", "first_date", "last_date"),
)  # fmt: skip
METADATA_PAGE = shown(
    DocumentRow, "Your articles", "Metadata",
    "doc_id", "outlet", "title", "published", "byline", "url",
)  # fmt: skip
#: The metadata of an article a manifest (``sources.csv``) gives and a user may edit.
METADATA_FIELDS = tuple(c for c in METADATA_PAGE.names() if c != "doc_id")
STATUS_PAGE = shown(
    Status, "Your articles", "Files", "file", "status", "message", "doc_id", "chars"
)
WRITTEN = derived("written", "Written as", "Every form of the name, most used first", width="large")
COMPARE_PAGE = shown(
    Entity, "Compare sources", "Entities by outlet",
    "entity", "label", WRITTEN,
    derived("written_as", "Written as, by outlet", "The forms each outlet wrote, with counts"),
    derived("outlets", "Outlets naming it", dtype="int64"),
    "mentions",
    per_outlet=True,
)  # fmt: skip
FORMS_PAGE = shown(Entity, "Entity", "How each outlet writes it", "outlet", WRITTEN, "mentions")
KWIC_PAGE = shown(
    Mention, "Entity", "Every mention in context",
    "entity", "label", "outlet", "doc_id", "sentence_id",
    derived("left", "Before"), derived("match", "As written"), derived("right", "After"),
)  # fmt: skip
PAIRS_PAGE = shown(
    Pair, "Co-occurrence", "Pairs", "entity_a", "entity_b", "count", "jaccard", "npmi"
)
CLAIMS_PAGE = shown(
    Claim, "Figures", "Claims across outlets", "claim_id", "counted", "status", per_outlet=True
)
FIGURES_PAGE = shown(
    Figure, "Figures", "All figures",
    derived("figure", "Figure", "The figure in short: ~ about, ≥ at least, ≤ at most; under "
            "it the words as written, then the exact value · qualifier · kind", pinned=True),
    "outlet",
    "text",
    derived("exact_value", "Exact value", "At full precision, as read from the text"),
    "qualifier", "counted", "holder", "predicate", "time", "time_scope", "said_by",
    derived("how_found", "How the source was found", "Named in the sentence, “according "
            "to”, a pronoun or a role read as a person, or carried over"),
    "kind", "sentence",
    csv_only=("doc_id",),
)  # fmt: skip
#: How the All figures table fits a 1024-px page: these of its columns are drawn as small
#: lines under another column's value, a line holding one or more of them (joined by " · ").
FIGURES_PAGE_LINES = {
    "figure": [("text",), ("exact_value", "qualifier", "kind")],
    "counted": [("holder",), ("predicate",), ("time", "time_scope")],
    "said_by": [("how_found",)],
}
SPEAKERS_PAGE = shown(Quote, "Quotes", "Who is quoted, by outlet", "speaker", per_outlet=True)
QUOTES_PAGE = shown(
    Quote, "Quotes", "All quotes",
    "outlet", "speaker",
    derived("how_found", "How the speaker was found", "Named beside the quote, “according "
            "to”, a pronoun or a role read as a person, or carried over from the quote before"),
    "verb_text", "quote", "kind", "group_id",
    csv_only=("verb", "doc_id", "sentence_id"),
)  # fmt: skip

FACT_OUTLETS_PAGE = shown(
    DocumentRow, "Facts", "What each outlet reports",
    "outlet",
    derived("statements", "Statements", dtype="int64"),
    derived("facts", "Facts it reports", "Facts it reports, alone or with others",
            dtype="int64"),
    derived("shared_by_all", "Shared by all", "Facts every selected outlet reports",
            dtype="int64"),
    derived("only", "Only in it", "Facts no other selected outlet reports", dtype="int64"),
    derived("left_out", "Left out by it", "Facts other selected outlets report and it does "
            "not", dtype="int64"),
)  # fmt: skip
FACTS_PAGE = shown(
    Fact, "Facts", "Facts across outlets",
    "fact_id", "outlets", "outlet", "headline", "text",
    csv_only=("doc_id", "sentence_id"),
)  # fmt: skip
WORDING_PAGE = shown(
    WordChoice, "Wording", "Every distinctive word",
    "outlet", "term", "count", "others", "per_1000", "others_per_1000", "z",
)  # fmt: skip
NAMING_PAGE = shown(
    Naming, "Wording", "Same thing, different words",
    "outlet_a", "words_a", "outlet_b", "words_b", "facts", "example",
)  # fmt: skip

#: Every page table (for tests and the README's list of columns).
PAGE_TABLES = (
    OVERVIEW_PAGE, READER_ENTITIES_PAGE, METADATA_PAGE, STATUS_PAGE, COMPARE_PAGE, FORMS_PAGE,
    KWIC_PAGE, PAIRS_PAGE, CLAIMS_PAGE, FIGURES_PAGE, SPEAKERS_PAGE, QUOTES_PAGE,
    OVERVIEW_STORIES_PAGE, STORIES_PAGE,
    FACT_OUTLETS_PAGE, FACTS_PAGE, WORDING_PAGE, NAMING_PAGE,
)  # fmt: skip
