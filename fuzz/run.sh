#!/usr/bin/env bash
# Run the coverage-guided fuzzers (libFuzzer through cargo-fuzz).
#
#   fuzz/run.sh [TARGET|all] [RUNS]
#
# TARGET: dns_request, webfinger_resource, import_line, or all (default).
# RUNS: executions per target (default 10000000; -1 runs until stopped).
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz --locked`).
#
# The repository corpus (fuzz/corpus/TARGET) is only read; inputs the run
# finds go to fuzz/target/scratch/TARGET. With MERGE=1 the ones that add
# coverage are folded into the repository corpus afterwards. A crash stops
# the run and leaves its input in fuzz/artifacts/TARGET/: fix the cause,
# and keep the input in the corpus (`cargo test` replays it from then on).
set -euo pipefail
cd "$(dirname "$0")"

target=${1:-all}
runs=${2:-10000000}
if [[ $target == all ]]; then
    targets=(dns_request webfinger_resource import_line)
else
    targets=("$target")
fi

# No sanitizer: the code under test is safe Rust, and libFuzzer's
# coverage guidance with debug assertions (overflow checks) is what finds
# its bugs; the speed doubles.
fuzz=(cargo +nightly fuzz)
flags=(--sanitizer none)
"${fuzz[@]}" build "${flags[@]}"

for t in "${targets[@]}"; do
    scratch=target/scratch/$t
    mkdir -p "$scratch"
    echo "== $t: $runs runs" >&2
    # nice: fuzzing yields the CPU to anything else on the machine.
    nice -n 19 "${fuzz[@]}" run "${flags[@]}" "$t" "$scratch" "corpus/$t" -- \
        -runs="$runs" -timeout=10 -print_final_stats=1
    if [[ ${MERGE:-0} == 1 ]]; then
        nice -n 19 "${fuzz[@]}" run "${flags[@]}" "$t" "corpus/$t" "$scratch" -- -merge=1
    fi
done
