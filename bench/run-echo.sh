#!/usr/bin/env bash
# The echo benchmark, on the already built jars (builds nothing): the gen4j echo sample (its
# generators instrumented at build time, so no agent; --quiet), the hand-written selector server
# and a one-thread Netty server, each under the closed-loop load client at C = 1, 16, 256 and
# 1000 connections of 64-byte messages.
#
# Each point gets a fresh server pinned to core 0 and the client pinned to core 1; the client
# warms up, then measures, and says when the measured interval starts and ends so that the
# server's CPU time (utime + stime in /proc/PID/stat) is read right then. Prints one table and
# the ratios against the hand-written server, and checks the targets at C = 16 and 256.
#
# Settings from the environment: WARMUP and MEASURE seconds per point (default 5 and 10:
# about 4 minutes in all), CONNECTIONS (default "1 16 256 1000"), SERVERS (default
# "gen4j hand-written netty"). Logs and raw points go to bench/target/run-echo/.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
results="$root/bench/target/run-echo"
source "$root/bench/echo-servers.sh"
warmup=${WARMUP:-5}
seconds=${MEASURE:-10}
connection_counts=${CONNECTIONS:-"1 16 256 1000"}
servers=${SERVERS:-"gen4j hand-written netty"}
clock_ticks=$(getconf CLK_TCK)

require_built
mkdir -p "$results"
: > "$results/points.tsv"

# C = 1000 needs 1000 sockets in each process, plus the JVM's own files.
want_open_files 4096
trap stop_server EXIT

# Sets cpu_ticks to the server's utime + stime, and server_user_ticks to utime, in clock ticks. The command name, field 2, is
# in parentheses and may hold spaces: the fields are counted after its closing parenthesis.
read_server_cpu() {
    local stat
    read -r stat < "/proc/$server_pid/stat"
    local -a fields
    read -r -a fields <<< "${stat##*) }"
    cpu_ticks=$(( fields[11] + fields[12] ))   # fields 14 and 15 of the whole line
    server_user_ticks=${fields[11]}
}

# Sets machine_ticks to the whole machine's busy time (first line of /proc/stat: user, nice,
# system, irq and softirq, which a process's utime + stime also holds): what neither the server
# nor the client used of it is someone else's, and spoils the point.
read_machine_cpu() {
    local cpu user nice system idle iowait irq softirq rest
    read -r cpu user nice system idle iowait irq softirq rest < /proc/stat
    machine_ticks=$(( user + nice + system + irq + softirq ))
}

# Runs the client on core 1 and appends one line to points.tsv.
measure_point() {
    local server=$1 connections=$2 before= after= user_before= user_after= machine_before= machine_after= result=
    while IFS= read -r line; do
        case $line in
            "measure start")
                read_server_cpu; before=$cpu_ticks; user_before=$server_user_ticks
                read_machine_cpu; machine_before=$machine_ticks ;;
            "measure end")
                read_server_cpu; after=$cpu_ticks; user_after=$server_user_ticks
                read_machine_cpu; machine_after=$machine_ticks ;;
            result\ *) result=$line ;;
        esac
    done < <(taskset -c 1 "$java" -cp "$bench_jar" dev.gen4j.bench.echo.EchoLoadClient \
        --host 127.0.0.1 --port "$server_port" --connections "$connections" \
        --warmup "$warmup" --seconds "$seconds" 2> "$results/$server-c$connections.client.err")
    if [[ -z $result || -z $before || -z $after ]]; then
        echo "$server C=$connections: the client gave no result; its errors:" >&2
        cat "$results/$server-c$connections.client.err" >&2
        printf '%s\t%s\tfailed\n' "$server" "$connections" >> "$results/points.tsv"
        return
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$server" "$connections" "$(( after - before ))" \
        "$(( user_after - user_before ))" "$(( machine_after - machine_before ))" "$clock_ticks" \
        "${result#result }" >> "$results/points.tsv"
    echo "  $server C=$connections: ${result#result }, server CPU $(( after - before )) ticks"
    if [[ -s "$results/$server-c$connections.client.err" ]]; then
        sed 's/^/    /' "$results/$server-c$connections.client.err"
    fi
}

echo "echo benchmark: ${warmup} s warm-up + ${seconds} s measured per point; server on core 0, client on core 1"
read_machine_cpu; idle_before=$machine_ticks; sleep 1; read_machine_cpu
busy_percent=$(( (machine_ticks - idle_before) * 100 / clock_ticks ))
if (( busy_percent > 10 )); then
    echo "WARNING: before starting, other processes used ${busy_percent}% of a core: the numbers will be off" >&2
