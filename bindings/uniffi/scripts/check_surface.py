#!/usr/bin/env python3
"""Checks that the generated Kotlin and Swift declare exactly the calls of surface.txt.

Usage: check_surface.py KOTLIN_FILE SWIFT_FILE. Each line of surface.txt names a call as
`Object.method` (with `Object.init` for the primary constructor) or a top-level function;
a call missing from either language, or a generated call the list does not name, fails.
"""

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def block_methods(text, pattern):
    """Methods declared in each `interface XInterface {` / `protocol XProtocol ... {` block."""
    calls = set()
    for match in re.finditer(pattern, text, re.M):
        name = match.group(1)
        body = text[match.end():text.index("\n}", match.end())]
        for method in re.findall(r"^\s+(?:suspend )?fun `?(\w+)`?\(", body, re.M):
            calls.add(f"{name}.{method}")
        for method in re.findall(r"^\s+func (\w+)\(", body, re.M):
            calls.add(f"{name}.{method}")
    return calls


def kotlin_calls(text):
    calls = block_methods(text, r"^public interface (\w+)Interface \{")
    for obj in re.findall(r"^open class (\w+): Disposable", text, re.M):
        start = text.index(f"open class {obj}:")
        end = text.find("\nopen class ", start + 1)
        body = text[start:end if end > 0 else len(text)]
        if re.search(r"^    constructor\(`", body, re.M):
            calls.add(f"{obj}.init")
        companion = body.find("companion object {")
        if companion > 0:
            companion_end = body.find("\n    }\n", companion)
            for method in re.findall(r"fun `(\w+)`\(", body[companion:companion_end]):
                calls.add(f"{obj}.{method}")
    top_level = r"^(?:\s*\*/ )?(?:@Throws\(\w+::class\) )?(?:suspend )?fun `(\w+)`\("
    calls.update(re.findall(top_level, text, re.M))
    return calls


def swift_calls(text):
    calls = block_methods(text, r"^public protocol (\w+)Protocol\b[^{]*\{")
    for obj in re.findall(r"^open class (\w+): (?:@unchecked Sendable, )?\w*Protocol", text, re.M):
        start = text.index(f"open class {obj}:")
        end = text.find("\nopen class ", start + 1)
        body = text[start:end if end > 0 else len(text)]
        if re.search(r"^public convenience init\(\w", body, re.M):
            calls.add(f"{obj}.init")
        for method in re.findall(r"^public static func (\w+)\(", body, re.M):
            calls.add(f"{obj}.{method}")
    for name in re.findall(r"^public func (\w+)\(", text, re.M):
        if not name.startswith(("FfiConverter", "uniffiEnsure")):
            calls.add(name)
    return calls


def main():
    kotlin_file, swift_file = sys.argv[1:3]
    expected = {
        line.strip()
        for line in (HERE / "surface.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    failed = False
    for language, calls in (
        ("Kotlin", kotlin_calls(Path(kotlin_file).read_text())),
        ("Swift", swift_calls(Path(swift_file).read_text())),
    ):
        for call in sorted(expected - calls):
            print(f"{language}: missing {call}")
            failed = True
        for call in sorted(calls - expected):
            print(f"{language}: not in surface.txt: {call}")
            failed = True
        if not failed:
            print(f"{language}: all {len(expected)} calls of surface.txt declared")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
