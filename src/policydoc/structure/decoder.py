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

from typing import NamedTuple

from ..numbering import GAPS, STYLES, WEIGHTS, Marker

# The cost model, as data. Penalties are subtracted from the marker's weight
# (numbering.RULES: 4 for 第N章/第N节/第N条, 3 for the others).
# Each missing ordinal costs the style's gap (numbering.RULES: 2.5, 1.5 for 第N章/节/条),
# below its weight: one missing still leaves a bare 四、 worth keeping.
GAP_CAP = 2  # a run resynchronises after any number of missing ordinals for two gaps' price
MAX_GAP = 3  # a new level may open this many ordinals late (its first headings lost)
RESTART = 1.0  # back to 1 in a style still open, with no new parent in between
ACROSS_ARTICLES = 2.0  # items that would run on from one article's enumeration into the next
LATE_OPEN = 4.0  # a new level whose first heading is lost (二、 三、 四、 with no 一、): two more must follow
WEAK = 3.0  # a weak candidate (第十三条第四款…) is worth this much less than its style
BEAM = 8  # readings kept side by side
MARGIN = 4.5  # readings further behind the best are dropped: one skipped heading, not two

STRUCTURAL = ("chapter", "part", "article")
_RANK = {style: i for i, style in enumerate(STRUCTURAL)}

Level = tuple[str, int, tuple[int, ...]]  # (style, ordinal, decimal prefix)
Last = tuple[int, tuple[int, ...]]  # a style's last (ordinal, decimal prefix)
# (score, open levels, last per style, the decisions so far as a linked list)
Reading = tuple[float, tuple[Level, ...], tuple[Last | None, ...], tuple | None]
_SLOT = {style: i for i, style in enumerate(STYLES)}
_ARTICLE = _SLOT["article"]


class Candidate(NamedTuple):  # immutable; a NamedTuple is built three times as fast as a frozen dataclass
    index: int  # position in the block list
    marker: Marker
    after_title: bool  # right after an unnumbered title line (an appended regulation may start here)


# How a candidate joins a reading: (penalty, 0-based depth of the new heading, whether the
# numbering starts afresh there: an appended document). Plain tuples: this runs per
# candidate per reading, and a NamedTuple costs several times more to build.
Move = tuple[float, int, bool]
# The usual answer, built once. A style is open at most once, so depth < len(STYLES).
_FREE_AT: list[Move] = [(0.0, depth, False) for depth in range(len(STYLES) + 1)]


def move(stack: tuple[Level, ...], last: tuple[Last | None, ...], c: Candidate) -> Move | None:
    """How ``c`` would join the numbering state (open levels, last ordinal per style), if it can."""
    m = c.marker
    for depth, (style, ordinal, prefix) in enumerate(stack):
        if style != m.style:
            continue
        if prefix != m.prefix:  # 2.1 after 1.3: the prefix names a new parent
            return _FREE_AT[depth] if m.ordinal == 1 and not m.weak else None
        step = m.ordinal - ordinal
        if step == 1:
            return _FREE_AT[depth]
        if m.ordinal == 1 and not m.weak:
            return (RESTART, depth, False)
        if step >= 2:
            return (_gap(m.style, step), depth, False)
        return None
    if c.after_title and m.ordinal == 1 and m.style in ("chapter", "article") and stack:
        if stack[0][0] not in STRUCTURAL:
            # A decision that amends a regulation republishes it after its own items
            # (一、…二、… 本决定自公布之日起施行。 / 某某办法 / 第一条 …): its 第一条 stands at the top.
            return (0.0, 0, True)
    # A style not open: a new, deeper level, or a run that continues across parents.
    # 第N章 never goes under 第N条 (a regulation whose 第一章 heading is missing).
    rank = _RANK.get(m.style)
    depth = len(stack)
    if rank is not None:
        depth = next((d for d, lv in enumerate(stack) if _RANK.get(lv[0], -1) > rank), depth)
    if m.ordinal == 1 and not m.weak:
        return _FREE_AT[depth]
    costs = []
    prev = last[_SLOT[m.style]]
    if prev is not None and prev[1] == m.prefix and m.ordinal > prev[0]:
        step = m.ordinal - prev[0]
        cost = 0.0 if step == 1 else _gap(m.style, step)
        # Items restart in each article; only their own runs go on across chapters.
        costs.append(cost + (ACROSS_ARTICLES if stack and stack[-1][0] == "article" else 0.0))
    if not m.weak and m.ordinal <= MAX_GAP + 1:
        # The first of a run lost (malformed 一、 then 二、 三、): pay for each missing one.
        costs.append(LATE_OPEN + GAPS[m.style] * (m.ordinal - 1))
    return (min(costs), depth, False) if costs else None


