import { Construct, KmsAlias, KmsKey, type TerraformProvider } from "../shared/facade";
import { trailKeyPolicy } from "./key-policy";
import type { KeyPolicyIntent } from "./key-policy";
import { renderPolicy } from "../shared/hcl";
import { addSizePrecondition } from "../shared/size-precondition";
import { attributeOf, optional, preventDestroy, ref, tag, type Tags } from "../shared/resources";
import { fromTemplate, ifElse, toTemplate, type Value } from "../shared/value";
import { fixedId } from "../shared/logical-id";

export interface TrailKeyProps extends KeyPolicyIntent {
  /** Create the key (true), bring an existing one (false), or decide at plan time (an expression). */
  readonly create: Value<boolean>;
  /** ARN of the existing key when `create` is false or decided false at plan time. */
  readonly existingKeyArn?: string;
  /** @default alias/orgtrail-cloudtrail */
  readonly aliasName: string;
  /** @default 30 */
  readonly deletionWindowDays: number;
  readonly tags?: Tags;
  readonly provider?: TerraformProvider;
}

/**
 * The customer managed key that encrypts the trail's log files: rotation on, a policy that lets CloudTrail encrypt
 * for this trail only and members decrypt through S3, and an alias. Or an existing key, whose policy must then
 * carry the same statements (docs: "Bringing your own key").
 */
export class TrailKey extends Construct {
  readonly key?: KmsKey;
  /** The key ARN, created or brought. */
  readonly keyArn: string;

  constructor(scope: Construct, name: string, props: TrailKeyProps) {
    super(scope, name);
    this.key = optional(props.create, () => {
      const policy = renderPolicy(trailKeyPolicy(props));
      const key = new KmsKey(this, "key", {
        description: `orgtrail: encrypts CloudTrail logs of organization trail ${props.trailName}`,
        enableKeyRotation: true,
        deletionWindowInDays: props.deletionWindowDays,
        policy,
        provider: props.provider,
      });
      addSizePrecondition(key, { attribute: "policy", localName: "cloudtrail_key_policy", name: "trail KMS key policy", kind: "keyPolicy", policy });
      fixedId(key, "cloudtrail");
      // Destroying the key schedules it for deletion: every log file it encrypted would become unreadable.
      preventDestroy(key);
      tag(key, props.tags);
      return key;
    });
    if (this.key) {
      const alias = optional(props.create, () => new KmsAlias(this, "alias", { name: props.aliasName, targetKeyId: ref(this.key!, "key_id"), provider: props.provider }))!;
      fixedId(alias, "cloudtrail");
    }
    const created = this.key && attributeOf(this.key, "arn");
    const brought = props.existingKeyArn === undefined ? undefined : fromTemplate(props.existingKeyArn);
    const keyArn = ifElse(props.create, created, brought);
    if (keyArn === undefined) throw new Error("TrailKey: existingKeyArn is required unless the key is created");
    this.keyArn = toTemplate(keyArn);
  }
}
