#!/usr/bin/env bash
# Builds licenselint and its benchmark in release mode, then runs the benchmark.
#   scripts/bench.sh [--files N] [--size-mb M] [--jobs N] [--runs R] ...   (options go to licenselint-bench)
# On a shared machine, hold a lock so other builds do not distort the timings, e.g.
#   flock /tmp/swift-build.lock scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product licenselint
swift build -c release --product licenselint-bench
exec "$(swift build -c release --show-bin-path)/licenselint-bench" --root "$PWD" "$@"
