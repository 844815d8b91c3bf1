"""Section roles: which heading names the guiding ideology, objectives, principles, tasks, safeguards.

One vocabulary table; a heading has a role when its title is one of these names
(at whatever level it appears: often （一）指导思想 under 一、总体要求). ``general``
(总体要求, the frame around ideology, principles and objectives) and ``supplementary``
(附则, contacts) carry no measures: the task view leaves them out.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice

from .model import Section
from .patterns import lazy

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
    "safeguards": (
        "保障措施",
        "实施保障",
        "组织实施",
        "组织保障",
        "保障机制",
        "工作保障",
        "强化保障措施",
        "加强组织领导",
        "强化组织实施",
        "组织领导",
        "政策保障",
    ),
    "general": (
        "总体要求",
        "总体思路",
        "总体考虑",
        "总的要求",
        "指导思想和基本原则",
        "指导思想和主要目标",
        "总体要求和目标任务",
        "总体要求和主要目标",
        "总体要求与主要目标",
    ),
    "supplementary": ("附则", "联系方式", "联系人及联系方式", "联系人", "其他事项", "其他", "有关事项"),
}
# A document made of at least this many articles (第N条) is a regulation: it has articles, not tasks.
MIN_ARTICLES = 3
_LOOKUP = {name: role for role, names in ROLE_NAMES.items() for name in names}
_TRIM = lazy(r"[。：:；\s]+$")


def role_of(title: str) -> str | None:
    """The role a heading names, e.g. ``指导思想`` → ``guiding_ideology``."""
    return _LOOKUP.get(_TRIM.sub("", title))


def is_regulation(sections: Iterable[Section]) -> bool:
    """A document made of articles (条例, 办法, 规定): it sets rules, it lists no tasks and commits to no targets."""
    articles = (s for top in sections for s in top.walk() if s.style == "article")
    return next(islice(articles, MIN_ARTICLES - 1, None), None) is not None  # stops at the MIN_ARTICLES-th


def assign(sections: Iterable[Section]) -> None:
    """Set ``role`` on every section whose heading names one, in place."""
    for top in sections:
        for section in top.walk():
            role = role_of(section.title)
            if role != section.role:  # most headings name no role: no assignment through pydantic
                section.role = role
