"""Procedure flowcharts (执法流程图, GUO-118-04) generated from the workflow table.

Nothing is drawn by hand: the states and moves of `cases.workflow.table.TRANSITIONS` are laid
out in layers (distance from the track's initial state) and rendered as an SVG with a text
alternative, so the published chart changes whenever the table does.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from html import escape

from sanxiang.cases.choices import CaseStatus, Track
from sanxiang.cases.workflow.table import INITIAL_STATES, TRANSITIONS

BOX_W, BOX_H, GAP_X, GAP_Y, PAD = 132, 40, 56, 18, 16


@dataclass(frozen=True)
class Step:
    source: str
    target: str
    label: str


@dataclass(frozen=True)
class Flowchart:
    track: str
    title: str
    states: list[str]
    steps: list[Step]
    svg: str


def _layers(track: Track) -> tuple[dict[str, int], list[Step]]:
    steps: list[Step] = []
    for move in TRANSITIONS:
        if track not in move.tracks:
            continue
        for source in move.sources:
            steps.append(Step(str(source), str(move.target), str(move.label)))
    depth = {str(INITIAL_STATES[track]): 0}
    frontier = [str(INITIAL_STATES[track])]
    while frontier:
        following: list[str] = []
        for state in frontier:
            for step in steps:
                if step.source == state and step.target not in depth:
                    depth[step.target] = depth[state] + 1
                    following.append(step.target)
        frontier = following
    return depth, [s for s in steps if s.source in depth and s.target in depth]


def flowchart(track: Track) -> Flowchart:
    depth, steps = _layers(track)
    columns: dict[int, list[str]] = defaultdict(list)
    for state, level in sorted(depth.items(), key=lambda kv: (kv[1], kv[0])):
        columns[level].append(state)
    position: dict[str, tuple[int, int]] = {}
    for level, states in columns.items():
        for row, state in enumerate(states):
            position[state] = (PAD + level * (BOX_W + GAP_X), PAD + row * (BOX_H + GAP_Y))
    width = PAD * 2 + len(columns) * (BOX_W + GAP_X) - GAP_X
    height = PAD * 2 + max(len(s) for s in columns.values()) * (BOX_H + GAP_Y) - GAP_Y
    labels = dict(CaseStatus.choices)
    title = str(dict(Track.choices)[track])
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="fc-{track}-title" class="sx-flowchart">',
        f'<title id="fc-{track}-title">{escape(title)}</title>',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        'fill="#14305a"/></marker></defs>',
    ]
    for step in steps:
        (x1, y1), (x2, y2) = position[step.source], position[step.target]
        forward = x2 > x1
        sx, sy = (x1 + BOX_W, y1 + BOX_H // 2) if forward else (x1 + BOX_W // 2, y1)
        ex, ey = (x2, y2 + BOX_H // 2) if forward else (x2 + BOX_W // 2, y2)
        if forward:
            path = f"M{sx},{sy} C{sx + GAP_X // 2},{sy} {ex - GAP_X // 2},{ey} {ex},{ey}"
        else:  # a move back (e.g. returned for investigation): an arc above the boxes
            lift = min(sy, ey) - 14
            path = f"M{sx},{sy} C{sx},{lift} {ex},{lift} {ex},{ey}"
        parts.append(
            f'<path d="{path}" fill="none" stroke="#14305a" stroke-width="1.4" '
            f'marker-end="url(#arrow)"><title>{escape(step.label)}</title></path>'
        )
    for state, (x, y) in position.items():
        parts.append(
            f'<g><rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="6" '
            'fill="#eef3fa" stroke="#14305a"/>'
            f'<text x="{x + BOX_W // 2}" y="{y + BOX_H // 2 + 5}" text-anchor="middle" '
            f'font-size="14" fill="#14305a">{escape(str(labels.get(state, state)))}</text></g>'
        )
    parts.append("</svg>")
    ordered = sorted(depth, key=lambda s: (depth[s], s))
    return Flowchart(
        track=str(track),
        title=title,
        states=[str(labels.get(s, s)) for s in ordered],
        steps=[
            Step(str(labels.get(s.source, s.source)), str(labels.get(s.target, s.target)), s.label)
            for s in steps
        ],
        svg="".join(parts),
    )


def all_flowcharts() -> list[Flowchart]:
    return [flowchart(track) for track in (Track.GENERAL, Track.SIMPLE, Track.OTHER)]
