"""Colours shared by charts, bars and the Reader's highlights (no plotly, no scipy: the
Overview imports this on a new server's first page)."""

#: One colour per entity type, shared by charts and the Reader's highlights.
LABEL_COLOURS = {
    "PERSON": "#4C78A8",
    "ORG": "#F58518",
    "GPE": "#54A24B",
    "LOC": "#88D27A",
    "NORP": "#B279A2",
    "FAC": "#9D755D",
    "EVENT": "#E45756",
    "WORK_OF_ART": "#72B7B2",
    "LAW": "#BAB0AC",
}
