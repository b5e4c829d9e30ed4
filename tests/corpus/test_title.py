"""Headlines read as headlines, and the outlet a plain-text file's name gives (issue 23,
classes 6 and 8). Every text is invented."""

from __future__ import annotations

import pytest

from lib.corpus.parse import parse_document
from lib.corpus.title import outlet_from_file_name, split_outlet_suffix
from lib.ingest.uploads import read_uploads
from lib.nlp.headline import is_headline, title_end

LEDE = (
    "Water rose through the night in the river town of Millbrook, and by Tuesday morning "
    "about 300 residents had left their homes for a shelter at the high school."
)


def test_which_first_lines_are_headlines():
    assert is_headline("Flood Forces Hundreds From Homes", LEDE)
    assert is_headline("Flood forces hundreds from homes in Millbrook.", LEDE)  # a full stop
    assert is_headline("The Ninth Circle: A View From The Hill, #2.", LEDE)  # Title Case
    assert not is_headline("Flood Forces Hundreds From Homes", None)  # nothing after it
    assert not is_headline(LEDE, "More text follows here.")  # a long sentence
    # a short sentence before a shorter paragraph is the lede, not a headline
    assert not is_headline("The river rose overnight.", "It fell later.")
    # a quotation cut by its attribution is prose, whatever its length
    assert not is_headline("“We lost everything,” said Ana Ruiz, a resident.", LEDE)
    assert not is_headline("MILLBROOK (Reuters) - The river rose overnight", LEDE)


def test_title_ending_in_a_period_is_kept_as_the_title():
    doc = parse_document("d", f"Flood forces hundreds from homes in Millbrook.\n\n{LEDE}")
    assert doc.title == "Flood forces hundreds from homes in Millbrook."
    assert title_end(doc.text) == len(doc.title)


def test_headline_repeated_at_the_top_of_the_body_is_counted_once():
    head = "Flood Forces Hundreds Of Millbrook Residents From Their Homes Overnight"
    doc = parse_document("d", f"{head}\n\n{head}\n\n{LEDE}")
    assert doc.text.count(head) == 1
    assert head in doc.boilerplate
    # written again with other quotation marks or a full stop, it is still the headline
    doc = parse_document("d", f"‘Hope Is Here’: Flood Town Reopens\n\n'Hope Is Here': Flood "
                         f"Town Reopens.\n\n{LEDE}")  # fmt: skip
    assert doc.text == f"‘Hope Is Here’: Flood Town Reopens\n\n{LEDE}"


def test_trailing_outlet_in_the_title_becomes_the_outlet():
    assert split_outlet_suffix("Flood hits Millbrook | The Daily Example") == (
        "Flood hits Millbrook",
        "The Daily Example",
    )
    assert split_outlet_suffix("Rock | paper | scissors champion crowned")[1] == ""
    doc = parse_document("d", f"Flood hits Millbrook | The Daily Example\n\n{LEDE}")
    assert (doc.title, doc.outlet) == ("Flood hits Millbrook", "The Daily Example")
    assert doc.text.startswith("Flood hits Millbrook\n\n")  # the outlet is no body text
    # a hint (manifest, upload form) still wins over the title's suffix
    hinted = parse_document("d", f"Flood hits Millbrook | The Daily Example\n\n{LEDE}",
                            {"outlet": "Harbour Daily"})  # fmt: skip
    assert hinted.outlet == "Harbour Daily"


def test_print_edition_notes_are_furniture():
    note = (
        "A version of this article appears in print on Oct. 5, 2024, on Page A1 of the New "
        "York edition with the headline: Flood Hits Millbrook."
    )
    doc = parse_document("d", f"Flood Hits Millbrook\n\n{LEDE}\n\n{note}")
    assert "appears in print" not in doc.text
    assert "appears in print" in doc.boilerplate


