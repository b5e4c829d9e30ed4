"""Metadata clues in article text: dates, bylines, outlet names, original URLs."""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urlparse

#: Words that mark a short header line as an outlet name ("Example Media Group").
OUTLET_WORDS = re.compile(
    r"\b(media|news|times|post|press|daily|herald|journal|tribune|gazette|agency|"
    r"network|radio|tv|television|broadcasting|chronicle|telegraph|guardian|observer|"
    r"review|weekly|magazine|wire|standard|express|independent|insider|today|online|"
    r"ledger|courier|dispatch|bulletin|sentinel|inquirer|examiner|enquirer|monitor|"
    r"mercury|beacon)\b",
    re.I,
)


MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|"
    "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)


#: An optional weekday before a date ("Monday,", "Tue").
WEEKDAY = r"(?:(?:\w+day|mon|tues?|wed|thu|thurs?|fri|sat|sun)\.?,?\s+)?"

DATE_PATTERNS = [
    # 28/10/2024 17h25, 28.10.2024, 2024-10-28 12:00
    (
        re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[\s,]+(\d{1,2})[h:](\d{2}))?\s*$"),
        "dmy",
    ),
    (re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T\s]+(\d{1,2}):(\d{2}))?"), "ymd"),
    # October 28, 2024 / Oct. 28 2024
    (
        re.compile(rf"^\s*{WEEKDAY}({MONTHS})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I),
        "mdy_name",
    ),
    # 28 October 2024
    (
        re.compile(rf"^\s*{WEEKDAY}(\d{{1,2}})\s+({MONTHS})\.?,?\s+(\d{{4}})\b", re.I),
        "dmy_name",
    ),
]


#: "By Jane Doe"; also "Written by", "Reported by", "Story by", "Words by", "Posted by".
BYLINE = re.compile(
    r"^\s*(?:(?:written|reported|story|words|text|report|posted)\s+)?by\s+(.{2,80}?)\s*$", re.I
)

#: News agencies a wire dateline names ("WASHINGTON (Reuters) -", "(AP) —"), as readers
#: know them. General, not event-specific.
WIRE_AGENCIES = {
    "reuters": "Reuters", "ap": "The Associated Press", "associated press": "The Associated Press",
    "afp": "AFP", "bloomberg": "Bloomberg", "upi": "UPI", "dpa": "dpa", "xinhua": "Xinhua",
    "ani": "ANI", "pti": "PTI", "ians": "IANS", "yonhap": "Yonhap", "kyodo": "Kyodo News",
    "anadolu": "Anadolu Agency", "efe": "EFE", "ansa": "ANSA", "tass": "TASS",
    "cnn": "CNN", "bbc": "BBC", "pa": "PA Media", "aap": "AAP", "cp": "The Canadian Press",
}  # fmt: skip
#: A wire dateline at the start of the body: optional place (capitals), the agency in
#: brackets, then a dash.
DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w.'’ -]{1,30})?\s+)?"
    r"\((?P<agency>[A-Za-z][A-Za-z .]{0,24}?)\)\s*[-–—]"
)
#: "PUBLISHED : 12 March 2023", "Updated: Oct. 3, 2024", "Posted on 2024-10-03".
DATE_LABEL = re.compile(
    r"^\s*(?P<label>first published|published|updated|last updated|posted(?!\s+by\b))"
    r"\s*(?:on)?\s*:?\s*(?P<rest>.+)$",
    re.I,
)
#: "By Jane Doe, Reuters" / "By Jane Doe | The Daily Example": a byline naming its outlet.
BYLINE_OUTLET = re.compile(r"^(?P<name>[^,|]{2,60}?)\s*[,|]\s*(?P<outlet>[^,|]{2,60})$")
#: "Jane Doe for The Daily Example": a writer credited to the outlet they wrote for.
BYLINE_FOR = re.compile(r"^(?P<name>[^,|]{2,60}?)\s+for\s+(?P<outlet>[^,|]{2,60})$")


def dateline_credits(text: str) -> list[tuple[int, int]]:
    """Character spans of the credits in brackets of the datelines that open lines of
    ``text`` ("MINNEAPOLIS (KXMN) —", "SEOUL, Feb. 25 (Seoul Tribune) —"): the outlet
    crediting itself, not a name of the story."""
    spans = []
    for line in re.finditer(r"^.*$", text, re.M):
        m = DATELINE.match(line.group())
        if m:
            spans.append((line.start() + m.start("agency"), line.start() + m.end("agency")))
    return spans