def _gap(style: str, step: int) -> float:
    return GAPS[style] * min(step - 1, GAP_CAP)


def decode(candidates: list[Candidate]) -> dict[int, int]:
    """The heading level (1-based) of each candidate the best reading accepts, by block index."""
    straight = _straight(candidates)
    return straight if straight is not None else beam_search(candidates)


def beam_search(candidates: list[Candidate]) -> dict[int, int]:
    """decode() without its shortcut for cleanly numbered documents."""
    # A reading: (score, open levels, last ordinal per style, decisions as a linked list).
    beam: list[Reading] = [(0.0, (), _NO_LAST, None)]
    top = 0.0  # the best score in the beam
    for pos, c in enumerate(candidates):
        m = c.marker
        worth = WEIGHTS[m.style] - (WEAK if m.weak else 0.0)
        accepted: list[Reading] = []
        for score, stack, last, path in beam:
            mv = move(stack, last, c)
            if mv is None:
                continue
            penalty, depth, reset = mv
            new_stack, new_last = _joined(stack, last, m, depth, reset)
            accepted.append((score + worth - penalty, new_stack, new_last, (path, pos, depth + 1)))
        if accepted:
            beam, top = _prune(beam, top, accepted)  # every reading may also leave the candidate as text
    path = max(beam, key=_score)[3]
    levels: dict[int, int] = {}
    while path is not None:
        path, pos, depth = path
        levels[candidates[pos].index] = depth
    return levels


def _straight(candidates: list[Candidate]) -> dict[int, int] | None:
    """The levels if every candidate joins the numbering at no cost, else None.

    That reading scores the sum of all candidates' worths, the most any reading can
    (every worth is positive, penalties are not negative), and no other reading reaches
    it: it is the beam's answer, found in one pass (most documents are numbered cleanly).
    """
    stack: tuple[Level, ...] = ()
    last = _NO_LAST
    levels: dict[int, int] = {}
    for c in candidates:
        m = c.marker
        mv = move(stack, last, c)
        if mv is None or mv[0] > 0 or (m.weak and WEIGHTS[m.style] <= WEAK):
            return None
        _, depth, reset = mv
        stack, last = _joined(stack, last, m, depth, reset)
        levels[c.index] = depth + 1
    return levels


_NO_LAST: tuple[Last | None, ...] = (None,) * len(STYLES)


def _joined(
    stack: tuple[Level, ...], last: tuple[Last | None, ...], m: Marker, depth: int, reset: bool
) -> tuple[tuple[Level, ...], tuple[Last | None, ...]]:
    """The numbering state once ``m`` is accepted at ``depth`` (after a fresh start if ``reset``)."""
    if reset:
        stack, last = (), _NO_LAST
    slot = _SLOT[m.style]
    return (*stack[:depth], (m.style, m.ordinal, m.prefix)), (*last[:slot], (m.ordinal, m.prefix), *last[slot + 1 :])


def _score(r: Reading) -> float:
    return r[0]


def _prune(beam: list[Reading], top: float, accepted: list[Reading]) -> tuple[list[Reading], float]:
    """The readings worth keeping (merged by open levels, within MARGIN of the best, at most BEAM), and the best score.

    Readings with the same open levels differ only in where closed styles stopped; the
    better one is the likelier to have that right, so only it is kept, except for the
    article run, which goes on across chapters and is worth keeping apart.
    """
    # Key: (open levels, last article). Inlined rather than a function: this runs per candidate.
    readings = {(r[1], r[2][_ARTICLE]): r for r in beam}
    best = top
    for r in accepted:
        key = (r[1], r[2][_ARTICLE])
        old = readings.get(key)
        if old is None or r[0] > old[0]:
            readings[key] = r
            if r[0] > best:
                best = r[0]
    floor = best - MARGIN
    kept = [r for r in readings.values() if r[0] >= floor]
    if len(kept) > BEAM:
        kept.sort(key=_score, reverse=True)
        del kept[BEAM:]
    return kept, best