def test_outlet_from_a_plain_text_file_name():
    assert outlet_from_file_name("fox.txt") == "fox"
    assert outlet_from_file_name("uploads/daily_example.txt") == "daily example"
    assert outlet_from_file_name("Harbour-Daily.md") == "Harbour-Daily"
    for name in ("article_12.txt", "untitled.txt", "2024-10-05.txt", "fox.html", "fox.pdf", "fox"):
        assert outlet_from_file_name(name) == "", name
    # a copy's number, a date, or what the file holds, around the name
    for name in ("fox (1).txt", "fox_2.txt", "fox2.txt", "fox_article.txt", "article-fox.txt",
                 "fox_2025-03-04.txt", "fox_copy (2).txt"):  # fmt: skip
        assert outlet_from_file_name(name) == "fox", name
    assert outlet_from_file_name("fox_news_story.txt") == "fox news"
    assert outlet_from_file_name("article (3).txt") == ""


def test_uploaded_file_name_names_the_outlet_only_when_nothing_else_does():
    files = [
        ("fox.txt", f"Flood Hits Millbrook\n\n{LEDE}".encode()),
        ("cnn.txt", f"Flood Hits Millbrook\n\nBy Ana Ruiz, Reuters\n\n{LEDE}".encode()),
        ("notes_12.txt", f"Millbrook Flood Update\n\n{LEDE}".encode()),
    ]
    docs = {d.source_name: d for d in read_uploads(files).documents}
    assert docs["fox.txt"].outlet == "fox"
    assert docs["cnn.txt"].outlet == "Reuters"  # the byline names it
    assert docs["notes_12.txt"].outlet == ""  # shown as "Article N"


def test_no_quote_speaker_or_figure_from_the_headline(analyse_texts):
    text = (
        "‘It Was 20 Years Ago’: Mayor Appoints Ex-Aide As 5 Towns Flood\n\n"
        f"{LEDE} “We will open a second shelter tonight,” Mayor Ana Ruiz said.\n\n"
        "Ruiz appointed her former aide Tom Bell to run the shelters."
    )
    analysis = analyse_texts({"d": text})
    quotes = analysis.quotes
    assert list(quotes["quote"]) == ["We will open a second shelter tonight"]
    assert list(quotes["speaker"]) == ["Ana Ruiz"]
    figures = analysis.figures
    assert not (figures["start_char"] < text.index("\n")).any()  # "20", "5" are title words
    assert list(figures["text"]) == ["about 300"]


def test_a_dash_names_the_outlet_only_when_the_name_reads_as_one():
    assert split_outlet_suffix("Mill to close - Riverside Gazette") == (
        "Mill to close",
        "Riverside Gazette",
    )
    assert split_outlet_suffix("Mill to close – Reuters")[1] == "Reuters"
    for title in (
        "Storm hits coast – Live Updates",  # no newsroom word
        "Vote delayed - officials",  # not a name
        "Mayor wins - World News",  # a section, not an outlet
        "Troops advance - Ukraine War Live",
    ):
        assert split_outlet_suffix(title) == (title, ""), title


def _html_page(title: str, h1: str):
    """The document read from an HTML page with that ``<title>`` and ``<h1>`` over LEDE."""
    from lib.ingest.readers import read_html

    page = (
        f"<html><head><title>{title}</title></head><body><h1>{h1}</h1><p>{LEDE}</p></body></html>"
    ).encode()
    text, hints = read_html(page)
    return parse_document("d", text, hints)


def test_a_page_title_keeps_its_outlet_and_its_headline_on_top():
    doc = _html_page("Mill to close | The Daily Example", "Mill to close")
    assert (doc.title, doc.outlet) == ("Mill to close", "The Daily Example")
    assert doc.text.startswith("Mill to close\n\n") and doc.text.count("Mill to close") == 1


def test_a_page_whose_extractor_names_the_headline_as_the_site_keeps_its_outlet():
    """trafilatura gives "Sign $1.8 Billion Deal" (a "$" in the <title>) as the site name:
    a headline is no outlet; the title's " | Outlet" names it."""
    head = "Nations Sign $1.8 Billion Grain Deal"
    doc = _html_page(f"{head} | The Global Dispatch", head)
    assert (doc.title, doc.outlet) == (head, "The Global Dispatch")


