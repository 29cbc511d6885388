#!/usr/bin/env bash
# Builds one libFuzzer target into .build/fuzz/ and runs it for SECONDS.
#
#   flock /tmp/swift-build.lock scripts/fuzz.sh TARGET SECONDS [extra libFuzzer flags...]
#
# TARGET is one of:
#   yaml         YAML.load on the bytes, then YAML.json on success   (Fuzz/yaml.swift)
#   parser       SourceFile.decode → LicenseParser.parse → ClauseExtractor.extract, JSON render
#                                                                      (Fuzz/parser.swift)
#   frontmatter  SourceFile.decode → ModelCard.parse                  (Fuzz/frontmatter.swift)
#   gguf         GGUF.parse on a model file's header bytes            (Fuzz/gguf.swift)
#
# The script takes no lock itself (a nested flock on the same file would deadlock): wrap it.
# The binary is rebuilt only when a source, the entry point or this script is newer than it.
# Environment: FUZZ_BUILD_ONLY=1 builds and stops; FUZZ_OPT (default -O) sets the optimisation
# (-O keeps Swift's bounds and overflow checks; never use -Ounchecked here).
#
# Outputs, all under .build/fuzz/ (ignored by git):
#   TARGET                 the fuzzer binary
#   corpus-TARGET/         seed corpus (from Fixtures/) plus whatever libFuzzer adds
#   artifacts-TARGET/      crash-*, leak-*, timeout-*, oom-* inputs
#   TARGET.log             the run's log; a summary is printed at the end
# Reproduce one artifact:  .build/fuzz/TARGET .build/fuzz/artifacts-TARGET/crash-…
set -euo pipefail
SCRIPT="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$0")/.."

usage() { echo "usage: $0 yaml|parser|frontmatter|gguf SECONDS [libFuzzer flags...]" >&2; exit 2; }
[ $# -ge 2 ] || usage
TARGET=$1; SECONDS_TO_RUN=$2; shift 2
case "$TARGET" in yaml|parser|frontmatter|gguf) ;; *) usage ;; esac
[[ "$SECONDS_TO_RUN" =~ ^[0-9]+$ ]] || usage

OUT=.build/fuzz
OPT=${FUZZ_OPT:--O}
mkdir -p "$OUT/mod" "$OUT/artifacts-$TARGET"
SAN=(-sanitize=fuzzer,address -parse-as-library -swift-version 6 "$OPT" -g -use-ld=lld)

yaml_sources() { find Sources/LicenseLintYAML -name '*.swift' | LC_ALL=C sort; }
lint_sources() { find Sources/LicenseLint -name '*.swift' | LC_ALL=C sort; }

# Rebuild only when the binary is missing or older than a source, the entry point or this script.
needs_build() {
  [ -x "$OUT/$TARGET" ] || return 0
  [ -n "$(find Sources/LicenseLintYAML Sources/LicenseLint "Fuzz/$TARGET.swift" "$SCRIPT" -newer "$OUT/$TARGET" -print -quit)" ]
}
if ! needs_build; then
  echo "== $OUT/$TARGET is up to date"
else
echo "== building $OUT/$TARGET"
case "$TARGET" in
  yaml)
    # One module: the YAML sources plus the entry point (internal API reachable).
    # shellcheck disable=SC2046
    swiftc "${SAN[@]}" -module-name FuzzYAML $(yaml_sources) Fuzz/yaml.swift -o "$OUT/yaml"
    ;;
  parser|frontmatter|gguf)
    # LicenseLint imports LicenseLintYAML: build that first as an instrumented static library
    # with its module file, then the LicenseLint sources plus the entry point as one module.
    # shellcheck disable=SC2046
    swiftc "${SAN[@]}" -module-name LicenseLintYAML $(yaml_sources) \
      -emit-module -emit-module-path "$OUT/mod/LicenseLintYAML.swiftmodule" \
      -emit-library -static -o "$OUT/libLicenseLintYAML.a"
    # shellcheck disable=SC2046
    swiftc "${SAN[@]}" -module-name FuzzLicenseLint -I "$OUT/mod" $(lint_sources) "Fuzz/$TARGET.swift" \
      "$OUT/libLicenseLintYAML.a" -o "$OUT/$TARGET"
    ;;
