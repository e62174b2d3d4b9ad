#!/usr/bin/env bash
# The echo benchmark, on the already built jars (builds nothing): the gen4j echo sample (its
# generators instrumented at build time, so no agent; --quiet), the hand-written selector server
# and a one-thread Netty server, each under the closed-loop load client at C = 1, 16, 256 and
# 1000 connections of 64-byte messages.
#
# Each point gets a fresh server pinned to core 0 and the client pinned to core 1; the client
# warms up, then measures, and says when the measured interval starts and ends so that the
# server's CPU time (utime + stime in /proc/PID/stat) is read right then.
#
# On this kind of machine one point moves by up to 20 % from one run to the next (the kernel's
# loopback TCP is 90 % of a round trip's CPU), for every server alike: a single point per
# server cannot tell 2 % apart. So the servers are measured in ROUNDS rounds; within a round
# they take turns at each C (in a different order each round), each ratio against the
# hand-written server is taken within its round, and the table gives the median point and the
# median and range of the ratios. The targets at C = 16 and 256 are checked on the medians.
#
# Settings from the environment: ROUNDS (default 3), WARMUP and MEASURE seconds per point
# (default 3 and 6: about 7 minutes in all), CONNECTIONS (default "1 16 256 1000"), SERVERS
# (default "gen4j hand-written netty"). Logs and raw points go to bench/target/run-echo/.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
results="$root/bench/target/run-echo"
source "$root/bench/echo-servers.sh"
rounds=${ROUNDS:-3}
warmup=${WARMUP:-3}
seconds=${MEASURE:-6}
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
    local server=$1 connections=$2 round=$3 before= after= user_before= user_after= machine_before= machine_after= result=
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
        printf '%s\t%s\t%s\tfailed\n' "$round" "$server" "$connections" >> "$results/points.tsv"
        return
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$server" "$connections" "$(( after - before ))" \
        "$(( user_after - user_before ))" "$(( machine_after - machine_before ))" "$clock_ticks" \
        "${result#result }" >> "$results/points.tsv"
    echo "  round $round, $server C=$connections: ${result#result }, server CPU $(( after - before )) ticks"
    if [[ -s "$results/$server-c$connections.client.err" ]]; then
        sed 's/^/    /' "$results/$server-c$connections.client.err"
    fi
}

echo "echo benchmark: $rounds rounds, ${warmup} s warm-up + ${seconds} s measured per point; server on core 0, client on core 1"
read_machine_cpu; idle_before=$machine_ticks; sleep 1; read_machine_cpu
busy_percent=$(( (machine_ticks - idle_before) * 100 / clock_ticks ))
if (( busy_percent > 10 )); then
    echo "WARNING: before starting, other processes used ${busy_percent}% of a core: the numbers will be off" >&2
