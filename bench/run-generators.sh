#!/usr/bin/env bash
# Runs the generator benchmarks on the already built bench/target/benchmarks.jar (builds
# nothing): next() against hand-written counting and through Yield.from chains (JMH), then
# the bytes kept per suspended generator. Prints the ratios against the targets.
# Extra arguments go to JMH, e.g. `bash bench/run-generators.sh -prof gc`.
set -euo pipefail

bench_dir=$(cd "$(dirname "$0")" && pwd)
jar="$bench_dir/target/benchmarks.jar"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [[ ! -f $jar ]]; then
    echo "no $jar: build it first (mvn -B install -pl bench -am -DskipTests)" >&2
    exit 2
fi
results="$bench_dir/target/run-generators"
mkdir -p "$results"

# 2 forks x 5 x 2 s warm-up and measurement: about 4 minutes for the 6 benchmarks.
"$java" -jar "$jar" 'dev\.gen4j\.bench\.GeneratorNextBenchmark\.' \
    -f 2 -wi 5 -w 2s -i 5 -r 2s -rf json -rff "$results/next.json" "$@"

# A fixed heap and a stop-the-world collector, so that "used after GC" means live bytes.
"$java" -Xms1g -Xmx1g -XX:+UseSerialGC -cp "$jar" dev.gen4j.bench.SuspendedFootprint \
    | tee "$results/footprint.txt"

python3 - "$results/next.json" <<'PY'
import json, sys

scores = {}
for r in json.load(open(sys.argv[1])):
    m = r["primaryMetric"]
    scores[r["benchmark"].rsplit(".", 1)[1]] = (m["score"], m["scoreError"])

base = scores["handWrittenIterator"][0]
print()
print(f"{'next() on':<24}{'ns/op':>9}{'± err':>8}{'/ Iterator':>12}")
for name in ["handWrittenIterator", "handWrittenIntSupplier", "generator", "generatorLambda",
             "yieldFromDepth1", "yieldFromDepth1000"]:
    if name in scores:
        score, err = scores[name]
        print(f"{name:<24}{score:>9.2f}{err:>8.2f}{score / base:>11.2f}x")

def verdict(label, slower, faster, limit):
    if slower in scores and faster in scores:
        ratio = scores[slower][0] / scores[faster][0]
        print(f"{label:<38}{ratio:.2f}x (target <= {limit}x) {'MET' if ratio <= limit else 'MISSED'}")

print()
verdict("gen4j next() / hand-written Iterator:", "generator", "handWrittenIterator", 2)
verdict("generator lambda / @Generator method:", "generatorLambda", "generator", 1.1)
verdict("Yield.from depth 1000 / depth 1:", "yieldFromDepth1000", "yieldFromDepth1", 1.5)
PY
grep -E '^(ratio|target)' "$results/footprint.txt"