def test_bylines_with_dates_section_labels_and_time_first_dates():
    raw = (
        "Politics\n\nMill Owner Names Ex-Aide To Run Closure\n\n"
        f"**By Jane Doe** | June 12, 2025\n\n{LEDE}"
    )
    doc = parse_document("d", raw)
    assert (doc.title, doc.byline, doc.published) == (
        "Mill Owner Names Ex-Aide To Run Closure",
        "Jane Doe",
        "2025-06-12",
    )
    assert "Politics" in doc.boilerplate.split("\n")
    doc = parse_document("d", f"Mill to close\n\nUpdated 4:32 PM EST, March 3, 2025\n\n{LEDE}")
    assert doc.published == "2025-03-03"
    doc = parse_document("d", f"Mill to close\n\n{LEDE}\n\n*A version of this story appears "
                         "in print on June 13, 2025, on Page A1.*")  # fmt: skip
    assert "in print" not in doc.text and "in print" in doc.boilerplate


def test_a_headline_with_an_attributed_quote_is_a_headline():
    assert is_headline("“We Will Rebuild,” Governor Says After Floods", LEDE)
    assert is_headline("'We were never warned,' workers say as mill closes", LEDE)
    # a sentence is still prose
    assert not is_headline("“We lost everything,” said Ana Ruiz, a resident.", LEDE)


PASTED = {  # pages copied from a browser into a text file, as users upload them
    "outlet line first": (
        "The Millbrook Herald\n\nMill Owner Names Ex-Aide To Run Closure\n\nBy Jane Doe",
        ("The Millbrook Herald", "Mill Owner Names Ex-Aide To Run Closure", "Jane Doe", ""),
    ),
    "outlet, section, short headline, byline with outlet": (
        "Example News\n\nPolitics\n\nMill owner names aide\n\n"
        "Published March 4, 2025 10:14am EST\n\nBy Jane Doe | Example News",
        ("Example News", "Mill owner names aide", "Jane Doe", "2025-03-04"),
    ),
    "dek, then byline and dates": (
        "Mill Owner Names Ex-Aide To Run Closure\n\nThe pick drew criticism from workers and "
        "the union, who called it a favour.\n\nBy Jane Doe and Tom Roe\n\nMarch 4, 2025\n\n"
        "Updated 5:02 p.m. ET",
        ("", "Mill Owner Names Ex-Aide To Run Closure", "Jane Doe and Tom Roe", "2025-03-04"),
    ),
    "weekday abbreviation": (
        "Mill owner names aide to run closure\n\nTue 4 Mar 2025 10.15 GMT",
        ("", "Mill owner names aide to run closure", "", "2025-03-04"),
    ),
    "name and outlet under the headline": (
        "Mill owner names aide to run closure\n\nJane Doe, Example News",
        ("Example News", "Mill owner names aide to run closure", "Jane Doe", ""),
    ),
    "agency after the byline": (
        "Mill owner names aide to run closure\n\nBy JANE DOE Associated Press",
        ("The Associated Press", "Mill owner names aide to run closure", "JANE DOE", ""),
    ),
}


def test_pasted_page_headers():
    for case, (head, expected) in PASTED.items():
        doc = parse_document("d", f"{head}\n\n{LEDE}")
        assert (doc.outlet, doc.title, doc.byline, doc.published) == expected, case
        assert doc.text.startswith(expected[1] + "\n\n") and doc.text.endswith(LEDE), case
    # a headline ending in a newsroom word is still the title when prose follows it
    doc = parse_document("d", f"Millbrook Mourns Its Post\n\n{LEDE}")
    assert (doc.title, doc.outlet) == ("Millbrook Mourns Its Post", "")