fi
# Servers take turns at each C, so that the points compared are measured a minute apart at
# most; each round starts the turns with another server, so none is always first.
read -r -a server_list <<< "$servers"
for (( round = 1; round <= rounds; round++ )); do
    for connections in $connection_counts; do
        for (( i = 0; i < ${#server_list[@]}; i++ )); do
            server=${server_list[$(( (i + round - 1) % ${#server_list[@]} ))]}
            start_server "$server" "$results/$server-c$connections.server.log"
            measure_point "$server" "$connections" "$round"
            stop_server
        done
    done
done

python3 - "$results/points.tsv" <<'PY'
import statistics, sys

rounds = {}  # (server, C) -> {round: point}
for line in open(sys.argv[1]):
    cols = line.rstrip("\n").split("\t")
    if len(cols) < 8:
        continue
    rnd, server, conns, ticks, user_ticks, machine_ticks, hz, kv = cols
    r = dict(item.split("=", 1) for item in kv.split())
    rts = int(r["round_trips"])
    cpu_s = int(ticks) / int(hz)
    p = {
        "rps": float(r["per_second"]), "p50": float(r["p50_us"]), "p99": float(r["p99_us"]),
        "cpu_us": cpu_s * 1e6 / rts if rts else float("nan"),
        "user_us": int(user_ticks) / int(hz) * 1e6 / rts if rts else float("nan"),
        "cpu_pct": 100 * cpu_s / float(r["seconds"]), "errors": int(r["errors"]),
        "client_pct": float(r["client_cpu_pct"]),
    }
    p["other_pct"] = max(0.0, 100 * int(machine_ticks) / int(hz) / float(r["seconds"])
                         - p["cpu_pct"] - p["client_pct"])
    rounds.setdefault((server, int(conns)), {})[int(rnd)] = p

base = "hand-written"

def median_point(per_round):
    """Each figure's median over the rounds (errors: the total; others: the worst)."""
    ps = list(per_round.values())
    m = {k: statistics.median(p[k] for p in ps) for k in ps[0] if k not in ("errors", "other_pct")}
    m["errors"] = sum(p["errors"] for p in ps)
    m["other_pct"] = max(p["other_pct"] for p in ps)
    return m

def ratios(server, conns, key):
    """The ratio to the hand-written server of the same round, for every round both have."""
    mine, hw = rounds.get((server, conns), {}), rounds.get((base, conns), {})
    return [mine[r][key] / hw[r][key] for r in sorted(mine) if r in hw and hw[r][key]]

points = {k: median_point(v) for k, v in rounds.items()}
n_rounds = max((len(v) for v in rounds.values()), default=0)
print()
print(f"medians over {n_rounds} rounds; ratios: median of each round's ratio to hand-written [lowest-highest]")
print(f"{'server':<13}{'C':>5}{'round trips/s':>15}{'p50 µs':>9}{'p99 µs':>9}{'CPU µs/rt':>11}{'(user)':>8}"
      f"{'srv CPU':>9}{'cli CPU':>9}{'others':>8}{'rt/s ÷hw':>20}{'CPU ÷hw':>20}{'errors':>8}")

def ratio_cell(server, conns, key):
    rs = ratios(server, conns, key)
    if server == base or not rs:
        return "-"
    return f"{statistics.median(rs):.2f}x [{min(rs):.2f}-{max(rs):.2f}]"

for (server, conns), p in sorted(points.items(), key=lambda kv: (kv[0][1], kv[0][0])):
    print(f"{server:<13}{conns:>5}{p['rps']:>15,.0f}{p['p50']:>9.1f}{p['p99']:>9.1f}{p['cpu_us']:>11.2f}{p['user_us']:>8.2f}"
          f"{p['cpu_pct']:>8.0f}%{p['client_pct']:>8.0f}%{p['other_pct']:>7.0f}%"
          f"{ratio_cell(server, conns, 'rps'):>20}{ratio_cell(server, conns, 'cpu_us'):>20}{p['errors']:>8}")

print("CPU µs/rt: the server's utime + stime over the measured interval / round trips, (user): utime only;"
      " srv/cli CPU: share of one core;\nothers: CPU used by other processes meanwhile, the worst round (over 10%:"
      " the point is disturbed); ÷hw: against hand-written at the same C in the same round")
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
    r = statistics.median(ratios("gen4j", conns, "cpu_us"))
    print(f"C={conns:<4} gen4j CPU/rt ÷ hand-written  {r:5.2f}x (target <= 1.02x) {verdict(r <= 1.02)}")
    if n:
        print(f"C={conns:<4} gen4j CPU/rt vs Netty        {g['cpu_us']:.2f} vs {n['cpu_us']:.2f} µs"
              f" (target below Netty) {verdict(g['cpu_us'] < n['cpu_us'])}")
    r = statistics.median(ratios("gen4j", conns, "rps"))
    print(f"C={conns:<4} gen4j rt/s ÷ hand-written    {r:5.2f}x (target >= 0.98x) {verdict(r >= 0.98)}")
bad = [f"{s} C={c}" for (s, c), p in points.items() if p["errors"]]
if bad:
    print("\nWRONG REPLIES OR FAILED CONNECTIONS: " + ", ".join(bad) + " (see bench/target/run-echo/*.client.err)")
PY
