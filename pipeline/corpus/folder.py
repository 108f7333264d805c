"""A folder of .txt articles (recursive) with an optional manifest.csv of metadata, read into `Article`s. Only what
lies inside the folder is read: a symbolic link is followed when its target is inside (or with follow_links), and
a link that is not, a dangling link, a FIFO or a device named .txt is a `skipped` article saying why."""
from __future__ import annotations

import logging
import os
import stat
from dataclasses import replace
from pathlib import Path
from typing import Iterator

from pipeline.corpus.article import Article, parse_iso_date, unique_ids
from pipeline.corpus.decoding import Undecodable, decode
from pipeline.corpus.manifest import NAME, read_manifest

log = logging.getLogger(__name__)

SUFFIX = ".txt"
KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
         (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _problem(path: Path, root: str, follow_links: bool) -> str:
    """Why the entry at `path` is not read as an article ('' when it is a regular file we may read)."""
    if path.is_symlink():
        target = os.path.realpath(path)
        if not os.path.exists(target):
            return "dangling symbolic link (its target does not exist)"
        if not follow_links and not _inside(target, root):
            return "symbolic link to a file outside the input folder; not read (--follow-links reads it)"
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return f"cannot read ({exc.strerror or exc})"
    kind = next((name for test, name in KINDS if test(mode)), "")
    return f"not a regular file ({kind})" if kind else ""


def walk(folder: Path, follow_links: bool = False) -> list[tuple[Path, str]]:
    """(path, problem) of every *.txt entry under `folder`, in sorted path order; folders reached through a link
    are entered only with follow_links (each real folder once)."""
    root = os.path.realpath(folder)
    found, seen = [], {root}
    stack = [Path(folder)]
    while stack:
        current = stack.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as exc:
            log.warning("%s: cannot list the folder (%s); skipped", current, exc.strerror or exc)
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.is_dir(follow_symlinks=False):
                stack.append(path)
            elif entry.is_symlink() and os.path.isdir(path):
                _linked_folder(path, root, follow_links, seen, stack)
            elif entry.name.endswith(SUFFIX):
                found.append((path, _problem(path, root, follow_links)))
    return sorted(found)


def _linked_folder(path: Path, root: str, follow_links: bool, seen: set, stack: list) -> None:
    target = os.path.realpath(path)
    if follow_links and target not in seen:
        seen.add(target)
        stack.append(path)
    elif not follow_links:
        where = "inside (its files are read where they are)" if _inside(target, root) else "outside the input folder"
        log.warning("%s: symbolic link to a folder %s; not entered (--follow-links enters it)", path, where)


def read_text_file(path: Path) -> tuple[str, str]:
    """Decoded text and the encoding used (see decoding.decode); raises Undecodable or OSError."""
    return decode(path.read_bytes())


def read_article_file(path: Path, doc_id: str, meta: dict[str, str], problem: str = "") -> Article:
    """One article file as an Article (status skipped or error with the reason when it cannot be read)."""
    status, error, text, encoding = ("skipped", f"{path.name}: {problem}", "", "") if problem else ("ok", "", "", "")
    if not problem:
        try:
            text, encoding = read_text_file(path)
        except Undecodable as exc:
            status, error = "skipped", f"{path.name}: {exc}"
        except OSError as exc:
            status, error = "error", f"{path.name}: cannot read ({exc.strerror or exc})"
    notes = [meta["_note"]] if meta.get("_note") else []
    if encoding and encoding not in ("utf-8", "utf-8-sig"):
        notes.append(f"decoded as {encoding}")
    return Article(
        doc_id=doc_id, text=text, path=str(path), encoding=encoding, status=status, error=error,
        title=(meta.get("title") or "").strip(), source=(meta.get("source") or "").strip(), notes="; ".join(notes),
        url=(meta.get("url") or "").strip(), published=parse_iso_date(meta.get("published") or ""),
    )


def iter_folder(folder: Path, follow_links: bool = False) -> Iterator[Article]:
    """Articles of a folder (recursively), in sorted path order, with manifest metadata."""
    entries = walk(folder, follow_links)
    manifest_path = folder / NAME
    inside = follow_links or not manifest_path.is_symlink() or _inside(os.path.realpath(manifest_path), os.path.realpath(folder))
    manifest = read_manifest(folder, inside=inside)
    matched = [manifest.match(path.relative_to(folder).as_posix()) for path, _ in entries]
    manifest.report_unused()
    for (path, problem), (named, meta), (_, doc_id) in zip(entries, matched, unique_ids(m[0] for m in matched)):
        article = read_article_file(path, doc_id, meta if named == doc_id else {}, problem)
        if named != doc_id:
            log.warning("%s: duplicate doc_id %r kept as %r", path, named, doc_id)
            article = replace(article, notes="; ".join(filter(None, [article.notes, f"duplicate doc_id {named!r} renamed"])))
        yield article