def test_widgets_and_wire_photo_captions_are_furniture():
    raw = (
        "Mill owner names aide to run closure\n\nListen to this article · 4 min\n\n"
        "Workers leave the mill on Monday. (AP Photo/Jane Roe)\n\n" + LEDE
    )
    doc = parse_document("d", raw)
    assert doc.text == "Mill owner names aide to run closure\n\n" + LEDE


def test_a_page_whose_h1_differs_from_its_title_keeps_its_own_headline_on_top():
    doc = _html_page(
        "Millbrook shelter opens | The Daily Example", "Flood Forces Hundreds From Homes"
    )
    assert doc.outlet == "The Daily Example"
    assert doc.text.startswith("Flood Forces Hundreds From Homes\n\n")  # one headline on top
    assert "Millbrook shelter opens" not in doc.text


def test_a_topic_a_colon_and_a_quotation_is_a_headline():
    """The reader takes it as the title; the quote and speaker rules must too."""
    assert is_headline("Flood victims on the rebuild: “We lost everything.”", LEDE)
    doc = parse_document("d", f"Ruiz on the rebuild: “We lost everything.”\n\n{LEDE}")
    assert title_end(doc.text) == len(doc.title) > 0
    assert not is_headline("She said: “We lost everything.”", LEDE)  # prose
    assert not is_headline("Ruiz put it simply: “We lost everything.”", LEDE)


def test_a_page_printed_to_pdf_from_a_browser():
    """The browser prints the date, time and page title atop every page and the address and
    page number under it: furniture, though the title names the outlet and the address is
    the URL (and a byline ending in the outlet's name loses it)."""
    head = "3/4/25, 10:14 AM Mill Owner Names Ex-Aide To Run Closure | Example News"
    foot = "https://example-news.com/business/mill-owner 1/2"
    raw = (
        f"{head}\nMill Owner Names Ex-Aide To Run Closure\nBy Jane Doe Example News\n"
        f"{LEDE[:60]}\n{foot}\n{head}\n{LEDE[60:]}\n"
        "https://example-news.com/business/mill-owner 2/2\n"
    )
    doc = parse_document("d", raw, {"source_name": "mill.pdf"})
    assert (doc.outlet, doc.title, doc.byline, doc.url) == (
        "Example News",
        "Mill Owner Names Ex-Aide To Run Closure",
        "Jane Doe",
        "https://example-news.com/business/mill-owner",
    )
    assert doc.text == f"Mill Owner Names Ex-Aide To Run Closure\n\n{LEDE}"


# -- header lines of new kinds of events (audit, round 7) ---------------------------------------


def test_a_one_word_section_above_a_short_headline_is_no_title():
    """ "AUTOS" above a six-word headline: the section is furniture, the headline the title
    (before, the label was the title and the headline was set aside as a byline line)."""
    raw = f"AUTOS\n\nMill Recall Tests a Family Name\n\nBy Jane Doe, Example Journal\n\n{LEDE}"
    doc = parse_document("d", raw)
    assert (doc.title, doc.outlet, doc.byline) == (
        "Mill Recall Tests a Family Name",
        "Example Journal",
        "Jane Doe",
    )
    assert doc.text.startswith("Mill Recall Tests") and "AUTOS" in doc.boilerplate


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("**Ruth Abernathy** | Minnesota Ledger | May 21, 2025",
         ("Ruth Abernathy", "Minnesota Ledger", "2025-05-21")),
        ("*By Youssef Benali* · February 25, 2025", ("Youssef Benali", "", "2025-02-25")),
        ("Ruth Abernathy · May 21, 2025", ("Ruth Abernathy", "", "2025-05-21")),
        ("Middle East | May 21, 2025", ("", "", "")),  # a section, not a writer
    ],
)  # fmt: skip
def test_a_writer_outlet_and_date_line_without_by(line, want):
    doc = parse_document("d", f"# Mill Owner Names Ex-Aide To Run Closure\n\n{line}\n\n{LEDE}")
    assert (doc.byline, doc.outlet, doc.published) == want
    assert doc.text.startswith("Mill Owner Names Ex-Aide To Run Closure\n\n")
    assert line.split()[0].strip("*") not in doc.text


