"""Which numbering candidates are headings: a sequence decoder over the whole tree.

Every paragraph that opens with a marker (``numbering.match_candidate``) is a
candidate. A reading of the document is a choice, per candidate, of *heading* or
*text*; its score is the sum of the weights of the accepted markers minus the
penalties of the transitions they make (a skipped ordinal, a restart without a new
parent). The decoder keeps the best few readings side by side while it walks the
candidates (a beam search, Viterbi-like: readings that reach the same numbering state
are merged, keeping the better), so one bad or missing marker costs that marker, not
every heading after it. docs/numbering.md explains the model with examples.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..numbering import WEIGHTS, Marker

# The cost model, as data. Penalties are subtracted from the marker's weight
# (numbering.RULES: 4 for 第N章/第N节/第N条, 3 for the others).
GAP = 3.5  # per missing ordinal: alone it outweighs a bare 四、, the next +1 pays it back
MAX_GAP = 3  # at most this many ordinals missing between two headings of a run
RESTART = 1.0  # back to 1 in a style still open, with no new parent in between
WEAK = 3.0  # a weak candidate (第十三条第四款…) is worth this much less than its style
BEAM = 12  # readings kept side by side
MARGIN = 12.0  # readings this far behind the best are dropped

STRUCTURAL = ("chapter", "part", "article")

Level = tuple[str, int, tuple[int, ...]]  # (style, ordinal, decimal prefix)


@dataclass(frozen=True, slots=True)
class Candidate:
    index: int  # position in the block list
    marker: Marker
    after_title: bool  # right after an unnumbered title line (an appended regulation may start here)


@dataclass(frozen=True, slots=True)
class Move:
    penalty: float
    depth: int  # 0-based depth of the new heading: its level - 1
    reset: bool = False  # an appended document: the numbering starts afresh


def move(stack: tuple[Level, ...], last: dict[str, tuple[int, tuple[int, ...]]], c: Candidate) -> Move | None:
    """How ``c`` would join the numbering state (open levels, last ordinal per style), if it can."""
    m = c.marker
    for depth, (style, ordinal, prefix) in enumerate(stack):
        if style != m.style:
            continue
        if prefix != m.prefix:  # 2.1 after 1.3: the prefix names a new parent
            return Move(0.0, depth) if m.ordinal == 1 and not m.weak else None
        step = m.ordinal - ordinal
        if step == 1:
            return Move(0.0, depth)
        if m.ordinal == 1 and not m.weak:
            return Move(RESTART, depth)
        if 2 <= step <= MAX_GAP + 1:
            return Move(GAP * (step - 1), depth)
        return None
    if c.after_title and m.ordinal == 1 and m.style in ("chapter", "article") and stack:
        if stack[0][0] not in STRUCTURAL:
            # A decision that amends a regulation republishes it after its own items
            # (一、…二、… 本决定自公布之日起施行。 / 某某办法 / 第一条 …): its 第一条 stands at the top.
            return Move(0.0, 0, reset=True)
    # A style not open: a new, deeper level, or a run that continues across parents.
    depth = len(stack)
    prev = last.get(m.style)
    if m.ordinal == 1 and not m.weak:
        return Move(0.0, depth)
    if prev is None:
        # The first of a run lost (malformed 一、 then 二、 三、): pay for each missing one.
        return None if m.weak or m.ordinal > MAX_GAP + 1 else Move(GAP * (m.ordinal - 1), depth)
    if prev[1] != m.prefix:
        return None
    step = m.ordinal - prev[0]
    if step == 1:
        return Move(0.0, depth)
    if 2 <= step <= MAX_GAP + 1:
        return Move(GAP * (step - 1), depth)
    return None


def decode(candidates: list[Candidate]) -> dict[int, int]:
    """The heading level (1-based) of each candidate the best reading accepts, by block index."""
    # A reading: (open levels, last ordinal per style) -> (score, decisions as a linked list).
    State = tuple[tuple[Level, ...], tuple[tuple[str, tuple[int, tuple[int, ...]]], ...]]
    beam: dict[State, tuple[float, tuple | None]] = {((), ()): (0.0, None)}
    for pos, c in enumerate(candidates):
        m = c.marker
        weight = WEIGHTS[m.style] - (WEAK if m.weak else 0.0)
        nxt = dict(beam)  # every reading may leave this candidate as text
        for (stack, last_items), (score, path) in beam.items():
            last = dict(last_items)
            mv = move(stack, last, c)
            if mv is None:
                continue
            level: Level = (m.style, m.ordinal, m.prefix)
            if mv.reset:
                new_stack: tuple[Level, ...] = (level,)
                last = {}
            else:
                new_stack = (*stack[: mv.depth], level)
            last[m.style] = (m.ordinal, m.prefix)
            key = (new_stack, tuple(sorted(last.items())))
            total = score + weight - mv.penalty
            old = nxt.get(key)
            if old is None or total > old[0]:
                nxt[key] = (total, (path, pos, len(new_stack)))
        if len(nxt) > 1:
            ranked = sorted(nxt.items(), key=lambda kv: -kv[1][0])
            floor = ranked[0][1][0] - MARGIN
            nxt = dict(kv for kv in ranked[:BEAM] if kv[1][0] >= floor)
        beam = nxt
    _, path = max(beam.values(), key=lambda v: v[0])
    levels: dict[int, int] = {}
    while path is not None:
        path, pos, level = path
        levels[candidates[pos].index] = level
    return levels
