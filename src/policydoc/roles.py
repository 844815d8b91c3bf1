"""Section roles: which heading names the guiding ideology, objectives, principles, tasks, safeguards.

One vocabulary table; a heading has a role when its title is one of these names
(at whatever level it appears: often （一）指导思想 under 一、总体要求).
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from .model import Section

ROLE_NAMES: dict[str, tuple[str, ...]] = {
    "guiding_ideology": ("指导思想",),
    "objectives": (
        "目标任务",
        "主要目标",
        "总体目标",
        "发展目标",
        "工作目标",
        "改革目标",
        "目标要求",
        "行动目标",
        "主要目标任务",
        "工作任务和目标",
    ),
    "principles": ("基本原则", "工作原则", "主要原则", "原则要求"),
    "tasks": ("主要任务", "重点任务", "重点工作", "主要举措", "重点举措", "工作任务", "主要措施"),
    "safeguards": ("保障措施", "实施保障", "组织实施", "组织保障", "保障机制", "工作保障"),
}
_LOOKUP = {name: role for role, names in ROLE_NAMES.items() for name in names}
_TRIM = regex.compile(r"[。：:；\s]+$")


def role_of(title: str) -> str | None:
    """The role a heading names, e.g. ``指导思想`` → ``guiding_ideology``."""
    return _LOOKUP.get(_TRIM.sub("", title))


def assign(sections: Iterable[Section]) -> None:
    """Set ``role`` on every section whose heading names one, in place."""
    for top in sections:
        for section in top.walk():
            section.role = role_of(section.title)