def test_a_date_before_its_time_is_the_date():
    doc = parse_document("d", f"Mill owner names aide\n\nMarch 11, 2025 · 2:14 PM ET\n\n{LEDE}")
    assert doc.published == "2025-03-11"


def test_a_file_named_outlet_is_spelled_as_the_article_writes_it():
    raw = f"Mill owner names aide\n\nMINNEAPOLIS (KXMN) — {LEDE}"
    assert parse_document("d", raw, {"source_name": "kxmn.txt"}).outlet == "KXMN"
    raw = f"Mill owner names aide\n\nSEOUL, Feb. 25 (Seoul Tribune) — {LEDE}"
    assert parse_document("d", raw, {"source_name": "seoul_tribune.txt"}).outlet == "Seoul Tribune"
    assert parse_document("d", LEDE, {"source_name": "fox.txt"}).outlet == "fox"


def test_newspaper_names_after_a_dash_in_a_page_title():
    for name in ("Twin Cities Courier", "The Global Dispatch", "Valley Sentinel"):
        assert split_outlet_suffix(f"Ex-mayor gets 4 years for bribes - {name}")[1] == name


def test_a_broadcasters_watch_promo_is_furniture():
    doc = parse_document("d", f"Mill owner names aide\n\n{LEDE}\n\nWatch the full report on KXMN "
                         "News at 6.")  # fmt: skip
    assert "Watch" not in doc.text and "full report" in doc.boilerplate


def test_a_writers_social_credit_is_furniture():
    doc = parse_document("d", f"Mill owner names aide\n\n{LEDE}\n\nFollow Ana Ruiz on Twitter "
                         "@AnaRuiz.Follow Tom Bell on Twitter @tbell.")  # fmt: skip
    assert "@AnaRuiz" not in doc.text and "@AnaRuiz" in doc.boilerplate
    assert doc.byline == "Ana Ruiz"  # the first writer credited, when no byline names one
    body = "Follow the money, she said on Twitter, and the trail leads to the mill."
    assert "Follow the money" in parse_document("d", f"Mill\n\n{LEDE}\n\n{body}").text


def test_an_editors_note_and_a_podcast_promo_are_furniture():
    note = "Editor’s note: This story was updated to correct the mill's name."
    promo = "Tom Bell co-hosts the podcast “Mill Talk.” Subscribe here or listen below:"
    doc = parse_document("d", f"Mill owner names aide\n\n{LEDE}\n\n{note}\n\n{promo}")
    assert "Editor" not in doc.text and "Subscribe" not in doc.text
    assert note in doc.boilerplate and promo in doc.boilerplate


def test_an_outlet_a_file_name_gives_is_the_outlet_another_article_names_in_full():
    """ "fox.txt" beside a page titled "… | Fox News": one outlet, "Fox News" (before: two
    outlets, "fox" and "Fox News"); an outlet the user typed is kept as typed."""
    from lib.corpus.document import outlet_labels

    page = ("<html><head><title>Mill to close | Fox News</title></head><body><h1>Mill to "
            f"close</h1><p>{LEDE}</p></body></html>").encode()  # fmt: skip
    times = f"The New York Times\n\nMill to close now\n\n{LEDE}"
    files = [("fox.txt", f"Mill owner names aide\n\n{LEDE}".encode()), ("a.html", page),
             ("nyt.txt", f"Mill.\n\n{LEDE}".encode()), ("b.txt", times.encode()),
             ("guardian.txt", f"Storm.\n\n{LEDE}".encode())]  # fmt: skip
    docs = read_uploads(files).documents
    assert outlet_labels(docs) == ["Fox News", "Fox News", "The New York Times",
                                   "The New York Times", "guardian"]  # fmt: skip
    typed = [d.__class__(**{**d.__dict__, "outlet": "Fox 5"}) if d.doc_id == "fox" else d
             for d in docs]  # fmt: skip
    assert outlet_labels(typed)[0] == "Fox 5"


