"""Provenance checks against archived sources: ``briefing check --archive DIR``.

After ``check`` has validated the briefing, this stage reads the archived text of each
cited source (``DIR/<source-id>.txt``, ``.md`` or ``.html``) and

* confirms that every citation's ``quote`` occurs in it. The comparison forgives only
  what copying between a web page and a YAML file changes: runs of whitespace (and
  spaces around dashes), curly versus straight quotation marks, and dash variants.
  Case, spelling, punctuation and elisions must match. A quote that is not found is an
  error at the quote's line, with the closest passage of the source as the hint;
* warns when a ``claim`` or a topic's ``summary`` shares a run of
  :data:`SHARED_RUN_WORDS` or more words with the sources it rests on: claims are in
  the project's own words, and copied words belong in a ``quote``.

Everything is reported as located :class:`~generator.errors.Problem` objects; the
archive is only read, never written.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from markdown_it import MarkdownIt

from generator.briefing import Briefing
from generator.errors import Problem, Severity
from generator.inline import plain_text
from generator.load import DataPath, LoadedFile
from generator.vocabulary import plural

ARCHIVE_SUFFIXES = (".txt", ".md", ".html")
SHARED_RUN_WORDS = 12
PASSAGE_CHARS = 300

_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_TRANSLATE = str.maketrans({**dict.fromkeys(_SINGLE_QUOTES, "'"), **dict.fromkeys(_DOUBLE_QUOTES, '"'),
                            **dict.fromkeys(_DASHES, "-")})
_TOKEN = re.compile(r"\S+")
_SPACED_DASH = re.compile(r" ?- ?")
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")


def normalise(text: str) -> str:
    """The form quotes are compared in: curly quotes straight, dashes as ``-``, each run
    of whitespace as one space, no space around a dash. Nothing else changes."""
    folded = " ".join(_TOKEN.findall(text.translate(_TRANSLATE)))
    return _SPACED_DASH.sub("-", folded)


# -- reading the archive --------------------------------------------------------------

_SKIPPED = frozenset({"script", "style", "noscript", "template", "head"})
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "p", "pre", "section", "table", "td", "th", "title", "tr", "ul",
})


class _TextExtractor(HTMLParser):
    """The words a reader sees in an HTML page: no scripts or styles, blocks apart."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":  # `</head>` may be left out: the body ends the head
            self.skipping = [t for t in self.skipping if t != "head"]
        if tag in _SKIPPED:
            self.skipping.append(tag)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping and tag == self.skipping[-1]:
            self.skipping.pop()
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_text(html: str) -> str:
    """The visible text of an HTML document (stdlib ``html.parser``)."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def markdown_text(text: str) -> str:
    """The visible text of a Markdown document (rendered with CommonMark, then read as HTML)."""
    return html_text(MarkdownIt("commonmark").render(text))


def archive_file(archive: Path, source_id: str) -> Path | None:
    """The archived copy of a source, if the archive holds one."""
    for suffix in ARCHIVE_SUFFIXES:
        path = archive / f"{source_id}{suffix}"
        if path.is_file():
            return path
    return None


def read_archive(path: Path) -> str:
    """The text of an archived source, by its kind (``.txt`` as it is)."""
    raw = path.read_bytes().decode("utf-8-sig", errors="replace")
    if path.suffix == ".html":
        return html_text(raw)
    if path.suffix == ".md":
        return markdown_text(raw)
    return raw


# -- comparing ------------------------------------------------------------------------

def quote_found(quote: str, text: str) -> bool:
    """Whether ``quote`` occurs in ``text`` (both as :func:`normalise` reads them)."""
    wanted = normalise(quote)
    return bool(wanted) and wanted in normalise(text)


#: how a problem is reported: (file, data path, severity, message, hint, kind)
_Report = Callable[[LoadedFile, DataPath, Severity, str, str, str], None]


def closest_passage(quote: str, text: str) -> str:
    """The run of the source's words most like the quote (difflib over word windows)."""
    words = _TOKEN.findall(text)
    if not words:
        return ""
    size = max(1, len(_TOKEN.findall(quote)))
    wanted = normalise(quote)
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted)
    best, best_score = (0, min(size, len(words))), -1.0
    for start in range(max(1, len(words) - size + 1)):
        window = (start, min(start + size, len(words)))
        matcher.set_seq1(normalise(" ".join(words[window[0]:window[1]])))
        if matcher.real_quick_ratio() <= best_score or matcher.quick_ratio() <= best_score:
            continue
        score = matcher.ratio()
        if score > best_score:
            best, best_score = window, score
    passage = " ".join(words[best[0]:best[1]])
    return passage if len(passage) <= PASSAGE_CHARS else passage[: PASSAGE_CHARS - 1] + "…"


def _words(text: str) -> list[str]:
    return [w.replace("\u2019", "'") for w in _WORD.findall(normalise(text).lower())]


