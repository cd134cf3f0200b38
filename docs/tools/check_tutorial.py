#!/usr/bin/env python3
"""Checks that the tutorial shows real code and real output.

A chapter marks each C++ code block with the file it shows, and each output block with the
program that prints it:

    <!-- source: docs/tutorial/snippets/03_vector_addition.cpp -->
    ```cpp
    ...the whole file, exactly...
    ```
    <!-- output: 03_vector_addition -->
    ```text
    ...exactly what the program prints...
    ```

Source paths are relative to the repository root. A program name is looked up in the
directories given with --bin, in order. Every ```cpp block must carry a source marker, so no
code reaches the reader unchecked.

Usage:
    check_tutorial.py --root REPO --bin DIR [--bin DIR ...] CHAPTER.md [...]
        compares every marked block with its file and with its program's output.
    check_tutorial.py --root REPO --coverage --snippets DIR [--program NAME ...] CHAPTER.md [...]
        checks that every snippet file in DIR is shown and every named program's output appears.
    check_tutorial.py --root REPO --bin DIR --update CHAPTER.md [...]
        rewrites the marked blocks from the files and programs (after a deliberate change).
"""

import argparse
import difflib
import os
import re
import subprocess
import sys
import tempfile

MARKER = re.compile(r"^<!--\s*(source|output):\s*(\S+)\s*-->\s*$")
FENCE = re.compile(r"^```(\w*)\s*$")


class Block:
    def __init__(self, kind, target, language, text, line, end):
        self.kind, self.target, self.language, self.text = kind, target, language, text
        self.line, self.end = line, end  # 1-based lines of the opening and closing fences


def parse(path):
    """Returns the marked blocks of a chapter and the line numbers of unmarked C++ blocks."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    blocks, unmarked = [], []
    pending = None
    i = 0
    while i < len(lines):
        marker = MARKER.match(lines[i])
        fence = FENCE.match(lines[i])
        if marker:
            pending = (marker.group(1), marker.group(2), i + 1)
        elif fence:
            start = i
            i += 1
            body = []
            while i < len(lines) and lines[i].rstrip() != "```":
                body.append(lines[i])
                i += 1
            text = "\n".join(body) + "\n" if body else ""
            if pending and pending[2] == start:
                blocks.append(Block(pending[0], pending[1], fence.group(1), text, start + 1, i + 1))
            elif fence.group(1) in ("cpp", "c++"):
                unmarked.append(start + 1)
            pending = None
        elif lines[i].strip():
            pending = None
        i += 1
    return blocks, unmarked


def diff(expected, actual, what):
    return "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                        fromfile=what + " (in the tutorial)", tofile=what + " (actual)"))


def find_program(name, bin_dirs):
    for d in bin_dirs:
        candidate = os.path.join(d, name)
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return os.path.abspath(candidate)
    return None


def check_chapters(args):
    failures = []
    outputs = {}
    for chapter in args.chapters:
        blocks, unmarked = parse(chapter)
        actual = {}  # block line -> the text it should have
        for line in unmarked:
            failures.append(f"{chapter}:{line}: C++ block without a <!-- source: FILE --> marker")
        for block in blocks:
            where = f"{chapter}:{block.line}"
            if block.kind == "source":
                path = os.path.join(args.root, block.target)
                if not os.path.isfile(path):
                    failures.append(f"{where}: {block.target} does not exist")
                    continue
                with open(path, encoding="utf-8") as f:
                    content = f.read()
                actual[block.line] = content
                if content != block.text:
                    failures.append(f"{where}: the block differs from {block.target}\n" +
                                    diff(block.text, content, block.target))
                continue
            program = find_program(block.target, args.bin)
            if program is None:
                failures.append(f"{where}: program {block.target} not found in {args.bin}")
                continue
            if block.target not in outputs:
                # A fresh working directory: programs that write files leave nothing behind.
                with tempfile.TemporaryDirectory() as work:
                    run = subprocess.run([program], cwd=work, capture_output=True, text=True, timeout=120)
                if run.returncode != 0:
                    failures.append(f"{where}: {block.target} exited with {run.returncode}\n{run.stderr}")
                    continue
                outputs[block.target] = run.stdout
            actual[block.line] = outputs[block.target]
            if outputs[block.target] != block.text:
                failures.append(f"{where}: the output of {block.target} differs\n" +
                                diff(block.text, outputs[block.target], block.target))
        if args.update:
            rewrite(chapter, blocks, actual)
    return [f for f in failures if " differs" not in f] if args.update else failures


def rewrite(chapter, blocks, actual):
    with open(chapter, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for block in sorted(blocks, key=lambda b: b.line, reverse=True):
        if block.line in actual:
            lines[block.line:block.end - 1] = actual[block.line].rstrip("\n").split("\n")
    with open(chapter, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def check_coverage(args):
    shown_sources, shown_outputs = set(), set()
    for chapter in args.chapters:
        for block in parse(chapter)[0]:
            (shown_sources if block.kind == "source" else shown_outputs).add(block.target)
    failures = []
    snippet_dir = os.path.relpath(os.path.join(args.root, args.snippets), args.root)
    for name in sorted(os.listdir(os.path.join(args.root, args.snippets))):
        if name.endswith(".cpp") and os.path.join(snippet_dir, name) not in shown_sources:
            failures.append(f"{os.path.join(snippet_dir, name)} is not shown in any chapter")
    for program in args.program:
        if program not in shown_outputs:
            failures.append(f"the output of {program} is not shown in any chapter")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", required=True, help="repository root")
    parser.add_argument("--bin", action="append", default=[], help="directory of built programs")
    parser.add_argument("--coverage", action="store_true", help="check coverage instead of content")
    parser.add_argument("--snippets", help="snippet directory, relative to the root (with --coverage)")
    parser.add_argument("--program", action="append", default=[], help="a program whose output must be shown")
    parser.add_argument("--update", action="store_true", help="rewrite the blocks instead of checking them")
    parser.add_argument("chapters", nargs="+")
    args = parser.parse_args()
    failures = check_coverage(args) if args.coverage else check_chapters(args)
    for failure in failures:
        print(failure, file=sys.stderr)
    print(f"{len(args.chapters)} chapter(s): {'FAILED' if failures else 'ok'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
