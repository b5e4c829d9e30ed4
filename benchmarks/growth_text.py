"""Invented text for the growth benchmarks: the shapes one long document can take.

Shared by :mod:`benchmarks.growth` (one document of each shape, 10k to 1M characters) and
:mod:`benchmarks.growth_corpus` (N articles of one shape), so neither imports the other's
command-line module.
"""

from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "growth.md"
#: ×10 input may cost at most ×12 time.
TARGET_RATIO = 12.0
#: One thread per library in the measured process, so CPU seconds compare across sizes.
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")

# ----------------------------------------------------------------------------- text

_SYLLABLES = ("ka", "lo", "ve", "ri", "mon", "tas", "del", "por", "qui", "ne", "sa", "bre")
_VERBS = ("said", "told reporters", "added", "warned", "wrote", "claimed")
_NOUNS = (
    "council", "ministry", "army", "village", "market", "bridge", "school", "harbour",
    "committee", "court", "station", "river", "province", "factory", "hospital",
)  # fmt: skip
_WORDS = (
    "the", "a", "of", "in", "on", "to", "with", "after", "before", "near", "new", "old",
    "officials", "people", "report", "plan", "week", "talks", "troops", "residents",
    "workers", "budget", "vote", "road", "crews", "water", "power", "night", "morning",
)  # fmt: skip


def _name(rng: random.Random) -> str:
    """An invented proper name ("Kalove Rimontas")."""

    def word() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).title()

    return f"{word()} {word()}"


def _clause(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(_WORDS + _NOUNS) for _ in range(n))


def _sentence(rng: random.Random) -> str:
    place = _name(rng).split()[0]
    return (
        f"{_name(rng)} of the {rng.choice(_NOUNS)} in {place} {rng.choice(_VERBS)} "
        f"{_clause(rng, rng.randint(5, 12))} on Tuesday, with {rng.randint(2, 900)} "
        f"{rng.choice(_WORDS[12:])} there."
    )


def _prose(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(2, 5))) + "\n\n"


def _short_lines(rng: random.Random) -> str:
    lines = []
    for _ in range(10):
        line = f"{_clause(rng, rng.randint(2, 6)).capitalize()}{rng.choice(('.', '.', ':', ''))}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _wrapped(rng: random.Random) -> str:
    words = _prose(rng).split()
    lines, line = [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > 70:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    return "\n".join([*lines, line]) + "\n\n"


def _quotes(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(2, 4)):
        inner = _clause(rng, rng.randint(4, 14)).capitalize()
        who = _name(rng)
        parts.append(
            rng.choice(
                (
                    f"“{inner},” {who} {rng.choice(_VERBS)}.",
                    f"{who} {rng.choice(_VERBS)}: “{inner}.”",
                    f"“{inner}?” asked {who}. “{_clause(rng, 5).capitalize()}.”",
                    f"The {rng.choice(_NOUNS)} called it “{_clause(rng, 3)}”.",
                )
            )
        )
    return " ".join(parts) + "\n\n"


def _spaced(rng: random.Random) -> str:
    groups = rng.randint(1, 3)
    return " ".join(
        [str(rng.randint(1, 999))] + [f"{rng.randint(0, 999):03d}" for _ in range(groups)]
    )


def _numbers(rng: random.Random) -> str:
    return (
        " ".join(
            f"The {rng.choice(_NOUNS)} counted {_spaced(rng)} {rng.choice(_WORDS[12:])}, up "
            f"from {_spaced(rng)} and about {_spaced(rng)} in {rng.randint(1990, 2024)}."
            for _ in range(rng.randint(2, 4))
        )
        + "\n\n"
    )


def _parens(rng: random.Random) -> str:
    bits = []
    for _ in range(rng.randint(3, 6)):
        kind = rng.randint(0, 3)
        inner = _clause(rng, rng.randint(1, 4))
        if kind == 0:
            bits.append(f"({inner} ({_clause(rng, 2)}) {_name(rng)})")
        elif kind == 1:
            bits.append(f"({inner}")  # never closed
        elif kind == 2:
            bits.append(f"{inner})")  # never opened
        else:
            bits.append(f"{_name(rng)} ({rng.randint(1, 99)}%) [{inner}]")
    return f"The {rng.choice(_NOUNS)} " + " ".join(bits) + " said on Monday.\n\n"


SHAPES = {
    "prose": _prose,
    "short_lines": _short_lines,
    "wrapped": _wrapped,
    "quotes": _quotes,
    "numbers": _numbers,
    "parens": _parens,
}


def make_text(shape: str, chars: int, seed: int = 16) -> str:
    """About ``chars`` characters of invented ``shape`` text (cut at a line end)."""
    rng = random.Random(f"{shape}-{seed}")
    block = SHAPES[shape]
    pieces, size = ["Invented headline for a growth test\n\n"], 0
    while size < chars:
        piece = block(rng)
        pieces.append(piece)
        size += len(piece)
    text = "".join(pieces)
    cut = text.rfind("\n", 0, chars)
    return text[: cut if cut > chars // 2 else chars]
