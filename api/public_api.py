#!/usr/bin/env python3
"""The public API of the library crates, listed from their rustdoc pages (stable rustdoc HTML).

    python3 api/public_api.py check    # fails with a diff if the API differs from api/*.txt
    python3 api/public_api.py update   # rewrites api/*.txt after a deliberate change

For each crate it runs `cargo doc --no-deps`, reads `all.html` (every public item) and each
item's page: the declaration (fields, variants, trait methods) and the header of every method
and trait implementation, blanket implementations left out. One line each, sorted, so a
review sees every added, removed or changed signature. Rustdoc's HTML changes little between
releases; if a toolchain update changes only the formatting, run `update` and say so in the
commit.
"""

import html
import html.parser
import json
import os
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CRATES = ["wortwolke-text", "wortwolke-layout"]

# Implementations rustdoc lists that follow the toolchain, not our code (compiler-internal
# marker traits that come and go between releases).
NOISE = re.compile(r"impl !?(Freeze|UnsafeUnpin|StructuralPartialEq) for ")


class Page(html.parser.HTMLParser):
    """Collects the text of code headers and item declarations, outside blanket impls."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # element depth
        self.capture = None  # depth at which the captured element started
        self.skip = None  # depth of a blanket-implementations section
        self.text = []
        self.lines = []

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "meta", "link", "input", "wbr", "hr"):
            return
        self.depth += 1
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if attrs.get("id") in ("blanket-implementations-list",):
            self.skip = self.depth
        if self.capture is None and self.skip is None:
            if "code-header" in classes or "item-decl" in classes:
                self.capture = self.depth
                self.text = []

    def handle_endtag(self, tag):
        if tag in ("br", "img", "meta", "link", "input", "wbr", "hr"):
            return
        if self.capture == self.depth:
            self.lines.append(" ".join("".join(self.text).split()))
            self.capture = None
        if self.skip == self.depth:
            self.skip = None
        self.depth -= 1

    def handle_data(self, data):
        if self.capture is not None:
            self.text.append(data)


def doc_dir():
    meta = json.loads(
        subprocess.run(
            ["cargo", "metadata", "--format-version", "1", "--no-deps"],
            cwd=ROOT,
            check=True,
            capture_output=True,
        ).stdout
    )
    return pathlib.Path(meta["target_directory"]) / "doc"


def api(crate):
    subprocess.run(["cargo", "doc", "--no-deps", "--locked", "-q", "-p", crate], cwd=ROOT, check=True)
    base = doc_dir() / crate.replace("-", "_")
    items = sorted(set(re.findall(r'href="([^"#]+\.html)"', (base / "all.html").read_text())))
    lines = []
    for item in items:
        page = Page()
        page.feed((base / item).read_text())
        name = item[:-5].replace("/", "::")
        kind, _, path = name.rpartition("::")[2].partition(".")
        prefix = "::".join(name.split("::")[:-1] + [path])
        for line in page.lines:
            if NOISE.match(line):
                continue
            lines.append(f"{kind} {prefix}: {html.unescape(line)}")
    return "\n".join(sorted(set(lines))) + "\n"


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "check"
    if mode not in ("check", "update"):
        sys.exit(__doc__)
    failed = False
    for crate in CRATES:
        listed = ROOT / "api" / f"{crate}.txt"
        now = api(crate)
        if mode == "update":
            listed.write_text(now)
            print(f"{listed.relative_to(ROOT)}: {now.count(chr(10))} lines")
            continue
        before = listed.read_text() if listed.exists() else ""
        if before != now:
            import difflib

            sys.stdout.writelines(
                difflib.unified_diff(
                    before.splitlines(keepends=True),
                    now.splitlines(keepends=True),
                    f"{listed.relative_to(ROOT)} (listed)",
                    f"{crate} (built)",
                )
            )
            failed = True
    if failed:
        sys.exit(
            "the public API changed; if that is deliberate, run `python3 api/public_api.py update` "
            "and commit api/*.txt"
        )


if __name__ == "__main__":
    main()
