#!/usr/bin/env bash
# Builds licenselint and its benchmark in release mode, then runs the benchmark.
#   scripts/bench.sh [--files N] [--size-mb M] [--jobs N] [--runs R] ...   (options go to licenselint-bench)
# It also builds the static, stripped binary `make install` installs (.build/static) and times it cold.
# On a shared machine, hold a lock so other builds do not distort the timings, e.g.
#   flock /tmp/swift-build.lock scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product licenselint
swift build -c release --product licenselint-bench
# The binary as `make install` installs it (static Swift runtime, stripped), in its own build folder.
STATIC=.build/static
if [ "$(uname -s)" = Linux ]; then
  swift build -c release --static-swift-stdlib --scratch-path "$STATIC" --product licenselint
  cp "$(swift build -c release --static-swift-stdlib --scratch-path "$STATIC" --show-bin-path)/licenselint" "$STATIC/licenselint-installed"
  strip "$STATIC/licenselint-installed"
  set -- --installed "$PWD/$STATIC/licenselint-installed" "$@"
fi
exec "$(swift build -c release --show-bin-path)/licenselint-bench" --root "$PWD" "$@"
