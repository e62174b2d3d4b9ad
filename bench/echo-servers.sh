# Sourced by the echo scripts of bench/: starting and stopping the echo servers they compare.
# Expects root (the checkout) and results (where logs go); sets java, bench_jar and samples_jar
# (whose generators the build instrumented, so no agent). JAVA_HOME picks the JDK.

bench_jar="$root/bench/target/benchmarks.jar"
samples_jar="$root/samples/target/samples.jar"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

require_built() {
    for jar in "$bench_jar" "$samples_jar"; do
        if [[ ! -f $jar ]]; then
            echo "no $jar: build first (mvn -B install -pl bench,samples -am -DskipTests)" >&2
            exit 2
        fi
    done
    if (( $(nproc) < 2 )); then
        echo "needs two cores: the server is pinned to core 0, the client to core 1" >&2
        exit 2
    fi
}

# Raises the open-file limit to $1 (the hard limit if that is lower): each connection is a file
# in the server and in the client.
want_open_files() {
    if (( $(ulimit -n) < $1 )); then
        ulimit -n "$1" 2>/dev/null || ulimit -n "$(ulimit -Hn)"
    fi
}

# Sets server_command to the command line of server $1; each listens on a free port. The words
# of server_java_options (empty unless set) go to every server's JVM.
server_java_options=${server_java_options:-}
server_command() {
    local -a jvm=("$java")
    read -r -a options <<< "$server_java_options"
    jvm+=("${options[@]}")
    case $1 in
        gen4j) server_command=("${jvm[@]}" -jar "$samples_jar" echo --quiet) ;;
        hand-written) server_command=("${jvm[@]}" -cp "$bench_jar" dev.gen4j.bench.echo.SelectorEchoServer) ;;
        netty) server_command=("${jvm[@]}" -cp "$bench_jar" dev.gen4j.bench.echo.NettyEchoServer) ;;
        *) echo "unknown server '$1' (gen4j, hand-written, netty)" >&2; exit 2 ;;
    esac
    server_command+=(--host 127.0.0.1 --port 0)
}

server_pid=
stop_server() {
    if [[ -n $server_pid ]]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        server_pid=
    fi
}

# Starts server $1 on core 0, its output in log file $2, and sets server_pid and server_port
# (read from its first line).
start_server() {
    local log=$2
    # Emptied here, not by the background job's redirection: that may come after the first look.
    : > "$log"
    server_command "$1"
    taskset -c 0 "${server_command[@]}" > "$log" 2>&1 &
    server_pid=$!
    server_port=
    for _ in $(seq 100); do
        server_port=$(sed -n 's/^Listening on .*:\([0-9][0-9]*\)$/\1/p' "$log" | head -n 1)
        [[ -n $server_port ]] && return
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    echo "$1 did not start; its output:" >&2
    cat "$log" >&2
    exit 1
}
