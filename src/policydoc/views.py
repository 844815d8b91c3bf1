"""What users ask for, computed from the section tree and its roles.

Kept apart from ``model.py`` so the contract stays declarative; the model exposes
these as computed fields.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .model import Item, Section, Task
from .structure import first_full_stop


def with_role(sections: Iterable[Section], role: str) -> Iterator[Section]:
    """Outermost sections with ``role`` (a role inside a section of the same role is not repeated)."""
    for section in sections:
        if section.role == role:
            yield section
        else:
            yield from with_role(section.children, role)


def full_text(section: Section) -> str:
    """A section's text and its children's, as paragraphs (headings kept with their markers)."""
    parts = [section.text] if section.text else []
    for child in section.children:
        head = f"{child.marker}{child.title}"
        body = full_text(child)
        parts.append(f"{head}。{body}" if head and body and not child.title.endswith("。") else head + body)
    parts.append(section.tail)
    return "\n".join(p for p in parts if p)


def guiding_ideology(sections: list[Section]) -> str | None:
    found = [full_text(s) for s in with_role(sections, "guiding_ideology")]
    return "\n".join(found) if found else None


def objectives(sections: list[Section]) -> list[str]:
    return [p for s in with_role(sections, "objectives") for p in full_text(s).split("\n") if p]


def items(sections: list[Section], role: str) -> list[Item]:
    """Children of the role's sections, or its ``——名称。……`` dash items when it has none."""
    out: list[Item] = []
    for section in with_role(sections, role):
        if section.children:
            out += [Item(marker=c.marker, title=c.title, text=full_text(c)) for c in section.children]
            continue
        for para in section.text.split("\n"):
            if para.startswith("——"):
                body = para.lstrip("—")
                cut = first_full_stop(body)
                title, text = (body, "") if cut is None else (body[:cut], body[cut + 1 :])
                out.append(Item(marker="——", title=title.strip(), text=text.strip()))
    return out


def tasks(sections: list[Section]) -> list[Task]:
    """The numbered leaf items under the tasks section(s), each with the group it belongs to."""
    out: list[Task] = []
    for section in with_role(sections, "tasks"):
        for group in section.children:
            if group.children:
                for leaf in _leaves(group):
                    out.append(Task(marker=leaf.marker, title=leaf.title, text=leaf.text, group=group.title))
            else:
                out.append(Task(marker=group.marker, title=group.title, text=group.text, group=None))
    return out


def _leaves(section: Section) -> Iterator[Section]:
    if not section.children:
        yield section
    for child in section.children:
        yield from _leaves(child)
