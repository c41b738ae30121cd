"""The terminal console: rich, with NO_COLOR honoured (rich does that), and a plain mode for
screen readers that leaves out rules and box-drawing around tables."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Console

if TYPE_CHECKING:
    from rich.align import AlignMethod
    from rich.style import Style
    from rich.text import TextType


class PlainConsole(Console):
    """Rules become their title on a line of its own (or an empty line); tables lose their box."""

    def rule(
        self,
        title: TextType = "",
        *,
        characters: str = "─",
        style: str | Style = "rule.line",
        align: AlignMethod = "center",
    ) -> None:
        if title:
            self.print(title)
        else:
            self.print()

    def print(self, *objects: Any, **kwargs: Any) -> None:  # rich's own: anything it can render
        from rich.table import Table

        for item in objects:
            if isinstance(item, Table):
                item.box = None
                item.show_edge = False
        super().print(*objects, **kwargs)


def make_console(plain: bool = False) -> Console:
    # emoji=False: text is shown as typed (":smile:" stays ":smile:", as in the record), and rich's
    # table of 4,000 emoji codes is not loaded before the first question (issue 15)
    return PlainConsole(emoji=False) if plain else Console(emoji=False)