fi
# Servers take turns at each C, so that the points compared are measured minutes apart at most.
for connections in $connection_counts; do
    for server in $servers; do
        start_server "$server" "$results/$server-c$connections.server.log"
        measure_point "$server" "$connections"
        stop_server
    done
done

python3 - "$results/points.tsv" <<'PY'
import sys

points = {}
for line in open(sys.argv[1]):
    cols = line.rstrip("\n").split("\t")
    if len(cols) < 7:
        continue
    server, conns, ticks, user_ticks, machine_ticks, hz, kv = cols
    r = dict(item.split("=", 1) for item in kv.split())
    rts = int(r["round_trips"])
    cpu_s = int(ticks) / int(hz)
    points[(server, int(conns))] = {
        "rps": float(r["per_second"]), "p50": float(r["p50_us"]), "p99": float(r["p99_us"]),
        "cpu_us": cpu_s * 1e6 / rts if rts else float("nan"),
        "user_us": int(user_ticks) / int(hz) * 1e6 / rts if rts else float("nan"),
        "cpu_pct": 100 * cpu_s / float(r["seconds"]), "errors": int(r["errors"]),
        "fewest": int(r["fewest_per_connection"]), "client_pct": float(r["client_cpu_pct"]),
    }
    p = points[(server, int(conns))]
    p["other_pct"] = max(0.0, 100 * int(machine_ticks) / int(hz) / float(r["seconds"])
                         - p["cpu_pct"] - p["client_pct"])

base = "hand-written"
print()
print(f"{'server':<13}{'C':>5}{'round trips/s':>15}{'p50 µs':>9}{'p99 µs':>9}{'CPU µs/rt':>11}{'(user)':>8}"
      f"{'srv CPU':>9}{'cli CPU':>9}{'others':>8}{'rt/s ÷hw':>10}{'CPU ÷hw':>9}{'errors':>8}")
for (server, conns), p in sorted(points.items(), key=lambda kv: (kv[0][1], kv[0][0])):
    hw = points.get((base, conns))
    rps_ratio = f"{p['rps'] / hw['rps']:.2f}x" if hw else "-"
    cpu_ratio = f"{p['cpu_us'] / hw['cpu_us']:.2f}x" if hw else "-"
    print(f"{server:<13}{conns:>5}{p['rps']:>15,.0f}{p['p50']:>9.1f}{p['p99']:>9.1f}{p['cpu_us']:>11.2f}{p['user_us']:>8.2f}"
          f"{p['cpu_pct']:>8.0f}%{p['client_pct']:>8.0f}%{p['other_pct']:>7.0f}%{rps_ratio:>10}{cpu_ratio:>9}{p['errors']:>8}")

print("CPU µs/rt: the server's utime + stime over the measured interval / round trips, (user): utime only;"
      " srv/cli CPU: share of one core;\nothers: CPU used by other processes meanwhile (over 10%:"
      " the point is disturbed); ÷hw: against hand-written at the same C")
busy = [f"{s} C={c}" for (s, c), p in points.items() if p["other_pct"] > 10]
if busy:
    print("DISTURBED by other processes: " + ", ".join(busy))

def verdict(ok):
    return "MET" if ok else "MISSED"

print()
for conns in (16, 256):
    g, h, n = (points.get((s, conns)) for s in ("gen4j", base, "netty"))
    if not (g and h):
        continue
    if any(p and p["other_pct"] > 10 for p in (g, h, n)):
        print(f"C={conns:<4} (disturbed by other processes: run again on a quiet machine)")
    r = g["cpu_us"] / h["cpu_us"]
    print(f"C={conns:<4} gen4j CPU/rt ÷ hand-written  {r:5.2f}x (target <= 1.02x) {verdict(r <= 1.02)}")
    if n:
        print(f"C={conns:<4} gen4j CPU/rt vs Netty        {g['cpu_us']:.2f} vs {n['cpu_us']:.2f} µs"
              f" (target below Netty) {verdict(g['cpu_us'] < n['cpu_us'])}")
    r = g["rps"] / h["rps"]
    print(f"C={conns:<4} gen4j rt/s ÷ hand-written    {r:5.2f}x (target >= 0.98x) {verdict(r >= 0.98)}")
bad = [f"{s} C={c}" for (s, c), p in points.items() if p["errors"]]
if bad:
    print("\nWRONG REPLIES OR FAILED CONNECTIONS: " + ", ".join(bad) + " (see bench/target/run-echo/*.client.err)")
PY
