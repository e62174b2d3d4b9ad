#!/usr/bin/env bash
# A burst of new connections to a busy echo server, on the already built jars (builds
# nothing): the gen4j echo sample (instrumented at build time) and the hand-written selector server, in
# the same run. Each round gets a fresh server pinned to core 0; the client (AcceptBurstClient,
# pinned to core 1) keeps BUSY connections in a closed loop of 64-byte messages, then starts
# BURST new ones while the busy ones go on, and waits until each new one is connected and has
# its reply. Connection requests the kernel dropped because the server's backlog was full are
# the change of ListenDrops in /proc/net/netstat over the burst (ListenOverflows beside it); a
# dropped request is sent again a second or more later, which shows in the time to connect.
#
# Settings from the environment: BUSY (default 1000), BURST (default 5000), ROUNDS per server
# (default 3), SERVERS (default "gen4j hand-written"), WARMUP seconds of busy load before the
# burst (default 3). About 10 s a round. Logs and raw results go to bench/target/run-accept-burst/.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
results="$root/bench/target/run-accept-burst"
source "$root/bench/echo-servers.sh"
busy=${BUSY:-1000}
burst=${BURST:-5000}
rounds=${ROUNDS:-3}
servers=${SERVERS:-"gen4j hand-written"}
warmup=${WARMUP:-3}

require_built
mkdir -p "$results"
: > "$results/rounds.tsv"
want_open_files $(( busy + burst + 1024 ))
trap stop_server EXIT

# Sets listen_drops and listen_overflows to the kernel's counters (TcpExt in /proc/net/netstat).
read_listen_counters() {
    read -r listen_drops listen_overflows < <(awk '
        /^TcpExt:/ { if (!named) { for (i = 1; i <= NF; i++) name[i] = $i; named = 1 }
                     else { for (i = 1; i <= NF; i++) value[name[i]] = $i } }
        END { print value["ListenDrops"], value["ListenOverflows"] }' /proc/net/netstat)
}

echo "accept burst: $busy busy connections, then $burst new ones; $rounds rounds per server; server on core 0, client on core 1"
for round in $(seq "$rounds"); do
    # Servers take turns round by round, so that a slow spell of the machine hits both.
    for server in $servers; do
        start_server "$server" "$results/$server-$round.server.log"
        drops_before= drops_after= result=
        while IFS= read -r line; do
            case $line in
                "burst start") read_listen_counters; drops_before=$listen_drops; overflows_before=$listen_overflows ;;
                "burst end") read_listen_counters; drops_after=$listen_drops; overflows_after=$listen_overflows ;;
                result\ *) result=${line#result } ;;
            esac
        done < <(taskset -c 1 "$java" -cp "$bench_jar" dev.gen4j.bench.echo.AcceptBurstClient \
            --host 127.0.0.1 --port "$server_port" --busy "$busy" --burst "$burst" --warmup "$warmup" \
            2> "$results/$server-$round.client.err")
        stop_server
        if [[ -z $result || -z $drops_before || -z $drops_after ]]; then
            echo "$server round $round: the client gave no result; its errors:" >&2
            cat "$results/$server-$round.client.err" >&2
            continue
        fi
        drops=$(( drops_after - drops_before ))
        overflows=$(( overflows_after - overflows_before ))
        printf '%s\t%s\t%s\t%s\t%s\n' "$server" "$round" "$drops" "$overflows" "$result" >> "$results/rounds.tsv"
        echo "  $server round $round: drops=$drops overflows=$overflows $result"
        if [[ -s "$results/$server-$round.client.err" ]]; then
            sed 's/^/    /' "$results/$server-$round.client.err"
        fi
    done
done

python3 - "$results/rounds.tsv" <<'PY'
import statistics, sys

rows = {}
for line in open(sys.argv[1]):
    server, rnd, drops, overflows, kv = line.rstrip("\n").split("\t")
    r = dict(item.split("=", 1) for item in kv.split())
    rows.setdefault(server, []).append({
        "round": int(rnd), "drops": int(drops), "overflows": int(overflows),
        "connect": float(r["connect_s"]), "connect_p99": float(r["connect_p99_ms"]),
        "answer": float(r["answer_s"]), "answer_p99": float(r["answer_p99_ms"]),
        "busy": int(r["busy_round_trips"]), "errors": int(r["errors"]),
    })

print()
print(f"{'server':<13}{'round':>6}{'SYNs dropped':>14}{'overflows':>11}{'all connected s':>17}"
      f"{'p99 ms':>9}{'all answered s':>16}{'p99 ms':>9}{'busy rts':>10}{'errors':>8}")
for server, rs in rows.items():
    for p in rs:
        print(f"{server:<13}{p['round']:>6}{p['drops']:>14,}{p['overflows']:>11,}{p['connect']:>17.3f}"
              f"{p['connect_p99']:>9.1f}{p['answer']:>16.3f}{p['answer_p99']:>9.1f}{p['busy']:>10,}{p['errors']:>8}")

def median(server, key):
    return statistics.median(p[key] for p in rows[server])

print()
for server in rows:
    print(f"{server:<13} median: {median(server, 'drops'):,.0f} SYNs dropped, all connected in "
          f"{median(server, 'connect'):.3f} s, all answered in {median(server, 'answer'):.3f} s")
if "gen4j" in rows and "hand-written" in rows:
    def verdict(ok):
        return "MET" if ok else "MISSED"
    for key, what in (("drops", "SYNs dropped"), ("connect", "time to connect"), ("answer", "time to answer")):
        g, h = median("gen4j", key), median("hand-written", key)
        if key == "drops":
            ratio = f"{g / h:.2f}x" if h else "-"
            print(f"gen4j {what} ÷ hand-written: {ratio} ({g:,.0f} vs {h:,.0f}; target <= 1.2x) {verdict(g <= 1.2 * h)}")
        else:
            print(f"gen4j {what} ÷ hand-written: {g / h:.2f}x ({g:.3f} vs {h:.3f} s; target <= 1.2x) {verdict(g <= 1.2 * h)}")
bad = [f"{s} round {p['round']}" for s, rs in rows.items() for p in rs if p["errors"]]
if bad:
    print("\nFAILED CONNECTIONS OR WRONG REPLIES: " + ", ".join(bad) + " (see bench/target/run-accept-burst/*.client.err)")
PY