def _dateline_credit(paragraph: str) -> str:
    """The credit in brackets of a dateline at the start of ``paragraph``, else ""."""
    m = DATELINE.match(paragraph or "")
    return " ".join(m.group("agency").split()) if m else ""


def wire_agency(paragraph: str) -> str:
    """The agency a wire dateline at the start of ``paragraph`` names, else ""."""
    return WIRE_AGENCIES.get(_dateline_credit(paragraph).lower().rstrip("."), "")


#: Words in a dateline's brackets that are no outlet ("(UPDATED) —").
NOT_CREDITS = frozenset({"updated", "update", "live", "photo", "video", "file", "corrected"})


def dateline_outlet(paragraph: str) -> str:
    """The outlet a dateline at the start of ``paragraph`` credits ("ASHFORD, Ore. (Northern
    Press) —", "(KXMN) —"): a known agency's name, else one to four capitalised words as
    written; "" otherwise."""
    name = _dateline_credit(paragraph)
    known = wire_agency(paragraph)
    words = name.split()
    if known or not 1 <= len(words) <= 4 or not all(w[0].isupper() for w in words):
        return known
    return "" if any(w.lower() in NOT_CREDITS for w in words) else name


def labelled_date(line: str) -> tuple[str, str]:
    """(label, ISO date) of a "Published: …"/"Updated …" line, else ("", "")."""
    m = DATE_LABEL.match(line)
    if not m or len(line.split()) > 10:
        return "", ""
    date = parse_date(m.group("rest")) or date_after_time(m.group("rest"))
    return (m.group("label").lower(), date) if date else ("", "")


def date_after_time(line: str) -> str:
    """The ISO date of a short date line that starts with the time or a weekday's name
    ("4:32 PM EST, March 3, 2025", "10.15 GMT Tue 4 Mar 2025"), else ""."""
    words = line.split()
    if len(words) > 10:
        return ""
    for k in range(1, len(words)):
        date = parse_date(" ".join(words[k:]).lstrip(",;|· "))
        if date:
            return date
    return ""


#: Where a byline may go on with its date ("By Jane Doe | June 12, 2025").
_BYLINE_SEPARATOR = re.compile(r"\s*[|·•—–]\s*|,\s+|\s+-\s+|\s+on\s+")


def byline_date(byline: str) -> tuple[str, str]:
    """(byline, ISO date) of a byline that goes on with its date ("Jane Doe | June 12,
    2025", "Jane Doe, Fox News | Published March 4, 2025"), else (byline, "")."""
    for m in _BYLINE_SEPARATOR.finditer(byline):
        tail = byline[m.end() :]
        date = parse_date(tail) if is_date_line(tail) else labelled_date(tail)[1]
        if date and m.start() > 1:
            return byline[: m.start()].strip(), date
    return byline, ""


#: "Jane Doe | The Daily Example | May 21, 2025": a byline without "By", split by bars.
_BAR = re.compile(r"\s+[|·•]\s+")
#: A writer's name: two to four capitalised words ("Ruth Abernathy", "Lee Soo-jin").
_WRITER = re.compile(r"^[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|der|la|al-\w+)){1,3}$")


def bar_byline(line: str) -> tuple[str, str, str] | None:
    """(name, outlet, ISO date) of a header line "Jane Doe | The Daily Example | May 21,
    2025" (or "Jane Doe · May 21, 2025", "Jane Doe for The Daily Example · May 21, 2025",
    "The Daily Example · Jane Doe · May 21, 2025"): a writer's name, then an outlet and/or
    a date; None for any other line."""
    parts = _BAR.split(line.strip())
    if len(parts) == 3 and is_outlet_line(parts[0]):  # "The Daily Example · Jane Doe · May 21"
        parts[:2] = parts[1::-1]
    by = BYLINE.match(parts[0])
    parts[0], outlet = byline_outlet(by.group(1) if by else parts[0])  # "Jane Doe for X"
    if not 2 <= len(parts) <= 3 or not _WRITER.match(parts[0]) or OUTLET_WORDS.search(parts[0]):
        return None
    if is_section_label(parts[0]):  # "Middle East | May 21, 2025"
        return None
    date = ""
    for part in parts[1:]:
        if is_date_line(part) and not date:
            date = parse_date(part)
        elif not outlet and (part.lower() in WIRE_AGENCIES or OUTLET_WORDS.search(part)):
            outlet = WIRE_AGENCIES.get(part.lower(), part)
        else:
            return None
    return parts[0], outlet, date


