#!/usr/bin/env bash
# Cold start of the faultline command against the AWS CLI, in paired, alternating runs.
#
#   benchmarks/compare-cli-start.sh [PAIRS] [TEMPLATE]
#
# For each of `lint TEMPLATE` and `plan TEMPLATE`, runs PAIRS pairs (default 15): in each pair,
# one `./faultline COMMAND TEMPLATE` and one `aws fis create-experiment-template
# --generate-cli-skeleton`, the order swapped from pair to pair, and prints each pair's wall times
# and ratio (faultline / aws), then the median of the ratios. Pairs taken back to back see about
# the same load, so the median ratio holds on a busy machine better than either time alone; the
# load average is printed at the start and the end.
#
# Environment:
#   FAULTLINE  the faultline command to time (default: ./faultline in the repository), e.g.
#              FAULTLINE="java -jar chaos-cli/target/faultline.jar" to time a lever alone
#   AWS        the AWS CLI (default: aws, with ~/.pyenv/shims first on PATH)
#
# The jar is built first if ./faultline finds it stale (that run is not timed).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
pairs="${1:-15}"
template="${2:-}"
if [ -z "$template" ]; then
  template=/work/shared/corpus/fis-template-library/ec2-instances-terminate-template.json
  [ -f "$template" ] || template="$root/chaos-cli/src/cds/training.json"
fi
export PATH="$HOME/.pyenv/shims:$PATH"
read -r -a faultline <<< "${FAULTLINE:-$root/faultline}"
read -r -a aws <<< "${AWS:-aws}"
aws_args=(fis create-experiment-template --generate-cli-skeleton)

# ms COMMAND...: runs COMMAND with its output dropped and prints its wall time in milliseconds.
ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

median() {
  sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "template: $template"
echo "faultline: ${faultline[*]}"
echo "aws: $("${aws[@]}" --version 2>&1 | head -n 1)"
echo "java: $(java -version 2>&1 | head -n 1)"
echo "cpus: $(nproc), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
# warm-up, not timed: builds the jar if it is stale and fills the file cache for both
"${faultline[@]}" lint "$template" >/dev/null 2>&1 || true
"${aws[@]}" "${aws_args[@]}" >/dev/null 2>&1 || true

for command in lint plan; do
  ratios=()
  for i in $(seq 1 "$pairs"); do
    if (( i % 2 )); then
      f=$(ms "${faultline[@]}" "$command" "$template")
      a=$(ms "${aws[@]}" "${aws_args[@]}")
    else
      a=$(ms "${aws[@]}" "${aws_args[@]}")
      f=$(ms "${faultline[@]}" "$command" "$template")
    fi
    ratio=$(awk -v f="$f" -v a="$a" 'BEGIN { printf "%.3f", f / a }')
    ratios+=("$ratio")
    printf '%s pair %2d: faultline %5d ms  aws %5d ms  ratio %s\n' "$command" "$i" "$f" "$a" "$ratio"
  done
  printf '%s: median ratio faultline/aws over %d pairs: %s\n' "$command" "$pairs" \
      "$(printf '%s\n' "${ratios[@]}" | median)"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
