"""The official SDK's helpers for showing an agent's progress, under its names.

``display_progress(entry)`` prints one streamed entry and its tool calls;
``format_progress_entry`` gives the text of an entry; ``ProgressTracker`` remembers what was
shown, so that reading a run again and again prints only what is new (``invoke`` with
``show_progress=True`` prints through one).
"""

from __future__ import annotations

# Read by mypy only: importing `typing` would cost every program that imports the package.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, Iterable, List, Optional, Set

    from .models import ProgressEntry


def _tool_text(call: Dict[str, Any], indent: str = "\t") -> str:
    """One tool call's line: ``→ name(key='value', n=1)``, or the bare name without
    arguments (the client's progress printing uses it too)."""
    name = call.get("name", "unknown")
    args = call.get("args") or {}
    shown = ", ".join(f"{key}={value!r}" for key, value in args.items())
    return f"{indent}→ {name}" + (f"({shown})" if shown else "")


def _tool_key(call: Dict[str, Any]) -> str:
    return f"{call.get('name', 'unknown')}:{call.get('args') or {}}"


def format_progress_entry(state: str, message: str,
                          tool_calls: Optional[Iterable[Dict[str, Any]]] = None) -> str:
    """``STATE: message``, then one indented line per tool call."""
    lines = [f"{state.upper()}: {message}"]
    lines.extend(_tool_text(call) for call in tool_calls or ())
    return "\n".join(lines)


def display_progress(update: ProgressEntry, indent: str = "\t") -> None:
    """Prints a streamed entry (``STATE - message``) and its tool calls; an entry of state
    ``tool_update`` (new tool calls of an earlier message) prints its tool calls alone."""
    if update.state != "tool_update":
        print(f"{update.state.upper()} - {update.message}")
    for call in update.tool_calls or ():
        print(_tool_text(call, indent))


class ProgressTracker:
    """Remembers the messages and tool calls already shown, so that each is shown once."""

    def __init__(self) -> None:
        self.seen_messages: Set[str] = set()
        self.message_tool_calls: Dict[str, Set[str]] = {}

    def format_new_entries(self, state: str, message: str,
                           tool_calls: Optional[Iterable[Dict[str, Any]]] = None
                           ) -> Optional[str]:
        """The lines of this entry not shown yet (the message when new, then its new tool
        calls), or None when there is nothing new."""
        key = f"{state}:{message}"
        lines: List[str] = []
        if key not in self.seen_messages:
            self.seen_messages.add(key)
            self.message_tool_calls[key] = set()
            lines.append(f"{state.upper()}: {message}")
        shown = self.message_tool_calls.get(key)
        for call in tool_calls or ():
            tool = _tool_key(call)
            if shown is not None and tool not in shown:
                shown.add(tool)
                lines.append(_tool_text(call))
        return "\n".join(lines) if lines else None


__all__ = ["ProgressTracker", "display_progress", "format_progress_entry"]
