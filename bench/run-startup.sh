#!/usr/bin/env bash
# Start-up of `samples --help`: the median wall time of 9 runs, in milliseconds, of
#   none       the samples jar built without instrumentation, no agent
#   agent      the same jar with -javaagent (the agent instruments its generators as they load)
#   aot        the samples jar as the build makes it (instrumented ahead of time), no agent
#   aot+agent  that jar with -javaagent too (the agent finds nothing to do)
# and how many classes the agent's own code loads in each agent run.
#
# Builds nothing. The uninstrumented jar is a samples jar built with -Dgen4j.skip, for instance
# in a scratch clone:  mvn -B -q package -pl samples -am -DskipTests -Dgen4j.skip
# and is passed as PLAIN_JAR. Hold the benchmark lock around it: other work on the machine
# moves these figures by tens of milliseconds.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
agent_jar="$root/agent/target/gen-agent.jar"
aot_jar="$root/samples/target/samples.jar"
plain_jar=${PLAIN_JAR:-}
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
runs=9

if [[ -z $plain_jar || ! -f $plain_jar ]]; then
    echo "set PLAIN_JAR to a samples jar built with -Dgen4j.skip (see the comment at the top)" >&2
    exit 2
fi
for jar in "$agent_jar" "$aot_jar"; do
    if [[ ! -f $jar ]]; then
        echo "no $jar: build first (mvn -B install -pl samples -am -DskipTests)" >&2
        exit 2
    fi
done

median_ms() {
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s%N)
        "$java" "$@" --help > /dev/null 2>&1
        end=$(date +%s%N)
        echo $(( (end - start) / 1000000 ))
    done | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

agent_classes() {
    "$java" -Xlog:class+load "$@" --help 2> /dev/null | grep -c ' dev\.gen4j\.agent\.' || true
}

none=$(median_ms -jar "$plain_jar")
agent=$(median_ms -javaagent:"$agent_jar" -jar "$plain_jar")
aot=$(median_ms -jar "$aot_jar")
aot_agent=$(median_ms -javaagent:"$agent_jar" -jar "$aot_jar")
printf '%-10s %6s %8s %14s\n' run ms "vs none" "agent classes"
printf '%-10s %6d %8s %14s\n' none "$none" 1.00 -
printf '%-10s %6d %8.2f %14d\n' agent "$agent" "$(echo "$agent / $none" | bc -l)" \
    "$(agent_classes -javaagent:"$agent_jar" -jar "$plain_jar")"
printf '%-10s %6d %8.2f %14s\n' aot "$aot" "$(echo "$aot / $none" | bc -l)" -
printf '%-10s %6d %8.2f %14d\n' aot+agent "$aot_agent" "$(echo "$aot_agent / $none" | bc -l)" \
    "$(agent_classes -javaagent:"$agent_jar" -jar "$aot_jar")"
