#!/usr/bin/env bash
# Runs the scheduler benchmark on the already built bench/target/benchmarks.jar (builds
# nothing), in one sitting: the same workloads, each checked by its checksum, on gen4j, a
# hand-written state-machine scheduler (the limit), Kotlin coroutines on one thread, virtual
# threads on one carrier (JDK 25) and the seed's Python pyos8 scheduler; then prints the table
# with the ratios against the hand-written scheduler of the same run, and the targets.
# Each JVM peer runs in a JVM of its own: the timed workloads (median of 5 runs after 5
# unmeasured ones: after only 2 the JIT had not settled, and one build gave switch figures 50 %
# apart from one JVM to the next; each run after a full collection, so that none has a
# collection of the earlier runs' garbage in it), then the bytes per suspended task (fixed heap,
# stop-the-world collector). About 4 minutes.
# The JVMs: $JAVA_HOME's java (or the one on PATH) for all but virtual threads, which need
# $JDK25 (default /usr/lib/jvm/temurin-25-jdk-amd64) and are left out without it.
set -euo pipefail

bench_dir=$(cd "$(dirname "$0")" && pwd)
jar="$bench_dir/target/benchmarks.jar"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jdk25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [[ ! -f $jar ]]; then
    echo "no $jar: build it first (mvn -B install -pl bench -am -DskipTests)" >&2
    exit 2
fi
results="$bench_dir/target/run-sched"
mkdir -p "$results"
out="$results/results.tsv"
: > "$out"

heap=(-Xms4g -Xmx4g)
one_carrier=(-Djdk.virtualThreadScheduler.parallelism=1 -Djdk.virtualThreadScheduler.maxPoolSize=1)

peer() {  # peer JAVA NAME [JVM flags...]
    local jvm=$1 name=$2
    shift 2
    echo "== $name ($("$jvm" -version 2>&1 | head -1))" >&2
    "$jvm" "${heap[@]}" "$@" -cp "$jar" dev.gen4j.bench.sched.SchedBench "$name" time | tee -a "$out"
    "$jvm" "${heap[@]}" -XX:+UseSerialGC "$@" -cp "$jar" dev.gen4j.bench.sched.SchedBench "$name" footprint | tee -a "$out"
}

peer "$java" hand-written
peer "$java" gen4j
peer "$java" kotlin
if [[ -x $jdk25/bin/java ]]; then
    peer "$jdk25/bin/java" virtual-threads "${one_carrier[@]}"
else
    echo "no JDK 25 at $jdk25 (set JDK25): leaving out virtual threads" >&2
fi
echo "== python-pyos8 ($(python3 --version 2>&1))" >&2
# The seed's pyos8.py, as the samples' tests keep it to compare their output with.
PYTHONPATH="$bench_dir/../samples/src/test/python" python3 "$bench_dir/python/sched_peer.py" | tee -a "$out"

python3 - "$out" <<'PY'
import collections, sys

MASK = (1 << 64) - 1