esac
fi
[ "${FUZZ_BUILD_ONLY:-0}" = 1 ] && exit 0

# Seed corpus: copied afresh from Fixtures/ each run (files libFuzzer added earlier are kept).
CORPUS="$OUT/corpus-$TARGET"
mkdir -p "$CORPUS"
seed() { local f=$1; cp "$f" "$CORPUS/seed-$(echo "$f" | tr '/' '_')"; }
case "$TARGET" in
  yaml)
    for f in Fixtures/profiles/*.yaml; do seed "$f"; done
    # The front matter of each model card is YAML too.
    for f in Fixtures/models/*/README.md; do
      awk 'NR==1 && $0=="---" {on=1; next} on && $0=="---" {exit} on {print}' "$f" \
        > "$CORPUS/seed-frontmatter-$(basename "$(dirname "$f")").yaml"
    done
    ;;
  parser)
    for f in Fixtures/models/*/LICENSE; do seed "$f"; done
    ;;
  frontmatter)
    for f in Fixtures/models/*/README.md Fixtures/profiles/*.yaml; do seed "$f"; done
    ;;
  gguf)
    for f in Fixtures/gguf/*.gguf; do seed "$f"; done
    ;;
esac

DICT=()
case "$TARGET" in
  yaml) DICT=(-dict=Fuzz/yaml.dict) ;;
  parser)
    # Trigger words and phrases of the clause detectors, taken from the lexicon and the number words (ASCII only).
    { LC_ALL=C grep -ohE '"[^"\\]{2,60}"' Sources/LicenseLint/Clauses/Lexicon.swift Sources/LicenseLint/Clauses/Detectors/*.swift Sources/LicenseLint/Text/Quantities.swift \
        | LC_ALL=C grep -v '[^ -~]' || true
      printf '%s\n' '"(a)"' '"1."' '"\x0d\x0a"' '"\xe2\x80\x9c"' '"\xe2\x80\x9d"' '"\xe2\x80\x99"' '"\xc2\xa0"' '"\xc2\xad"' '"\xe2\x80\x94"'
    } | LC_ALL=C sort -u > "$OUT/parser.dict"
    # Licence texts are long: let inputs grow past the small fixture seeds.
    DICT=(-dict="$OUT/parser.dict" -max_len=16384)
    ;;
  frontmatter) DICT=(-dict=Fuzz/yaml.dict) ;;
  gguf) DICT=() ;;
esac

echo "== fuzzing $TARGET for ${SECONDS_TO_RUN}s (corpus $CORPUS, artifacts $OUT/artifacts-$TARGET/)"
set +e
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1} \
"$OUT/$TARGET" "$CORPUS" "${DICT[@]}" \
  -max_total_time="$SECONDS_TO_RUN" -timeout=10 -rss_limit_mb=2048 -detect_leaks=1 \
  -print_final_stats=1 -artifact_prefix="$OUT/artifacts-$TARGET/" "$@" 2>&1 | tee "$OUT/$TARGET.log"
rc=${PIPESTATUS[0]}
set -e

echo "== summary ($TARGET, exit $rc)"
grep -E '^#[0-9]+[[:space:]]+DONE|^Done [0-9]+ runs|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb' "$OUT/$TARGET.log" || true
found=$(ls "$OUT/artifacts-$TARGET" 2>/dev/null | wc -l)
echo "artifacts in $OUT/artifacts-$TARGET: $found"
ls -l "$OUT/artifacts-$TARGET" 2>/dev/null | tail -n +2 || true
exit "$rc"