#: A writer's job after their name in a byline ("Staff Writer", "Senior Health
#: Correspondent", "Contributing Editor", "US Business Editor", "Washington
#: Correspondent"): up to three words, then a general newsroom word.
_NEWSROOM_ROLE = re.compile(
    r"^(?:[\w.'’&-]+\s+){0,3}"
    r"(?:writer|reporter|correspondent|editor|contributor|columnist|photographer|producer)s?$",
    re.I,
)


#: A writer's social credit set aside as furniture: "Follow Ana Ruiz on Twitter @anaruiz."
SOCIAL_CREDIT = re.compile(
    r"^Follow (?P<name>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,4}) on "
    r"(?:Twitter|X|Instagram|Facebook|Threads|Bluesky|TikTok|Mastodon|LinkedIn)\b"
)


def social_byline(furniture: list[str]) -> str:
    """The writer a social credit among the set-aside ``furniture`` lines names (the first
    one: "Follow Ana Ruiz on Twitter @anaruiz." -> "Ana Ruiz"), else ""."""
    for line in furniture:
        m = SOCIAL_CREDIT.match(line.strip())
        if m:
            return m.group("name")
    return ""


def byline_outlet(byline: str) -> tuple[str, str]:
    """(name, outlet) of a byline that names its outlet ("Jane Doe, Reuters", "Jane Doe for
    The Daily Example", "DEV RAMAN Associated Press"), else (byline, ""); a job after the
    name is cut ("Jane Doe, Staff Writer")."""
    m = BYLINE_OUTLET.match(byline) or BYLINE_FOR.match(byline)
    if m:
        outlet = m.group("outlet").strip()
        known = WIRE_AGENCIES.get(outlet.lower())
        if _NEWSROOM_ROLE.match(outlet):  # "Jane Doe, Staff Writer": her job, no outlet
            return m.group("name").strip(), ""
        if known or OUTLET_WORDS.search(outlet):
            return m.group("name").strip(), known or outlet
        return byline, ""
    for agency, name in WIRE_AGENCIES.items():  # AP style: the agency after the names
        if len(agency) > 4 and byline.lower().endswith(" " + agency):
            return byline[: -len(agency)].strip(), name
    return byline, ""


#: Lines that name an outlet: a few capitalised words ending in a newsroom word.
_OUTLET_LINE_WORD = re.compile(r"^[A-Z][\w&'’.-]*$|^(?:of|the|and|&)$")


def is_outlet_line(line: str) -> bool:
    """A line that only names an outlet ("Fox News", "The Meridian Post", "Reuters"): at
    most five capitalised words, the last a newsroom word ("News", "Post", "Times"), or a
    news agency's name."""
    words = line.split()
    if line.lower().strip() in WIRE_AGENCIES and len(line.strip()) > 2:
        return True
    if not 1 < len(words) <= 5 or not all(_OUTLET_LINE_WORD.match(w) for w in words):
        return False
    return bool(OUTLET_WORDS.fullmatch(words[-1]))


PUBLISHED_ON = re.compile(
    r"\b(?:first |originally )?published (?:on|by|in) ([A-Z][\w&'’.\- ]{1,60}?)[.!]", re.I
)


URL_RE = re.compile(r"<?(https?://[^\s>]+)>?")


ORIGINAL_URL = re.compile(r"^\s*(original url|source|url)\s*:\s*(\S*)\s*$", re.I)


