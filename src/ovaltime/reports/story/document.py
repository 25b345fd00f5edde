"""A written report as plain values, and its two renderings: Markdown and HTML.

A report is a title, an optional line under it, and sections; a section has a heading and
paragraphs; a paragraph is a list of sentences. Each sentence keeps its ``kind`` (``winner``,
``pace``, ``record`` ...), so tests and readers can tell which rule produced it. Rendering only
lays the text out: every word was chosen before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from markupsafe import escape

__all__ = ["Paragraph", "Report", "Section", "Sentence", "render"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence and the rule that produced it."""

    kind: str
    text: str

    def __post_init__(self) -> None:
        # A sentence may open with a name that starts in lower case ("de Boo was second").
        object.__setattr__(self, "text", self.text[:1].upper() + self.text[1:])


@dataclass(frozen=True, slots=True)
class Paragraph:
    sentences: tuple[Sentence, ...]

    @property
    def text(self) -> str:
        return " ".join(sentence.text for sentence in self.sentences)


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True, slots=True)
class Report:
    title: str
    subtitle: str = ""
    sections: tuple[Section, ...] = field(default=())

    def sentences(self, kind: str | None = None) -> list[Sentence]:
        """Every sentence, in order; only those of ``kind`` when given."""
        return [
            sentence
            for section in self.sections
            for paragraph in section.paragraphs
            for sentence in paragraph.sentences
            if kind is None or sentence.kind == kind
        ]


def paragraph(sentences: Sequence[Sentence | None]) -> Paragraph | None:
    """A paragraph of the sentences that were told (``None`` for a rule with nothing to say);
    ``None`` when none was."""
    told = tuple(s for s in sentences if s is not None)
    return Paragraph(told) if told else None


def render(report: Report, fmt: str) -> str:
    """``md`` (Markdown) or ``html`` (a fragment: an ``<article>``)."""
    if fmt == "md":
        return _markdown(report)
    if fmt == "html":
        return _html(report)
    raise ValueError(f"unknown report format {fmt!r}: md or html")


def _markdown(report: Report) -> str:
    lines = [f"# {report.title}", ""]
    if report.subtitle:
        lines += [f"*{report.subtitle}*", ""]
    for section in report.sections:
        lines += [f"## {section.heading}", ""]
        for para in section.paragraphs:
            lines += [para.text, ""]
    return "\n".join(lines).rstrip() + "\n"


def _html(report: Report) -> str:
    parts = ['<article class="report">', f"<h1>{escape(report.title)}</h1>"]
    if report.subtitle:
        parts.append(f'<p class="subtitle">{escape(report.subtitle)}</p>')
    for section in report.sections:
        parts.append(f"<section><h2>{escape(section.heading)}</h2>")
        for para in section.paragraphs:
            parts.append(f"<p>{escape(para.text)}</p>")
        parts.append("</section>")
    parts.append("</article>")
    return "\n".join(parts) + "\n"
