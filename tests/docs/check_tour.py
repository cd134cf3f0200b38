#!/usr/bin/env python3
"""Checks that the tour prints each lesson's output, in order, each under a '== title ==' line.

Usage: check_tour.py TOUR LESSON_PROGRAM...
"""

import subprocess
import sys


def output_of(program):
    run = subprocess.run([program], capture_output=True, text=True, timeout=120, check=True)
    return run.stdout


def main():
    tour, lessons = sys.argv[1], sys.argv[2:]
    sections = output_of(tour).split("\n== ")
    if len(sections) != len(lessons):
        print(f"the tour prints {len(sections)} sections for {len(lessons)} lessons", file=sys.stderr)
        return 1
    failures = 0
    for section, lesson in zip(sections, lessons):
        title, _, body = section.removeprefix("== ").partition(" ==\n")
        expected = output_of(lesson)
        if body.rstrip("\n") != expected.rstrip("\n"):
            print(f"section '{title}' differs from the output of {lesson}", file=sys.stderr)
            failures += 1
    print(f"{len(lessons)} lessons: {'FAILED' if failures else 'ok'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
