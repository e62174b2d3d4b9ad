#!/usr/bin/env bash
# Runs the await benchmarks on the already built bench/target/benchmarks.jar (builds nothing):
# Async.run against a hand-written thenCompose chain and a virtual thread blocking in join(),
# over stages already complete and not yet complete. Prints the ratios against Async.run.
# The JDK is $JAVA_HOME's (or the java on PATH); virtual threads need 21+, and on an older JDK
# their benchmarks are left out. Extra arguments go to JMH, e.g. `-f 2 -i 5 -r 2s` for a
# longer run than the default 1 fork x 3 x 1 s.
set -euo pipefail

bench_dir=$(cd "$(dirname "$0")" && pwd)
jar="$bench_dir/target/benchmarks.jar"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [[ ! -f $jar ]]; then
    echo "no $jar: build it first (mvn -B install -pl bench -am -DskipTests)" >&2
    exit 2
fi
results="$bench_dir/target/run-async"
mkdir -p "$results"

version=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
exclude=()
if (( ${version%%.*} < 21 )); then
    echo "JDK $version has no virtual threads: leaving out the virtualThread benchmarks (use JDK 21+ for them)"
    exclude=(-e virtualThread)
fi

"$java" -jar "$jar" 'dev\.gen4j\.bench\.AsyncAwaitBenchmark\.' "${exclude[@]}" \
    -f 1 -wi 3 -w 1s -i 3 -r 1s -rf json -rff "$results/await-jdk$version.json" "$@"

python3 - "$results/await-jdk$version.json" "$version" <<'PY'
import json, sys

scores = {}
for r in json.load(open(sys.argv[1])):
    m = r["primaryMetric"]
    scores[r["benchmark"].rsplit(".", 1)[1]] = (m["score"], m["scoreError"])

print()
print(f"JDK {sys.argv[2]}, ns per await, ratios against Async.run of the same stages")
print(f"{'await on':<30}{'ns/await':>10}{'± err':>8}{'÷ Async.run':>13}")
for kind in ["completed", "pending"]:
    base = scores.get(kind + "AsyncRun")
    for way in ["AsyncRun", "ThenCompose", "VirtualThreadJoin"]:
        name = kind + way
        if name in scores and base:
            score, err = scores[name]
            print(f"{name:<30}{score:>10.1f}{err:>8.1f}{score / base[0]:>12.2f}x")
PY
