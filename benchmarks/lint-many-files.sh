#!/usr/bin/env bash
# Many files: `faultline lint DIR` on generated templates, for 1 and 2 threads (or those given).
#
#   benchmarks/lint-many-files.sh [FILES] [THREADS...]      # default: 10000 files, threads 1 2
#
# Writes FILES templates into a temporary directory (spread over 100 subdirectories: 8 in 10 FIS
# JSON, 1 in 10 FIS YAML, 1 in 10 CloudFormation YAML, each with its own name, tag and
# percentage, so no two files are alike; one in 20 has an ERROR), then runs
# `./faultline lint --threads N DIR` once per N, each in a fresh JVM, and prints its wall time,
# its CPU time (user + system, every thread), templates per second of wall time and templates
# per CPU-second. The run's output goes to a file; its summary line is printed. The machine's
# load average is printed at the start and the end: CPU-seconds hold on a busy machine, wall
# time does not.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
files="${1:-10000}"
shift || true
threads=("$@")
[ ${#threads[@]} -gt 0 ] || threads=(1 2)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

awk -v n="$files" -v dir="$work/templates" '
function fis_json(i, pct, key) {
  return "{\n  \"description\": \"Stop " pct "% of the workers of team " i "\",\n" \
    "  \"roleArn\": \"arn:aws:iam::123456789012:role/FisRole\",\n" \
    "  \"stopConditions\": [{\"source\": \"aws:cloudwatch:alarm\", \"value\": \"arn:aws:cloudwatch:us-east-1:123456789012:alarm:App5xx-" i "\"}],\n" \
    "  \"targets\": {\"workers\": {\"resourceType\": \"aws:ec2:instance\", \"resourceTags\": {\"Team\": \"t" i "\"},\n" \
    "    \"filters\": [{\"path\": \"State.Name\", \"values\": [\"running\"]}], \"selectionMode\": \"PERCENT(" pct ")\"}},\n" \
    "  \"actions\": {\"stop-workers\": {\"actionId\": \"aws:ec2:stop-instances\",\n" \
    "    \"parameters\": {\"startInstancesAfterDuration\": \"PT" (i % 50 + 1) "M\"}, \"targets\": {\"" key "\": \"workers\"}}},\n" \
    "  \"tags\": {\"Name\": \"stop-workers-" i "\"}\n}\n"
}
function fis_yaml(i, pct) {
  return "description: Stop " pct "% of the workers of team " i "\n" \
    "roleArn: arn:aws:iam::123456789012:role/FisRole\n" \
    "stopConditions:\n  - source: aws:cloudwatch:alarm\n    value: arn:aws:cloudwatch:us-east-1:123456789012:alarm:App5xx-" i "\n" \
    "targets:\n  workers:\n    resourceType: aws:ec2:instance\n    resourceTags: {Team: t" i "}\n    selectionMode: PERCENT(" pct ")\n" \
    "actions:\n  stop-workers:\n    actionId: aws:ec2:stop-instances\n    parameters: {startInstancesAfterDuration: PT5M}\n" \
    "    targets: {Instances: workers}\ntags: {Name: stop-workers-" i "}\n"
}
function cfn_yaml(i, pct) {
  return "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  StopWorkers" i ":\n    Type: AWS::FIS::ExperimentTemplate\n" \
    "    Properties:\n      Description: Stop " pct "% of the workers of team " i "\n" \
    "      RoleArn: !Sub arn:aws:iam::${AWS::AccountId}:role/FisRole\n" \
    "      StopConditions:\n        - Source: aws:cloudwatch:alarm\n          Value: !Sub arn:aws:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:App5xx\n" \
    "      Targets:\n        workers:\n          ResourceType: aws:ec2:instance\n          ResourceTags: {Team: t" i "}\n          SelectionMode: PERCENT(" pct ")\n" \
    "      Actions:\n        stop-workers:\n          ActionId: aws:ec2:stop-instances\n          Targets: {Instances: workers}\n" \
    "      Tags: {Name: stop-workers-" i "}\n"
}
BEGIN {
  for (d = 0; d < 100; d++) system("mkdir -p " dir "/d" d)
  for (i = 0; i < n; i++) {
    pct = i % 100 + 1
    base = dir "/d" (i % 100) "/t" i
    if (i % 10 == 8) { file = base ".yaml"; printf "%s", fis_yaml(i, pct) > file }
    else if (i % 10 == 9) { file = base ".yml"; printf "%s", cfn_yaml(i, pct) > file }
    else { file = base ".json"; printf "%s", fis_json(i, pct, i % 20 == 0 ? "Instance" : "Instances") > file }
    close(file)
  }
}'

cd "$root"
./faultline --version >/dev/null   # builds the jar first if it is stale (not timed)
echo "files: $files ($(du -sh "$work/templates" | cut -f1)), cpus: $(nproc), java: $(java -version 2>&1 | head -n 1)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in "${threads[@]}"; do
  /usr/bin/time -f "%e %U %S" -o "$work/time" ./faultline lint --threads "$n" "$work/templates" >"$work/out" 2>&1 || true
  read -r wall user sys < <(tail -n 1 "$work/time")   # time prints a status line first on exit 1
  awk -v n="$n" -v f="$files" -v w="$wall" -v u="$user" -v s="$sys" -v summary="$(tail -n 1 "$work/out")" 'BEGIN {
    printf "threads %d: wall %.2f s, cpu %.2f s (user %.2f, sys %.2f): %.0f templates/s wall, %.0f templates per CPU-second  [%s]\n",
      n, w, u + s, u, s, f / w, f / (u + s), summary }'
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
