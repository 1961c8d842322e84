#!/usr/bin/env python3
"""Checks that no (non-dev) dependency of a workspace crate declares a `rust-version` newer than
the crate's own, so the declared MSRV is not a promise the dependencies already broke.

    python3 api/msrv.py
"""

import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def version(v):
    parts = [int(p) for p in (v or "0").split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


def main():
    meta = json.loads(
        subprocess.run(
            ["cargo", "metadata", "--format-version", "1", "--locked"],
            cwd=ROOT,
            check=True,
            capture_output=True,
        ).stdout
    )
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


if __name__ == "__main__":
    main()
