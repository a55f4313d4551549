#!/usr/bin/env bash
# The journal benchmark (docs/performance.md, "Journal"): EngineConcurrencyRun's "engine follow"
# phase three times: without a journal (the control), with every run journaled in a SQLite file,
# and in PostgreSQL. Each prints threads added, how late state changes were seen against the
# target (poll interval + 100 ms), and, with a journal, the database time per write call, the
# queueing delay of state changes on the engine's journal writer and their append latency (seen
# -> written), p50/p99/max. The load average is printed before each run. PostgreSQL is a
# throwaway cluster started here from the Debian package's binaries (/usr/lib/postgresql/N/bin,
# or FAULTLINE_PG_BIN), as chaos-jdbc's tests do: on a free port of 127.0.0.1, owned by the
# postgres user when run as root, fsync on (the server's default), removed at the end.
# Usage: benchmarks/journal-bench.sh [RUNS] [more EngineConcurrencyRun options]
# To point it at a PostgreSQL of your own instead, run the class directly:
#   java -cp benchmarks/target/benchmarks.jar dev.faultline.bench.EngineConcurrencyRun 1000 \
#       --phases follow --journal 'jdbc:postgresql://HOST:5432/DB?user=U&password=P'
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-1000}"
shift || true
jar=benchmarks/target/benchmarks.jar
if [ ! -f "$jar" ] || [ -n "$(find chaos-*/src benchmarks/src -newer "$jar" -name '*.java' -print -quit)" ]; then
    mvn -B -q package -pl benchmarks -am -DskipTests
fi
bin="${FAULTLINE_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
if [ ! -x "$bin/pg_ctl" ]; then
    echo "No PostgreSQL server binaries: install the Debian package postgresql or set FAULTLINE_PG_BIN" >&2
    exit 2
fi
work="$(mktemp -d)"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
as=()
if [ "$(id -u)" = 0 ]; then
    chown postgres "$work"
    as=(/usr/sbin/runuser -u postgres --)
fi
pg() { ${as[@]+"${as[@]}"} "$@"; }
pg "$bin/initdb" -D "$work/data" -U faultline --auth=trust --locale=C -E UTF8 >/dev/null
pg "$bin/pg_ctl" -D "$work/data" -l "$work/server.log" -w -t 60 \
    -o "-p $port -k $work -c listen_addresses=127.0.0.1" start >/dev/null
trap 'pg "$bin/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
mkdir -p "$work/sqlite"
load() { echo "=== $1; load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs, $(date -u +%FT%TZ)"; }
load "control: no journal"
java -cp "$jar" dev.faultline.bench.EngineConcurrencyRun "$runs" --phases follow "$@"
load "SQLite journal"
java -cp "$jar" dev.faultline.bench.EngineConcurrencyRun "$runs" --phases follow \
    --journal "jdbc:sqlite:$work/sqlite/journal.db" "$@"
load "PostgreSQL journal"
java -cp "$jar" dev.faultline.bench.EngineConcurrencyRun "$runs" --phases follow \
    --journal "jdbc:postgresql://127.0.0.1:$port/postgres?user=faultline" "$@"
load "end"
