#!/usr/bin/env python3
"""Semver hygiene of the two library crates, on the stable toolchain.

    python3 api/check.py check    # fails with a diff if the public API differs from api/*.txt
    python3 api/check.py update   # rewrites api/*.txt after a deliberate change
    python3 api/check.py msrv     # fails if a dependency needs a newer Rust than a crate declares

The public API is listed from the crates' rustdoc pages (stable rustdoc HTML).
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


def metadata(*args):
    return json.loads(
        subprocess.run(
            ["cargo", "metadata", "--format-version", "1", "--locked", *args],
            cwd=ROOT,
            check=True,
            capture_output=True,
        ).stdout
    )


def doc_dir():
    return pathlib.Path(metadata("--no-deps")["target_directory"]) / "doc"


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


def version(v):
    parts = [int(p) for p in (v or "0").split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


def msrv():
    """No (non-dev) dependency of a workspace crate declares a newer `rust-version` than the
    crate: the declared MSRV is not a promise the dependencies already broke."""
    meta = metadata()
    packages = {p["id"]: p for p in meta["packages"]}
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    failed = False
    for member in meta["workspace_members"]:
        own = packages[member]
        # normal and build dependencies, transitively (dev-dependencies are not the user's)
        seen, stack = set(), [member]
        while stack:
            for dep in nodes[stack.pop()]["deps"]:
                if all(k["kind"] == "dev" for k in dep["dep_kinds"]):
                    continue
                if dep["pkg"] not in seen:
                    seen.add(dep["pkg"])
                    stack.append(dep["pkg"])
        newest = max(seen, key=lambda d: version(packages[d].get("rust_version")), default=None)
        need = packages[newest].get("rust_version") if newest else None
        print(f"{own['name']}: rust-version {own.get('rust_version')}, dependencies need {need} ({packages[newest]['name'] if newest else '-'})")
        if version(need) > version(own.get("rust_version")):
            failed = True
    if failed:
        sys.exit("a dependency needs a newer Rust than the crate declares: raise rust-version")



def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "check"
    if mode == "msrv":
        return msrv()
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
            "the public API changed; if that is deliberate, run `python3 api/check.py update` "
            "and commit api/*.txt"
        )


if __name__ == "__main__":
    main()
