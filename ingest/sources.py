"""Reading inputs: files, folders and JSONL record files become documents to extract from.
Anything unreadable becomes an InputError that names the input and the reason."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024  # larger files are not news articles
UNSUPPORTED_SUFFIXES = {".html", ".htm", ".xml"}
RECORD_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass(frozen=True)
class Document:
    text: str
    source: str  # path, URL or "file.jsonl#id"
    record_id: str | None = None
    language: str | None = None
    date: str | None = None
    url: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class InputError:
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def read_text_file(path: Path) -> str:
    """The text of a file, or ValueError saying why it is not an article."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ValueError(f"too large ({size / 1_048_576:.0f} MB; the limit is "
                         f"{MAX_BYTES // 1_048_576} MB)")
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise ValueError("binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text (invalid byte at offset {exc.start})") from None
    if not text.strip():
        raise ValueError("empty file")
    return text


def iter_files(paths: Iterable[Path], glob: str = "**/*") -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.glob(glob) if p.is_file() and
                              not any(part.startswith(".") for part in p.relative_to(path).parts))
        else:
            yield path


def read_documents(paths: Iterable[Path], glob: str = "**/*") -> Iterator[Document | InputError]:
    for path in iter_files(paths, glob):
        source = str(path)
        if not path.exists():
            yield InputError(source, "no such file or folder")
            continue
        suffix = path.suffix.lower()
        try:
            if suffix in RECORD_SUFFIXES:
                yield from read_records(path)
            elif suffix in UNSUPPORTED_SUFFIXES:
                yield InputError(source, f"{suffix} files are not supported yet")
            else:
                # Any other file is tried as plain text; binary files are refused by content.
                yield Document(read_text_file(path), source)
        except (OSError, ValueError) as exc:
            yield InputError(source, str(exc))


def read_records(path: Path) -> Iterator[Document | InputError]:
    """JSONL records {"id", "text", "url"?, "date"?, "lang"?, "title"?}, one per line."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield InputError(where, f"invalid JSON ({exc.msg})")
                continue
            if not isinstance(record, dict) or not str(record.get("text") or "").strip():
                yield InputError(where, 'record has no "text"')
                continue
            rid = str(record["id"]) if record.get("id") is not None else None
            yield Document(
                text=record["text"], source=f"{path}#{rid}" if rid else where, record_id=rid,
                language=record.get("lang"), date=record.get("date"), url=record.get("url"),
                title=record.get("title"),
            )
