#!/usr/bin/env bash
# Read + validate of ReadValidateBenchmark's typical template, CPU time per template, side by side:
# Faultline (CpuTimeRun readAndValidate: standard rules + staging policy) and botocore (json.loads +
# ParamValidator, the AWS CLI's client-side check), in turns, PAIRS times. Prints each pair, the
# ratio botocore / Faultline per pair (fastest and median rounds), and the median of the ratios.
#
#   mvn -B -q -o -pl benchmarks -am package -DskipTests     # builds benchmarks/target/benchmarks.jar
#   benchmarks/compare-botocore.sh                           # PAIRS=5 ROUNDS=20 by default
#   PAIRS=9 benchmarks/compare-botocore.sh
#   JAVA_OPTS=-XX:+UseParallelGC benchmarks/compare-botocore.sh   # options for Faultline's JVM (default: none)
set -euo pipefail
cd "$(dirname "$0")/.."
PATH="$HOME/.pyenv/shims:$PATH"
JAR=${JAR:-benchmarks/target/benchmarks.jar}
PAIRS=${PAIRS:-5}
ROUNDS=${ROUNDS:-20}
PYTHON=${PYTHON:-python}
JAVA_OPTS=${JAVA_OPTS:-}
if [ ! -f "$JAR" ]; then
    echo "no $JAR; build it first: mvn -B -q -o -pl benchmarks -am package -DskipTests" >&2
    exit 2
fi
"$PYTHON" -c 'import botocore' || { echo "botocore is not importable by $PYTHON" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
java -cp "$JAR" dev.faultline.bench.CpuTimeRun --print-template > "$tmp/typical.json"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)   java: $(java -version 2>&1 | head -1)   options: ${JAVA_OPTS:-(none)}"
: > "$tmp/ratios"
for i in $(seq "$PAIRS"); do
    boto=$("$PYTHON" benchmarks/botocore-validate.py "$tmp/typical.json" "$ROUNDS")
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    fl=$(java $JAVA_OPTS -cp "$JAR" dev.faultline.bench.CpuTimeRun "$ROUNDS" readAndValidate)
    read -r b_fast b_med < <(echo "$boto" | awk '{print $4, $6}')
    read -r f_fast f_med f_bytes < <(echo "$fl" | awk '{for (i = 1; i <= NF; i++) { if ($i == "fastest") f = $(i+1); if ($i == "median") m = $(i+1); if ($i == "B/op") b = $(i-1) } print f, m, b}')
    r_fast=$(awk -v b="$b_fast" -v f="$f_fast" 'BEGIN {printf "%.1f", b / f}')
    r_med=$(awk -v b="$b_med" -v f="$f_med" 'BEGIN {printf "%.1f", b / f}')
    echo "$r_fast $r_med" >> "$tmp/ratios"
    printf 'pair %d: botocore %7.2f us (median %7.2f)   Faultline %5.2f us (median %5.2f, %s B/op)   ratio %5.1fx (median rounds %5.1fx)   load %s\n' \
        "$i" "$b_fast" "$b_med" "$f_fast" "$f_med" "$f_bytes" "$r_fast" "$r_med" "$(cut -d' ' -f1 /proc/loadavg)"
done
sort -n -k1,1 "$tmp/ratios" | awk '{a[NR] = $1} END {printf "median ratio of the fastest rounds over %d pairs: %.1fx botocore (target: 20x)\n", NR, (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'
sort -n -k2,2 "$tmp/ratios" | awk '{a[NR] = $2} END {printf "median ratio of the median rounds over %d pairs:  %.1fx botocore\n", NR, (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
