import { README_EXAMPLE } from "../../config/example";
import { parseConfig } from "../../config/load";
import type { Config } from "../../config/schema";
import { measure, type NamedPolicy, type SizeReport } from "./limits";

/**
 * What the access modules' READMEs share. Their usage snippets and policy sizes come from one example, README_EXAMPLE
 * (config/example.ts), so the sizes are measured at exactly the values the snippets show.
 */
export const example = () => parseConfig(README_EXAMPLE, "embedded access example");

/** The sizes of a concept's policies at the example values. */
export const sizesAtExample = (policiesOf: (c: Config) => NamedPolicy[]): SizeReport[] => policiesOf(example()).map((p) => measure(p.name, p.document, p.kind));

export const CKV_AWS_61 =
  "checkov's CKV_AWS_61 fails every trust policy whose principal is an account root, whatever its conditions. These roles are `:root` trusts by design, as AWS documents for sharing logs: `:root` trusts the account (whose administrators decide who may call `sts:AssumeRole`), never its root user. Waive the check for this folder only (`checkov --skip-check CKV_AWS_61`; checkov cannot read comments in `*.tf.json`).";

export const KMS_NOTE =
  "Keep `kms_key_arn` null to keep the policy readable in `terraform plan` (it then names the log-archive account's keys in the home region, still only through S3 and under CloudTrail's encryption context); the log-archive module's `kms_key_arn` output is known only once the key exists.";