def expected(metric, n1, n2):
    """The checksum the work must give: see dev.gen4j.bench.sched.Peer."""
    if metric == "switch_ns":
        tasks, yields = n1, n2
        per_task = 0
        for i in range(yields):
            per_task = (per_task * 31 + i) & MASK
        return (tasks * (tasks - 1) // 2 * pow(31, yields, 1 << 64) + tasks * per_task) & MASK
    if metric.startswith("sleep_"):
        return sum((i * 7919) % (n2 + 1) for i in range(n1))
    return n1 * (n1 - 1) // 2  # spawns, suspended tasks, ping-pong: 0 + 1 + ... + (n - 1)

values = collections.defaultdict(dict)
sizes = {}
bad = []
for line in open(sys.argv[1]):
    if not line.startswith("RESULT\t"):
        continue
    _, peer, metric, value, checksum, n1, n2 = line.split("\t")
    n1, n2 = int(n1), int(n2)
    if int(checksum) != expected(metric, n1, n2):
        bad.append(f"{peer} {metric}: checksum {checksum}, the work gives {expected(metric, n1, n2)}")
    values[metric][peer] = float(value)
    sizes[(metric, peer)] = (n1, n2)
if bad:
    print("\n".join(["CHECKSUM MISMATCH: a peer did not do the work"] + bad))
    sys.exit(1)
print("\nevery peer's checksum matches the work")

peers = ["hand-written", "gen4j", "kotlin", "virtual-threads", "python-pyos8"]
rows = [
    ("switch, ns per yield", "switch_ns"),
    ("spawn + run, ns per task", "spawn_ns"),
    ("  bytes allocated per task", "spawn_alloc_bytes"),
    ("Sys.spawn from a task, ns per task", "spawn_from_task_ns"),
    ("  bytes allocated per task", "spawn_from_task_alloc_bytes"),
    ("bytes per suspended task (alive together)", "suspended_bytes"),
    ("ping-pong, capacity 0, ns per hand-off", "pingpong0_ns"),
    ("ping-pong, capacity 16, ns per hand-off", "pingpong16_ns"),
    ("sleeps 0-50 ms, wall ms", "sleep_wall_ms"),
    ("sleeps 0-50 ms, p99 lateness ms", "sleep_p99_ms"),
]
# Sys.spawn and its allocation are set against the hand-written scheduler's one kind of spawn.
baseline = {"spawn_from_task_ns": "spawn_ns", "spawn_from_task_alloc_bytes": "spawn_alloc_bytes"}

def cell(metric, peer):
    v = values.get(metric, {}).get(peer)
    if v is None:
        return "—"
    text = f"{v:,.1f}" if v < 100 else f"{v:,.0f}"
    base = values.get(baseline.get(metric, metric), {}).get("hand-written")
    return text if peer == "hand-written" or not base else f"{text} ({v / base:.1f}×)"

print()
print("| workload | " + " | ".join(peers) + " |")
print("|---|" + "---|" * len(peers))
for label, metric in rows:
    print(f"| {label} | " + " | ".join(cell(metric, p) for p in peers) + " |")
print("\n(ratios against the hand-written scheduler of this run)")
if ("switch_ns", "python-pyos8") in sizes:
    (t, y), (n, _), (h, _) = (sizes[(m, "python-pyos8")] for m in ("switch_ns", "spawn_ns", "pingpong0_ns"))
    print(f"(python-pyos8, smaller: {t:,} tasks x {y:,} yields, {n:,} tasks, {h:,} hand-offs; per-op figures)")

def ratio(metric, against="hand-written", peer="gen4j", base_metric=None):
    v = values.get(metric, {}).get(peer)
    b = values.get(base_metric or metric, {}).get(against)
    return None if v is None or not b else v / b

def verdict(label, r, limit, unit="×"):
    if r is not None:
        print(f"{label:<58}{r:8.2f}{unit} (target <= {limit}{unit}) {'MET' if r <= limit else 'MISSED'}")

print()
verdict("switch: gen4j / hand-written", ratio("switch_ns"), 2)
verdict("spawn + run: gen4j / hand-written", ratio("spawn_ns"), 4)
verdict("Sys.spawn: gen4j / hand-written spawn", ratio("spawn_from_task_ns", base_metric="spawn_ns"), 4)
for metric, label in [("spawn_alloc_bytes", "spawn + run"), ("spawn_from_task_alloc_bytes", "Sys.spawn")]:
    v = values.get(metric, {}).get("gen4j")
    if v is not None:
        verdict(f"{label}: gen4j bytes allocated per task", v, 150, " B")
v = values.get("suspended_bytes", {}).get("gen4j")
if v is not None:
    verdict("gen4j bytes per suspended task", v, 100, " B")
for cap in (0, 16):
    verdict(f"ping-pong {cap}: gen4j Mailbox / hand-written channel", ratio(f"pingpong{cap}_ns"), 3)
    r = ratio(f"pingpong{cap}_ns", against="gen4j", peer="kotlin")
    if r is not None:
        print(f"{'ping-pong ' + str(cap) + ': Kotlin Channel / gen4j Mailbox':<58}{r:8.2f}× (target >= 7×) {'MET' if r >= 7 else 'MISSED'}")
verdict("sleeps: gen4j p99 lateness / hand-written", ratio("sleep_p99_ms"), 1.5)
PY
