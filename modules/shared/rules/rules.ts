/**
 * Validation rules, written once and used twice: `check` validates a config value in TypeScript, `condition`
 * emits the same rule as a Terraform `validation` condition on a module variable. Regular expressions are kept to
 * the RE2 subset that Terraform's `regex()` understands (no look-around, no back-references).
 */
export interface Rule {
  /** The rule in words, completing "must …"; used in both error messages. */
  readonly must: string;
  readonly check: (value: unknown) => boolean;
  /** Terraform condition for a non-null value referenced by `ref` (e.g. `var.bucket_name`). */
  readonly condition: (ref: string) => string;
  /** The same rule as a JSON Schema fragment, so editors flag the value while it is typed. */
  readonly jsonSchema: Record<string, unknown>;
}

const hclString = (s: string): string => JSON.stringify(s).replace(/\$\{/g, () => "$${").replace(/%\{/g, () => "%%{");

/** A string matching a regular expression (RE2 syntax, anchored by the caller). */
export function matches(pattern: string, must: string): Rule {
  const re = new RegExp(pattern);
  return {
    must,
    check: (v) => typeof v === "string" && re.test(v),
    condition: (ref) => `can(regex(${hclString(pattern)}, ${ref}))`,
    jsonSchema: { pattern },
  };
}

/** A string that must not match a regular expression. */
export function notMatches(pattern: string, must: string): Rule {
  const re = new RegExp(pattern);
  return {
    must,
    check: (v) => typeof v === "string" && !re.test(v),
    condition: (ref) => `!can(regex(${hclString(pattern)}, ${ref}))`,
    jsonSchema: { not: { pattern } },
  };
}

export function lengthBetween(min: number, max: number): Rule {
  return {
    must: `be ${min} to ${max} characters long`,
    check: (v) => typeof v === "string" && v.length >= min && v.length <= max,
    condition: (ref) => `length(${ref}) >= ${min} && length(${ref}) <= ${max}`,
    jsonSchema: { minLength: min, maxLength: max },
  };
}

export function oneOf(values: readonly string[]): Rule {
  return {
    must: `be one of ${values.join(", ")}`,
    check: (v) => typeof v === "string" && values.includes(v),
    condition: (ref) => `contains([${values.map(hclString).join(", ")}], ${ref})`,
    jsonSchema: { enum: [...values] },
  };
}

export function integerBetween(min: number, max: number): Rule {
  return {
    must: `be a whole number from ${min} to ${max}`,
    check: (v) => typeof v === "number" && Number.isInteger(v) && v >= min && v <= max,
    condition: (ref) => `floor(${ref}) == ${ref} && ${ref} >= ${min} && ${ref} <= ${max}`,
    jsonSchema: { type: "integer", minimum: min, maximum: max },
  };
}

/** Named rule sets for each kind of value orgtrail accepts. */
export const RULES = {
  accountId: [matches("^[0-9]{12}$", "be a 12-digit AWS account ID")],
  organizationId: [matches("^o-[a-z0-9]{10,32}$", "be an AWS Organizations ID: o- followed by 10 to 32 lowercase letters or digits")],
  region: [matches("^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]{1,2}$", "be an AWS region name such as us-east-1")],
  partition: [oneOf(["aws", "aws-cn", "aws-us-gov"])],
  bucketName: [
    lengthBetween(3, 63),
    matches("^[a-z0-9][a-z0-9.-]*[a-z0-9]$", "contain only lowercase letters, digits, dots and hyphens, and begin and end with a letter or digit"),
    notMatches("\\.\\.|\\.-|-\\.", "not contain two adjacent periods or a period next to a hyphen"),
    notMatches("^[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+$", "not be formatted as an IP address"),
    notMatches("^(xn--|sthree-|amzn-s3-demo-)", "not begin with the reserved prefixes xn--, sthree- or amzn-s3-demo-"),
    notMatches("(-s3alias|--ol-s3|\\.mrap|--x-s3|--table-s3)$", "not end with the reserved suffixes -s3alias, --ol-s3, .mrap, --x-s3 or --table-s3"),
  ],
  trailName: [
    lengthBetween(3, 128),
    matches("^[A-Za-z0-9][A-Za-z0-9._-]*$", "contain only letters, digits, periods, underscores and hyphens, and begin with a letter or digit"),
    matches("[A-Za-z0-9]$", "end with a letter or digit"),
    notMatches("[._-][._-]", "not contain adjacent punctuation such as .., _. or -_"),
    notMatches("^[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+$", "not be formatted as an IP address"),
  ],
  keyPrefix: [
    lengthBetween(1, 200),
    // No `*`: in the policies' resource ARNs and s3:prefix conditions it would be a wildcard, not a character.
    matches("^[A-Za-z0-9!_.'()/-]+$", "contain only letters, digits and the characters ! _ . ' ( ) / -"),
    notMatches("^/|/$", "not begin or end with a slash"),
    notMatches("//", "not contain an empty path segment (//)"),
    notMatches("(^|/)AWSLogs(/|$)", "not contain the AWSLogs folder, which CloudTrail adds itself"),
  ],
  kmsAlias: [
    lengthBetween(7, 256),
    matches("^alias/[A-Za-z0-9/_-]+$", "begin with alias/ followed by letters, digits, slashes, underscores or hyphens"),
    notMatches("^alias/aws/", "not begin with alias/aws/, which AWS reserves for AWS managed keys"),
  ],
  kmsKeyArn: [
    matches("^arn:aws(-cn|-us-gov)?:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$", "be a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<key-id>); aliases and the AWS managed aws/s3 key cannot be shared across accounts"),
  ],
  principalArnPattern: [
    lengthBetween(20, 2048),
    matches("^arn:aws(-cn|-us-gov)?:(iam|sts)::[0-9*]+:[A-Za-z0-9+=,.@_/*?-]+$", "be an IAM or STS ARN pattern such as arn:aws:iam::*:role/LogReader*"),
  ],
  tagKey: [
    lengthBetween(1, 128),
    matches("^[A-Za-z0-9 _.:/=+@-]+$", "contain only letters, digits, spaces and _ . : / = + - @"),
    notMatches("^[aA][wW][sS]:", "not begin with aws:, which AWS reserves for its own tags"),
  ],
  tagValue: [lengthBetween(0, 256), matches("^[A-Za-z0-9 _.:/=+@-]*$", "contain only letters, digits, spaces and _ . : / = + - @")],
  objectOwnership: [oneOf(["BucketOwnerEnforced", "BucketOwnerPreferred"])],
  objectLockMode: [oneOf(["GOVERNANCE", "COMPLIANCE"])],
  storageClass: [oneOf(["STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"])],
  days: [integerBetween(1, 36500)],
  deletionWindowDays: [integerBetween(7, 30)],
  // Access roles and guardrails (memberRoles, thirdPartyReaders, trailGuardrail use these sets).
  externalId: [lengthBetween(2, 1224), matches("^[A-Za-z0-9_+=,.@:/-]+$", "contain only letters, digits and _ + = , . @ : / -")],
  roleName: [lengthBetween(1, 64), matches("^[A-Za-z0-9_+=,.@-]+$", "contain only letters, digits and _ + = , . @ -")],
  sessionDurationSeconds: [integerBetween(3600, 43200)],
  policyTargetId: [
    matches("^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|[0-9]{12})$", "be an organization root ID (r-…), an OU ID (ou-…-…) or a 12-digit account ID"),
  ],
} as const satisfies Record<string, readonly Rule[]>;

export type RuleName = keyof typeof RULES;

/** Regions AWS had launched in the aws, aws-cn and aws-us-gov partitions when this list was written. */
export const KNOWN_REGIONS = [
  "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2",
  "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
  "ca-central-1", "ca-west-1", "cn-north-1", "cn-northwest-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1",
  "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1",
  "sa-east-1", "us-east-1", "us-east-2", "us-gov-east-1", "us-gov-west-1", "us-west-1", "us-west-2",
] as const;

/**
 * Advice: rules whose breach is reported as a warning and fails nothing (the `must` text completes "should …").
 * Kept as rules so that a module could emit them as `check` blocks, and tested in both engines like RULES.
 */
export const ADVICE = {
  bucketName: [
    notMatches(
      "\\.",
      "not contain periods: HTTPS to the virtual-hosted endpoint of a dotted name fails certificate validation, and Transfer Acceleration is unavailable; AWS recommends hyphens",
    ),
  ],
  region: [matches(`^(${KNOWN_REGIONS.join("|")})$`, "be a region AWS has launched; check the spelling (orgtrail's list may lack a region launched after it was written)")],
} as const satisfies Record<string, readonly Rule[]>;

export type AdviceName = keyof typeof ADVICE;

/** A rule set as one JSON Schema fragment (every rule must hold). */
export function jsonSchemaOf(rules: readonly Rule[]): Record<string, unknown> {
  return rules.length === 1 ? { ...rules[0].jsonSchema } : { allOf: rules.map((r) => r.jsonSchema) };
}

/** Whether `value` meets every rule of a set: cross-field rules only judge values that are valid on their own. */
export const follows = (name: RuleName, value: unknown): boolean => RULES[name].every((r) => r.check(value));

/** Every rule of a set that `value` breaks. */
export function broken(rules: readonly Rule[], value: unknown): Rule[] {
  return rules.filter((r) => !r.check(value));
}