def test_two_writers_of_a_page_are_written_as_a_byline():
    from lib.ingest.readers import read_html

    page = ("<html><head><title>Mill to close | The Daily Example</title></head><body>"
            "<article><h1>Mill to close</h1><p class='byline'>By Claire Dubois and Kang "
            f"Min-seo</p><p>{LEDE}</p></article></body></html>").encode()  # fmt: skip
    text, hints = read_html(page)
    assert parse_document("d", text, hints).byline == "Claire Dubois and Kang Min-seo"


def test_a_byline_the_extractor_dropped_is_read_from_the_page():
    """ "<span>By Jane Doe</span> <time>May 20, 2025</time>" in one <div>: trafilatura
    gives no author; the page's "By" line above the first paragraph does."""
    from lib.ingest.readers import read_html

    page = ("<html><head><title>Mill to close - Example Courier</title></head><body><article>"
            "<h1>Mill to close</h1><div class='meta'><span>By Hannah Kowalczyk</span> <time "
            f"datetime='2025-05-20'>May 20, 2025</time></div><p>{LEDE}</p></article></body>"
            "</html>").encode()  # fmt: skip
    text, hints = read_html(page)
    doc = parse_document("d", text, hints)
    assert (doc.byline, doc.outlet) == ("Hannah Kowalczyk", "Example Courier")


def test_a_file_named_outlet_takes_no_capital_from_another_name():
    """ "fox.txt" whose text says "told Fox News" or "Michael J. Fox" stays "fox"."""
    raw = f"Mill owner names aide\n\n{LEDE} Michael J. Fox told Fox News he was sad."
    assert parse_document("d", raw, {"source_name": "fox.txt"}).outlet == "fox"
    raw = f"Mill owner names aide\n\nWASHINGTON (Fox) — {LEDE}"
    assert parse_document("d", raw, {"source_name": "fox.txt"}).outlet == "Fox"


def test_section_names_between_the_headline_and_the_outlet_are_cut():
    for title in ("Grain deal signed | World | The Global Dispatch",
                  "Grain deal signed - World News - The Global Dispatch",
                  "Grain deal signed | Politics | Europe | The Global Dispatch"):  # fmt: skip
        assert split_outlet_suffix(title) == ("Grain deal signed", "The Global Dispatch")
    # a headline's own dash stays
    assert split_outlet_suffix("Storm hits - Officials warn | The Daily Example")[0] == (
        "Storm hits - Officials warn"
    )
    doc = parse_document("d", f"Grain deal signed | World | The Global Dispatch\n\n{LEDE}")
    assert (doc.title, doc.outlet) == ("Grain deal signed", "The Global Dispatch")


# -- audit, round 8 (new kinds of events) -------------------------------------------------------


def test_a_file_name_of_several_lower_case_words_is_written_as_a_name():
    """ "maghreb_review.md" with nothing naming its outlet: "Maghreb Review" (file names
    are lower case by habit); one word, initials or call letters stay as written."""
    from lib.corpus.title import as_name

    names = ("maghreb_review.md", "voice_of_the_valley.txt", "fox.txt")
    files = [(n, f"Flood Hits Millbrook\n\n{LEDE} ({k})".encode()) for k, n in enumerate(names)]
    docs = {d.source_name: d.outlet for d in read_uploads(files).documents}
    assert docs == {
        "maghreb_review.md": "Maghreb Review",
        "voice_of_the_valley.txt": "Voice of the Valley",
        "fox.txt": "fox",
    }
    for name in ("nyt", "kxmn", "Harbour-Daily", "wrc 4", "BBC news"):
        assert as_name(name) == name


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("*Written by Ana Ruiz for The Harbour Daily* · May 3, 2025",
         ("Ana Ruiz", "The Harbour Daily", "2025-05-03")),
        ("**Harbour Weekly** · Ana Ruiz · May 3, 2025",
         ("Ana Ruiz", "Harbour Weekly", "2025-05-03")),
        ("Reported by Ana Ruiz | May 3, 2025", ("Ana Ruiz", "", "2025-05-03")),
        ("Posted by Ana Ruiz on May 3, 2025", ("Ana Ruiz", "", "2025-05-03")),
        ("By Ana Ruiz, Senior Health Correspondent", ("Ana Ruiz", "", "")),
    ],
)  # fmt: skip
def test_bylines_written_for_an_outlet_or_after_it(line, expected):
    doc = parse_document("d", f"# Flood Hits Millbrook\n\n{line}\n\n{LEDE}")
    assert (doc.byline, doc.outlet, doc.published) == expected
    assert doc.text.startswith("Flood Hits Millbrook\n\nWater rose")


