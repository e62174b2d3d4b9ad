#!/usr/bin/env bash
# What an echo server keeps per idle connection, on the already built jars (builds nothing):
# the gen4j echo sample (instrumented at build time) and the hand-written selector server, in the same run.
# Each server (pinned to core 0, a fixed 1 GiB heap and the serial collector, so that the heap
# neither grows nor shrinks between steps and RSS growth is what was kept, not how the heap was
# sized) gets connections in steps from the IdleConnectionsClient: after its warm-up
# connections, none, then 1,000, then 10,000 held open, each having exchanged one message. At each step: live heap (the total of
# `jcmd PID GC.class_histogram`, which runs a full GC first) and resident set size (VmRSS of
# /proc/PID/status). Per connection: the growth from the step with none, divided by the count.
#
# Settings from the environment: STEPS (default "1000 10000"), SERVERS (default
# "gen4j hand-written"). About 1 minute. Histograms and logs go to bench/target/run-echo-memory/.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
results="$root/bench/target/run-echo-memory"
server_java_options="-Xms1g -Xmx1g -XX:+UseSerialGC"
source "$root/bench/echo-servers.sh"
steps=${STEPS:-"1000 10000"}
servers=${SERVERS:-"gen4j hand-written"}
jcmd="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd"

require_built
mkdir -p "$results"
: > "$results/steps.tsv"
most=0
for n in $steps; do (( n > most )) && most=$n; done
want_open_files $(( most + 1024 ))
client_pid=
stop_all() {
    if [[ -n $client_pid ]]; then
        kill "$client_pid" 2>/dev/null || true
        wait "$client_pid" 2>/dev/null || true
        client_pid=
    fi
    stop_server
}
trap stop_all EXIT

for server in $servers; do
    start_server "$server" "$results/$server.server.log"
    coproc client { taskset -c 1 "$java" -cp "$bench_jar" dev.gen4j.bench.echo.IdleConnectionsClient \
        --host 127.0.0.1 --port "$server_port" 0 $steps 2> "$results/$server.client.err"; }
    client_pid=$client_PID
    while IFS= read -r line <&"${client[0]}"; do
        count=${line#holding }
        histogram="$results/$server-$count.histogram.txt"
        "$jcmd" "$server_pid" GC.class_histogram > "$histogram"
        live=$(awk '$1 == "Total" { print $3 }' "$histogram")
        rss_kb=$(awk '$1 == "VmRSS:" { print $2 }' "/proc/$server_pid/status")
        printf '%s\t%s\t%s\t%s\n' "$server" "$count" "$live" "$rss_kb" >> "$results/steps.tsv"
        echo "  $server holding $count: live heap $live B, RSS $rss_kb KB"
        echo next >&"${client[1]}"
    done
    wait "$client_pid" || { echo "$server: the client failed:" >&2; cat "$results/$server.client.err" >&2; exit 1; }
    client_pid=
    stop_server
done

python3 - "$results/steps.tsv" <<'PY'
import sys

data = {}
for line in open(sys.argv[1]):
    server, count, live, rss = line.split()
    data.setdefault(server, {})[int(count)] = (int(live), int(rss) * 1024)

per = {}
print()
print(f"{'server':<13}{'connections':>12}{'live heap B/conn':>18}{'RSS B/conn':>12}")
for server, points in data.items():
    live0, rss0 = points[0]
    for count in sorted(c for c in points if c):
        live, rss = points[count]
        per[(server, count)] = ((live - live0) / count, (rss - rss0) / count)
        print(f"{server:<13}{count:>12,}{per[(server, count)][0]:>18,.0f}{per[(server, count)][1]:>12,.0f}")
print("per connection: (at N connections - at none) / N; live heap after a full GC, RSS of the whole process")
print()
for (server, count), (live, rss) in sorted(per.items()):
    if server == "gen4j" and ("hand-written", count) in per:
        hw_live, hw_rss = per[("hand-written", count)]
        r = live / hw_live
        print(f"N={count:<6} gen4j live heap per connection ÷ hand-written {r:5.2f}x (target <= 1.05x) "
              f"{'MET' if r <= 1.05 else 'MISSED'}; RSS {rss / hw_rss:.2f}x")
PY
