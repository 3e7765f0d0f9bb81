#!/usr/bin/env bash
# Refreshes stacks/hcl/block-schema.json: which keys of the AWS provider's resources are nested blocks (HCL writes
# blocks and attributes differently; Terraform JSON does not distinguish them). Needs terraform and the provider.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/main.tf" <<'TF'
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = ">= 5.100, < 7.0" }
  }
}
TF
(cd "$work" && terraform init -input=false -no-color >/dev/null && terraform providers schema -json > schema.json)
python3 - "$work/schema.json" "$root/stacks/hcl/block-schema.json" <<'PY'
import json, re, sys
d = json.load(open(sys.argv[1]))["provider_schemas"]["registry.terraform.io/hashicorp/aws"]
pattern = re.compile(r"^aws_(s3_bucket|kms_|cloudtrail|iam_|organizations_|cloudwatch_log_|cloudwatch_metric_alarm|glue_catalog_database|glue_catalog_table|athena_workgroup|sns_topic|partition|region|caller_identity)")
def blocks(b):
    return {k: blocks(v["block"]) for k, v in sorted(b.get("block_types", {}).items())}
out = {
    "provider": blocks(d["provider"]["block"]),
    "resource": {t: blocks(s["block"]) for t, s in sorted(d["resource_schemas"].items()) if pattern.match(t)},
    "data": {t: blocks(s["block"]) for t, s in sorted(d["data_source_schemas"].items()) if pattern.match(t)},
}
json.dump(out, open(sys.argv[2], "w"), sort_keys=True, indent=1)
open(sys.argv[2], "a").write("\n")
PY
echo "wrote stacks/hcl/block-schema.json"
