#!/usr/bin/env bash
# Runs each fuzz target (or the ones named) for SECONDS, one after another, on the stable
# toolchain (no sanitizer: `-s none`; debug assertions on: `-a`). New inputs go to
# corpus/<target>/ (not committed), the seeds come from seeds/<target>/, crashes land in
# artifacts/<target>/. Exits non-zero if any target fails.
#   usage: fuzz/run.sh SECONDS [TARGET...]
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:?usage: run.sh SECONDS [TARGET...]}
shift
if [ $# -eq 0 ]; then
  set -- $(cargo fuzz list)
fi
cargo fuzz build -s none -a
failed=()
for target in "$@"; do
  mkdir -p "corpus/$target"
  echo "==> fuzz $target for ${seconds}s"
  # -timeout: one input may take at most 10 s; -rss_limit_mb: 2 GiB, libFuzzer's default
  if ! cargo fuzz run -s none -a "$target" "corpus/$target" "seeds/$target" -- \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1; then
    failed+=("$target")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz targets that failed: ${failed[*]} (see artifacts/)"
  exit 1
fi