def test_an_app_promo_and_a_dated_print_edition_note_are_furniture():
    promo = "For the latest evacuation maps, download the WXYZ Weather app."
    note = "This article appeared in the May 4, 2025 print edition of Harbour Weekly."
    body = "Officials urged residents to download the county's alert app."
    doc = parse_document("d", f"Flood Hits Millbrook\n\n{LEDE}\n\n{body}\n\n{promo}\n\n{note}")
    assert promo in doc.boilerplate and note in doc.boilerplate
    assert body in doc.text and "WXYZ" not in doc.text and "print edition" not in doc.text


def test_a_caption_credit_a_contributor_line_and_a_newsletter_appeal_are_furniture():
    caption = "Residents wade down Main Street. (Photo: Jane Roe/Harbour Daily)"
    credit = "Tom Bell contributed reporting from Salem."
    appeal = "Sign up for our morning newsletter to get the day's top stories."
    said = "Tom Bell said he contributed reporting to the inquiry for years before it ended."
    doc = parse_document("d", f"Flood Hits Millbrook\n\n{caption}\n\n{LEDE}\n\n{said}\n\n"
                              f"{credit}\n\n{appeal}")  # fmt: skip
    for line in (caption, credit, appeal):
        assert line in doc.boilerplate and line not in doc.text
    assert said in doc.text


def test_a_date_trafilatura_split_off_a_byline_is_no_writer():
    """ "By Dr. Ana Ruiz | May 3, 2025" in a page's byline paragraph: trafilatura gives the
    writers "Dr Ana Ruiz; May"."""
    from lib.ingest.readers import read_html

    page = (
        "<html><head><title>Flood Hits Millbrook</title></head><body><article>"
        "<h1>Flood Hits Millbrook</h1><p class='byline'>By Dr. Ana Ruiz | May 3, 2025</p>"
        f"<p>{LEDE}</p><p>{LEDE}</p></article></body></html>"
    )
    _, hints = read_html(page.encode())
    assert hints["byline"] == "Dr Ana Ruiz"


def _page(title: str, byline: str) -> bytes:
    return (
        f"<html><head><title>{title}</title></head><body><article>"
        f"<h1>Flood hits Millbrook</h1>{byline}<p>{LEDE}</p><p>{LEDE}</p></article></body></html>"
    ).encode()


def test_a_page_naming_itself_before_its_headline():
    """ "<title>Harbour Herald | Flood hits Millbrook": the outlet first (before: the outlet
    was the headline); a title-case "Storm Hits Coast | Daily News" keeps its order."""
    page = _page("Harbour Herald | Flood hits Millbrook", "")
    doc = read_uploads([("p.html", page)]).documents[0]
    assert (doc.title, doc.outlet) == ("Flood hits Millbrook", "Harbour Herald")
    title_case = "Storm Hits Coast | Daily News"
    assert split_outlet_suffix(title_case) == ("Storm Hits Coast", "Daily News")


