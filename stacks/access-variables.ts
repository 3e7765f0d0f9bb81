import { RULES, type Rule, type RuleName } from "../modules/shared/rules/rules";
import { ACCESS_DEFAULTS } from "../config/access-schema";
import { DEFAULTS } from "../config/schema";
import type { VariableSpec } from "../modules/shared/variables";

/**
 * Variables of the access modules. Map-of-object inputs are validated field by field with the same shared rules
 * as the config (`config/rules.ts`), lifted over every entry.
 */

type Entries = Record<string, Record<string, unknown>>;
const entries = (v: unknown): [string, Record<string, unknown>][] => (v && typeof v === "object" ? Object.entries(v as Entries) : []);

/** A rule for module variables only (Terraform validation and its TypeScript twin); not part of the config schema. */
const variableRule = (r: Pick<Rule, "must" | "check" | "condition">): Rule => r as Rule;

/** Every key of a map meets the rule set. */
function keysMeet(name: RuleName, what: string): Rule[] {
  return RULES[name].map((r) => variableRule({
    must: `have keys that are ${what} (each must ${r.must})`,
    check: (v) => entries(v).every(([k]) => r.check(k)),
    condition: (ref) => `alltrue([for k in keys(${ref}) : try(${r.condition("k")}, false)])`,
  }));
}

/** A field of every entry meets the rule set; `nullable` lets it be null, `list` applies the rules to each element. */
function fieldMeets(field: string, name: RuleName, opts: { nullable?: boolean; list?: boolean } = {}): Rule[] {
  return RULES[name].map((r) => {
    const one = opts.list
      ? (x: string) => `try(alltrue([for a in ${x} : try(${r.condition("a")}, false)]), false)`
      : (x: string) => `try(${r.condition(x)}, false)`;
    // Terraform's || evaluates both sides: the right one must not fail on null.
    const cond = (x: string) => (opts.nullable ? `${x} == null || ${one(x)}` : one(x));
    const check = (x: unknown) => (opts.nullable && (x === null || x === undefined)) || (opts.list ? Array.isArray(x) && x.every(r.check) : r.check(x));
    return variableRule({
      must: `have a valid ${field} in every entry (${opts.list ? "each element" : "each"} must ${r.must})`,
      check: (v) => entries(v).every(([, e]) => check(e[field])),
      condition: (ref) => `alltrue([for e in values(${ref}) : ${cond(`e.${field}`)}])`,
    });
  });
}

const notEmpty = variableRule({ must: "not be empty", check: (v) => Array.isArray(v) && v.length > 0, condition: (ref) => `length(${ref}) > 0` });

const TAGS: VariableSpec = { name: "tags", type: "map(string)", default: {}, description: "Tags for every resource this module creates." };
const PARTITION: VariableSpec = { name: "partition", type: "string", default: DEFAULTS.partition, rules: "partition", description: "AWS partition of every ARN." };
const MANAGEMENT: VariableSpec = { name: "management_account_id", type: "string", rules: "accountId", description: "Management account ID: owner of the organization trail." };
const HOME_REGION: VariableSpec = { name: "trail_home_region", type: "string", rules: "region", description: "Home region of the organization trail, the bucket and the key." };
const TRAIL_NAME: VariableSpec = { name: "trail_name", type: "string", rules: "trailName", description: "Name of the organization trail." };

/** Where the logs are and how they are encrypted: what every reader policy is built from. */
const LOG_LOCATION: readonly VariableSpec[] = [
  PARTITION,
  { name: "organization_id", type: "string", rules: "organizationId", description: "AWS Organizations ID (o-xxxxxxxxxx): the folder AWSLogs/<organization_id>/ the trail writes to." },
  MANAGEMENT,
  { name: "log_archive_account_id", type: "string", rules: "accountId", description: "Account that owns the log archive bucket and key (the provider's account for reader roles)." },
  HOME_REGION,
  { name: "bucket_name", type: "string", rules: "bucketName", description: "Log archive bucket (the log-archive module's bucket_name output)." },
  { name: "s3_key_prefix", type: "string", default: null, rules: "keyPrefix", description: "S3 key prefix before AWSLogs/, the same as the trail's; null for none." },
  {
    name: "kms_key_arn",
    type: "string",
    default: null,
    rules: "kmsKeyArn",
    description: "The trail key's ARN; null allows decrypting with any key of the log-archive account in the home region (still only through S3 and under CloudTrail's encryption context), which keeps the policy known at plan time.",
  },
];

export const MEMBER_READER_ROLES_VARIABLES: readonly VariableSpec[] = [
  ...LOG_LOCATION,
  {
    name: "member_roles",
    type: "map(object({ role_name = optional(string), require_mfa = optional(bool, false), max_session_duration_seconds = optional(number, 3600) }))",
    default: {},
    rules: [...keysMeet("accountId", "member account IDs"), ...fieldMeets("role_name", "roleName", { nullable: true }), ...fieldMeets("max_session_duration_seconds", "sessionDurationSeconds")],
    description: `Reader roles by member account ID. role_name defaults to ${ACCESS_DEFAULTS.memberRoleNamePrefix}<account-id>; require_mfa makes AssumeRole require MFA; max_session_duration_seconds is 3600 to 43200.`,
  },
  TAGS,
];

export const THIRD_PARTY_READERS_VARIABLES: readonly VariableSpec[] = [
  ...LOG_LOCATION,
  {
    name: "third_party_readers",
    type: "map(object({ account_id = string, external_id = string, require_mfa = optional(bool, false), accounts = optional(list(string)) }))",
    default: {},
    rules: [
      ...keysMeet("roleName", "IAM role names"),
      ...fieldMeets("account_id", "accountId"),
      ...fieldMeets("external_id", "externalId"),
      ...fieldMeets("accounts", "accountId", { nullable: true, list: true }),
    ],
    description: "Third-party reader roles by role name: the third party's account_id, the external_id it issued, optional require_mfa, and accounts (member account IDs it may read; null for every account).",
  },
  TAGS,
];

export const CLOUDTRAIL_USER_POLICIES_VARIABLES: readonly VariableSpec[] = [
  ...LOG_LOCATION.filter((v) => v.name !== "organization_id"),
  TRAIL_NAME,
  { name: "create_read_only_policy", type: "bool", default: true, description: "Create OrgTrailCloudTrailReadOnly: describe trails, get status, look up events, read log files." },
  { name: "create_administration_policy", type: "bool", default: true, description: "Create OrgTrailCloudTrailAdministration: administer this account's trails (no bucket or topic administration)." },
  { name: "create_protect_trail_policy", type: "bool", default: true, description: "Create OrgTrailProtectOrganizationTrail: deny stopping, starting, deleting, updating the organization trail and changing its selectors." },
  TAGS,
];

export const TRAIL_GUARDRAIL_VARIABLES: readonly VariableSpec[] = [
  PARTITION,
  MANAGEMENT,
  HOME_REGION,
  TRAIL_NAME,
  { name: "target_ids", type: "list(string)", rules: [notEmpty], elementRules: "policyTargetId", description: "Root (r-xxxx), OU (ou-xxxx-xxxxxxxx) or account IDs the SCP is attached to; an SCP never applies to the management account." },
  { name: "break_glass_role_name", type: "string", default: null, rules: "roleName", description: "Roles of this name, in any account, are exempt from the SCP; null for no exemption." },
  TAGS,
];