def parse_date(line: str) -> str:
    """Return an ISO date (``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM``) if the line is a date."""
    text = line.strip()
    for pattern, kind in DATE_PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        try:
            if kind == "dmy":
                d, mo, y, hh, mm = m.groups()
                dt = datetime(int(y), int(mo), int(d), int(hh or 0), int(mm or 0))
                return dt.strftime("%Y-%m-%d %H:%M" if hh else "%Y-%m-%d")
            if kind == "ymd":
                y, mo, d, hh, mm = m.groups()
                dt = datetime(int(y), int(mo), int(d), int(hh or 0), int(mm or 0))
                return dt.strftime("%Y-%m-%d %H:%M" if hh else "%Y-%m-%d")
            if kind == "mdy_name":
                mon, d, y = m.groups()
            else:
                d, mon, y = m.groups()
            dt = datetime.strptime(f"{int(d)} {mon[:3].title()} {y}", "%d %b %Y")
            return dt.strftime("%Y-%m-%d")
        except ValueError:
            return ""
    return ""


def is_date_line(line: str) -> bool:
    """A line that is only a date (maybe with a time), not a sentence mentioning one."""
    return bool(parse_date(line)) and len(line.split()) <= 6


def outlet_from_url(url: str) -> str:
    """The site's domain without ``www.``, e.g. ``example-news.com``."""
    host = urlparse(url).hostname or ""
    return host[4:] if host.startswith("www.") else host


#: Kickers: labels above or before a headline that are not the headline ("EXCLUSIVE",
#: "ANALYSIS", "UPDATE 2-", "Explainer:"). General newsroom words, not outlet-specific.
KICKER_WORDS = (
    r"exclusive|analysis|update(?:\s*\d+)?|breaking(?:\s+news)?|wrapup(?:\s*\d+)?|factbox|"
    r"explainer|insight|opinion|comment|editorial|live(?:\s+updates)?|refile|corrected|"
    r"correction|rpt|feature|interview|focus|preview|newsmaker|timeline|special\s+report|"
    r"fact\s*check|podcast|watch|video|review|world\s+news|top\s+news"
)
KICKER_LINE = re.compile(rf"^\W*(?:{KICKER_WORDS})\W*$", re.I)
KICKER_PREFIX = re.compile(rf"^\W*(?:{KICKER_WORDS})\s*[-–—:|]\s*(?=\S)", re.I)
#: Words a date or time line is made of besides numbers ("Monday 28 October 2024 12.00 GMT").
DATE_WORDS = re.compile(
    rf"^(?:{MONTHS}|\w+day|gmt|utc|bst|cet|cest|est|edt|pst|pdt|cst|cdt|mst|mdt|et|pt|ct|mt|"
    r"ist|jst|aest|am|pm|a\.m\.|p\.m\.|updated|published|"
    r"posted|last|first|on|at|hours?|hrs?|minutes?|mins?|days?|ago|today|yesterday)\.?,?$",
    re.I,
)


#: Section names a page prints above its headline ("Politics", "U.S. News > Crime").
#: General newsroom sections, not outlet-specific.
SECTION_WORDS = frozenset(
    """politics world business sports sport us u.s. uk u.k. national nation local metro news
    health science tech technology entertainment culture arts crime courts justice education
    environment climate economy markets money finance travel lifestyle weather region
    regional state states europe asia africa americas middle east latin america australia
    canada elections election government policy national-security security military defense
    defence home and & > / | · • - – —""".split()
)


def is_section_label(line: str) -> bool:
    """A line made only of section names ("Politics", "U.S. News", "World > Europe"): page
    furniture above a headline, never the headline."""
    words = line.lower().replace(">", " > ").replace("/", " / ").split()
    return 0 < len(words) <= 6 and all(w.strip(":") in SECTION_WORDS for w in words)


def is_kicker(line: str) -> bool:
    """A line that is only a kicker ("EXCLUSIVE", "UPDATE 2-", "Analysis")."""
    return bool(KICKER_LINE.match(line))


def strip_kicker(title: str) -> str:
    """``title`` without a leading kicker ("UPDATE 2-Troops enter city" -> "Troops enter
    city"); unchanged when it has none."""
    return KICKER_PREFIX.sub("", title, count=1).strip() or title


def is_dateish(line: str) -> bool:
    """A line made only of a date, time or "3 hours ago" words: never a title."""
    words = line.replace("|", " ").split()
    rest = [w for w in words if any(c.isalpha() for c in w) and not DATE_WORDS.match(w)]
    return bool(words) and not rest