def test_a_long_byline_with_its_date_and_a_capitals_outlet():
    """ "By Dr. Ana Ruiz and Tom Bell | March 3, 2025" (11 words with its date) is the byline,
    not the body's first line (its names were people of the story); "BY ANA RUIZ, HARBOUR
    HERALD" under a page titled "… | Harbour Herald": the outlet as the title writes it."""
    files = [("a.html", _page("Flood hits Millbrook | Harbour Herald",
                              "<p>By Dr. Ana Ruiz and Tom Bell | March 3, 2025</p>")),
             ("b.html", _page("Flood hits Millbrook again | Harbour Herald",
                              "<p>BY ANA RUIZ, HARBOUR HERALD</p>"))]  # fmt: skip
    a, b = read_uploads(files).documents
    assert (a.byline, a.published) == ("Dr. Ana Ruiz and Tom Bell", "2025-03-03")
    assert "Ruiz" not in a.text
    assert (b.byline, b.outlet) == ("ANA RUIZ", "Harbour Herald")


def test_a_bare_year_is_no_date_but_a_written_first_of_january_is():
    """trafilatura reads "Aug. 14, 2025" or "© 2025" as 2025-01-01: the page's own date line
    decides ("Updated Aug. 14, 2025 9:40 a.m. PT"), else no date; a first of January the
    page declares stays."""
    updated = "<p>By Ana Ruiz</p><p>Updated Aug. 14, 2025 9:40 a.m. PT</p>"
    meta = '<meta property="article:published_time" content="2025-01-01T08:00:00Z">'
    pages = {
        "a.html": _page("Flood hits Millbrook | Harbour Herald", updated),
        "b.html": _page("Flood hits Millbrook | Harbour Herald", "<p>© 2025</p>"),
        "c.html": _page("Flood hits Millbrook | Harbour Herald", "").replace(
            b"<title>", meta.encode() + b"<title>"
        ),
    }
    published = {}
    for name, page in pages.items():  # one upload each: each page its own article
        result = read_uploads([(name, page)])
        assert len(result.documents) == 1, result.statuses.to_string()
        published[name] = result.documents[0].published
    assert published == {"a.html": "2025-08-14", "b.html": "", "c.html": "2025-01-01"}


def test_a_headline_broken_after_its_colon_is_one_title(analyse_texts):
    """ "Flood Hits Millbrook:" / "Residents Flee Rising River" (a PDF's or an e-mail's
    wrapping) is one title (before: the title was cut at the colon and the second line
    set aside); a headline ending in a full stop over a lede stays as it was."""
    doc = parse_document("d", f"Flood Hits Millbrook:\nResidents Flee Rising River\n\n{LEDE}")
    assert doc.title == "Flood Hits Millbrook: Residents Flee Rising River"
    assert title_end(doc.text) == len(doc.title) and "Rising River" in doc.text
    doc = parse_document("d", f"Levee breaks, town floods.\n\n{LEDE}")
    assert doc.title == "Levee breaks, town floods." and doc.text.endswith(LEDE)


def test_one_outlet_of_file_names_that_some_articles_write_in_capitals():
    """Three ``kxmn_<date>_<slug>.txt`` files, two of whose texts write "KXMN": one outlet,
    "KXMN", on every article (before: "KXMN" and "kxmn" swapped places, two outlets)."""
    from lib.corpus.document import one_name_per_outlet, outlet_labels

    body = "Storm crews worked through the night to clear the roads, the city said."
    files = [
        ("kxmn_2025-03-04_storm-hits.txt", f"Storm hits.\n\n{body} Told KXMN.".encode()),
        ("kxmn_2025-03-05_roads-close.txt", f"Roads close.\n\n{body}".encode()),
        ("kxmn_2025-03-06_crews-rest.txt", f"Crews rest.\n\n{body} KXMN asked.".encode()),
        ("wmbd_2025-03-04_storm.txt", f"Storm.\n\n{body}".encode()),
    ]
    docs = read_uploads(files).documents
    assert outlet_labels(docs) == ["KXMN", "KXMN", "KXMN", "wmbd"]
    assert [d.outlet for d in one_name_per_outlet(docs)] == ["KXMN", "KXMN", "KXMN", "wmbd"]