def shared_run(text: str, source: str, length: int = SHARED_RUN_WORDS) -> list[str]:
    """The longest run of at least ``length`` words that ``text`` shares with ``source``
    (case, punctuation and whitespace ignored), or ``[]``."""
    mine, theirs = _words(text), _words(source)
    if len(mine) < length or len(theirs) < length:
        return []
    grams = {tuple(theirs[i:i + length]) for i in range(len(theirs) - length + 1)}
    joined = f" {' '.join(theirs)} "
    best: list[str] = []
    start = 0
    while start <= len(mine) - length:
        if tuple(mine[start:start + length]) not in grams:
            start += 1
            continue
        end = start + length
        while end < len(mine) and f" {' '.join(mine[start:end + 1])} " in joined:
            end += 1
        if end - start > len(best):
            best = mine[start:end]
        start = end
    return best


# -- the check ------------------------------------------------------------------------

@dataclass
class ArchiveReport:
    """What the archive check did, and every problem it found."""

    verified: int = 0
    not_found: int = 0
    unchecked: int = 0
    problems: list[Problem] = field(default_factory=list)

    def summary(self) -> str:
        return (f"quotes: {self.verified} verified, {self.not_found} not found in their source, "
                f"{self.unchecked} not checked (no archived text)")


@dataclass(frozen=True)
class ArchivedText:
    """One source's archived copy: where it is, its text, and that text normalised."""

    path: Path
    text: str
    normalised: str


class _Archive:
    """Archived texts, read once each."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.texts: dict[str, ArchivedText | None] = {}

    def get(self, source_id: str) -> ArchivedText | None:
        if source_id not in self.texts:
            path = archive_file(self.folder, source_id)
            text = read_archive(path) if path else ""
            self.texts[source_id] = ArchivedText(path, text, normalise(text)) if path else None
        return self.texts[source_id]


def check_archive(briefing: Briefing, topic_files: dict[str, LoadedFile], archive: Path) -> ArchiveReport:
    """Verify every quote against the archive and look for claims copied from sources."""
    report = ArchiveReport()
    texts = _Archive(archive)

    def problem(loaded: LoadedFile, at: DataPath, severity: Severity, message: str, hint: str, kind: str) -> None:
        line, column = loaded.position(at)
        report.problems.append(Problem(loaded.display, line, column, severity, message, hint, field=at, kind=kind))

    if not any(archive_file(archive, source_id) for source_id in briefing.sources):
        names = sorted(path.name for path in archive.iterdir())[:3] if archive.is_dir() else []
        report.problems.append(Problem(
            str(archive), 1, 1, Severity.ERROR, "no file in the archive folder matches a source" + (
                f" (it holds {', '.join(names)}…)" if names else " (it is empty)"),
            "name each archived text after its source's id: <source-id>.txt, .md or .html "
            f"(e.g. {next(iter(sorted(briefing.sources)), 'my-source')}.txt)", kind="archive matches nothing"))
        report.unchecked = sum(1 for topic in briefing.topics.values() for f in topic.facts for c in f.cites
                               if c.quote)
        return report

    #: source without archived text -> where its first quote is; and how many quotes it has
    missing: dict[str, tuple[LoadedFile, DataPath]] = {}
    unverified: Counter[str] = Counter()
    for topic_id, topic in briefing.topics.items():
        loaded = topic_files[topic_id]
        for f_index, fact in enumerate(topic.facts):
            at: DataPath = ("facts", f_index)
            for c_index, cite in enumerate(fact.cites):
                if cite.quote is None:
                    continue
                found = texts.get(cite.source)
                if found is None:
                    report.unchecked += 1
                    missing.setdefault(cite.source, (loaded, (*at, "cites", c_index, "quote")))
                    unverified[cite.source] += 1
                    continue
                if normalise(cite.quote) in found.normalised:
                    report.verified += 1
                    continue
                report.not_found += 1
                passage = closest_passage(cite.quote, found.text)
                problem(loaded, (*at, "cites", c_index, "quote"), Severity.ERROR,
                        f"quote not found in the archived text of '{cite.source}' ({found.path.name})",
                        f"the closest passage is “{passage}”; copy the quote exactly "
                        "(only whitespace, curly quotes and dashes may differ)", "quote not found")
            cited = fact.sources
            _own_words(problem, loaded, (*at, "claim"), "claim", fact.claim, cited, texts)
        topic_sources = list(dict.fromkeys(source for f in topic.facts for source in f.sources))
        _own_words(problem, loaded, ("summary",), "summary", topic.summary, topic_sources, texts)
    for source_id, (loaded, at) in missing.items():  # one line per source, at its first quote
        quotes = plural(unverified[source_id], "quote")
        problem(loaded, at, Severity.WARNING, f"{quotes} from '{source_id}' not verified: no archived text",
                f"save the source's text as {archive}/{source_id}.txt (or .md, .html); see CONTRIBUTING.md, "
                "\"Archived texts\"", "no archived text")
    return report


def _own_words(problem: _Report, loaded: LoadedFile, at: DataPath, what: str, text: str,
               sources: Iterable[str], texts: _Archive) -> None:
    words = plain_text(text)
    for source_id in sources:
        found = texts.get(source_id)
        if found is None:
            continue
        run = shared_run(words, found.text)
        if run:
            problem(loaded, at, Severity.WARNING,
                    f"{what} shares {len(run)} words in a row with '{source_id}': “{' '.join(run)}”",
                    f"write the {what} in the project's own words; put copied words in a citation's `quote`",
                    "not in own words")
            return
