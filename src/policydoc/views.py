"""What users ask for, computed from the section tree and its roles.

Kept apart from ``model.py`` so the model stays the bottom layer: ``api.assemble``
stores ``of(sections)`` in the document's view fields.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from .model import Annex, Item, Section, Task
from .roles import is_regulation
from .text import first_full_stop


def of(sections: list[Section]) -> dict[str, Any]:
    """Every view of a section tree, keyed by its field name in ``PolicyDocument``."""
    if not sections:  # no tree (a short notice): what each view below gives for none, without the walks
        return {"guiding_ideology": None, "objectives": [], "principles": [], "tasks": [], "safeguards": []}
    by_role = outermost(sections)  # one walk of the tree for every view
    return {
        "guiding_ideology": guiding_ideology(sections, by_role),
        "objectives": objectives(sections, by_role),
        "principles": items(sections, "principles", by_role),
        "tasks": tasks(sections),
        "safeguards": items(sections, "safeguards", by_role),
    }


def with_role(sections: Iterable[Section], role: str) -> Iterator[Section]:
    """Outermost sections with ``role`` (a role inside a section of the same role is not repeated)."""
    for section in sections:
        if section.role == role:
            yield section
        else:
            yield from with_role(section.children, role)


ByRole = Mapping[str | None, list[Section]]


def outermost(sections: list[Section]) -> ByRole:
    """``with_role`` for every role at once, in one walk: a section is its role's outermost
    when no section above it has that role."""
    found: dict[str | None, list[Section]] = {}

    def visit(sections: list[Section], above: tuple[str | None, ...]) -> None:
        for section in sections:
            if section.role not in above:
                found.setdefault(section.role, []).append(section)
            if section.children:
                visit(section.children, (*above, section.role))

    visit(sections, ())
    return found


def _with_role(sections: list[Section], role: str, by_role: ByRole | None) -> Iterable[Section]:
    return with_role(sections, role) if by_role is None else by_role.get(role, ())


def full_text(section: Section) -> str:
    """A section's text and its children's, as paragraphs (headings kept with their markers)."""
    parts = [section.text] if section.text else []
    for child in section.children:
        head = f"{child.marker}{child.title}"
        body = full_text(child)
        parts.append(f"{head}。{body}" if head and body and not child.title.endswith("。") else head + body)
    parts.append(section.tail)
    return "\n".join(p for p in parts if p)


def guiding_ideology(sections: list[Section], by_role: ByRole | None = None) -> str | None:
    found = [full_text(s) for s in _with_role(sections, "guiding_ideology", by_role)]
    return "\n".join(found) if found else None


def objectives(sections: list[Section], by_role: ByRole | None = None) -> list[str]:
    return [p for s in _with_role(sections, "objectives", by_role) for p in full_text(s).split("\n") if p]


def items(sections: list[Section], role: str, by_role: ByRole | None = None) -> list[Item]:
    """Children of the role's sections, or the items of their text when they have none.

    Unnumbered items are ``——名称。……`` lines and paragraphs that open with a short
    name (``前瞻部署、梯次培育。……``). Principles with no section of their own are the
    ``坚持……`` paragraphs of the 总体要求 section.
    """
    out: list[Item] = []
    for section in _with_role(sections, role, by_role):
        if section.children:
            out += [Item(marker=c.marker, title=c.title, text=full_text(c)) for c in section.children]
        else:
            out += _text_items(section.text, dash_only=role != "principles")
    if not out and role == "principles":
        for section in _with_role(sections, "general", by_role):
            out += [i for i in _text_items(section.text, dash_only=False) if i.title.startswith("坚持")]
    return out


MAX_ITEM_TITLE = 30  # a longer opening sentence is prose, not the name of an item


def _text_items(text: str, *, dash_only: bool) -> list[Item]:
    out: list[Item] = []
    for para in text.split("\n"):
        dashed = para.startswith("——")
        if dash_only and not dashed:
            continue
        body = para.lstrip("—").strip()
        sentences = [s for s in body.split("。") if s]
        several = len(sentences) > 1 and all(s.startswith("坚持") for s in sentences)
        if not dashed and several and "，" in sentences[0]:
            # 坚持A，……。坚持B，……。: one paragraph that states several principles (not 坚持A。坚持……)
            for sentence in sentences:
                title, _, rest = sentence.partition("，")
                out.append(Item(marker="", title=title, text=rest))
            continue
        cut = first_full_stop(body)
        title, rest = (body, "") if cut is None else (body[:cut], body[cut + 1 :])
        if not dashed and (cut is None or len(title) > MAX_ITEM_TITLE):
            continue
        out.append(Item(marker="——" if dashed else "", title=title.strip(), text=rest.strip()))
    return out


# Sections that frame a document or close it carry no measures.
NOT_TASKS = frozenset(("guiding_ideology", "objectives", "principles", "safeguards", "general", "supplementary"))


def tasks(sections: list[Section]) -> list[Task]:
    """The numbered sections that carry the document's measures, each with the heading above it.

    Every section outside the frame (ideology, objectives, principles, safeguards, 总体要求,
    附则) counts, down to its leaves: ``1.``–``20.`` under their groups, or ``（一）``–``（二十）``
    when they have no items below. A regulation (made of articles) has no tasks.
    """
    if is_regulation(sections):
        return []
    out: list[Task] = []
    for section in sections:
        out += _tasks(section, None)
    return out


def _tasks(section: Section, group: str | None) -> list[Task]:
    if section.role in NOT_TASKS:
        return []
    if not section.children:
        return [Task(marker=section.marker, title=section.title, text=section.text, group=group)]
    out: list[Task] = []
    for child in section.children:
        out += _tasks(child, section.title)
    return out


def paragraphs(
    sections: list[Section], preamble: str, annexes: list[Annex], cover: str = ""
) -> Iterator[tuple[str, str | None]]:
    """Every paragraph of the official text in reading order, with where it sits: the markers
    and titles from the top (``四、主要任务 > （一）…``), the annex label, or None before the body."""
    out: list[tuple[str, str | None]] = []
    for block in (cover, preamble):
        out += [(para, None) for para in block.split("\n") if para]
    _section_paragraphs(sections, None, out)
    for annex in annexes:
        label = annex.label + (f" {annex.title}" if annex.title else "")
        out += [(para, label) for para in annex.preamble.split("\n") if para]
        _section_paragraphs(annex.sections, label, out)
    return iter(out)


def _section_paragraphs(sections: list[Section], path: str | None, out: list[tuple[str, str | None]]) -> None:
    # Appends to one list: a generator per level re-yielded every paragraph through each level above.
    # ``path``: where the parent sits, None at the top (an empty marker and title still counts as a level).
    append = out.append
    for s in sections:
        title, text = s.title, s.text
        where = f"{s.marker}{title}" if path is None else f"{path} > {s.marker}{title}"
        if title:
            append((title, where))
        if text:
            if "\n" in text:
                out += [(para, where) for para in text.split("\n") if para]
            else:  # one paragraph (most sections): no list made to split it
                append((text, where))
        if s.children:
            _section_paragraphs(s.children, where, out)
        if s.tail:
            out += [(para, where) for para in s.tail.split("\n") if para]
