"""Guidance text in a guide file: paragraphs split by blank lines, lines starting "- " as lists."""

from dataclasses import dataclass

BULLETS = ("- ", "· ", "• ")


@dataclass(frozen=True, slots=True)
class TextBlock:
    """A paragraph (one line of text) or a bulleted list (several lines)."""

    is_list: bool
    lines: tuple[str, ...]


def text_blocks(text: str) -> tuple[TextBlock, ...]:
    """Split guidance into paragraphs and bulleted lists, in order, for a page to show."""
    blocks: list[TextBlock] = []
    for chunk in text.split("\n\n"):
        paragraph: list[str] = []
        bullets: list[str] = []
        for line in (line.strip() for line in chunk.splitlines()):
            if line.startswith(BULLETS):
                _flush(blocks, paragraph, is_list=False)
                bullets.append(line[2:].strip())
            elif line:
                _flush(blocks, bullets, is_list=True)
                paragraph.append(line)
        _flush(blocks, paragraph, is_list=False)
        _flush(blocks, bullets, is_list=True)
    return tuple(blocks)


def _flush(blocks: list[TextBlock], lines: list[str], *, is_list: bool) -> None:
    if not lines:
        return
    blocks.append(TextBlock(is_list, tuple(lines) if is_list else (" ".join(lines),)))
    lines.clear()
