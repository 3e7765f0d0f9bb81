import { lengthBetween, matches, notMatches, oneOf, type Rule } from "./rules";

/**
 * Rules for the settings that operate the trail (CloudWatch Logs, SNS, event selectors, Insights, deployment).
 * Like `RULES`, each is used by the config check and emitted as a module variable's `validation` condition.
 */

/** CloudWatch Logs accepts only these retention periods (PutRetentionPolicy). */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

/** The management event sources CloudTrail lets a trail exclude (high-volume KMS and RDS Data API events). */
export const EXCLUDABLE_EVENT_SOURCES = ["kms.amazonaws.com", "rdsdata.amazonaws.com"] as const;

export const READ_WRITE_TYPES = ["All", "ReadOnly", "WriteOnly"] as const;
export const INSIGHT_TYPES = ["ApiCallRateInsight", "ApiErrorRateInsight"] as const;

/** One of a fixed set of numbers. */
export function numberOneOf(values: readonly number[]): Rule {
  return {
    must: `be one of ${values.join(", ")}`,
    check: (v) => typeof v === "number" && values.includes(v),
    condition: (ref) => `contains([${values.join(", ")}], ${ref})`,
    jsonSchema: { enum: [...values] },
  };
}

/** A rule applied to every element of a list (or to a field of every element). */
export function eachElement(rule: Rule, field?: string): Rule {
  const pick = (x: unknown) => (field ? (x as Record<string, unknown> | null)?.[field] : x);
  return {
    must: field ? `have every element's ${field} ${rule.must}` : `have every element ${rule.must}`,
    check: (v) => Array.isArray(v) && v.every((x) => rule.check(pick(x))),
    condition: (ref) => `alltrue([for x in ${ref} : ${rule.condition(field ? `x.${field}` : "x")}])`,
    jsonSchema: { type: "array", items: field ? { properties: { [field]: rule.jsonSchema } } : rule.jsonSchema },
  };
}

/** A rule applied to an optional field of every element of a list: null passes. */
export function eachOptionalField(rule: Rule, field: string): Rule {
  return {
    must: `have every element's ${field}, when set, ${rule.must}`,
    check: (v) => Array.isArray(v) && v.every((x) => x?.[field] === undefined || x?.[field] === null || rule.check(x[field])),
    condition: (ref) => `alltrue([for x in ${ref} : x.${field} == null ? true : ${rule.condition(`x.${field}`)}])`,
    jsonSchema: { type: "array", items: { properties: { [field]: { anyOf: [{ type: "null" }, rule.jsonSchema] } } } },
  };
}

/** A list without repeated values (Terraform sets would silently merge them; AWS rejects some). */
export const distinct: Rule = {
  must: "not repeat a value",
  check: (v) => Array.isArray(v) && new Set(v.map((x) => JSON.stringify(x))).size === v.length,
  condition: (ref) => `length(distinct(${ref})) == length(${ref})`,
  jsonSchema: { type: "array", uniqueItems: true },
};

export const OPERATIONS_RULES = {
  logGroupName: [lengthBetween(1, 512), matches("^[A-Za-z0-9._/#-]+$", "contain only letters, digits and the characters . _ - / #")],
  logRetentionDays: [numberOneOf(LOG_RETENTION_DAYS)],
  iamRoleName: [lengthBetween(1, 64), matches("^[A-Za-z0-9+=,.@_-]+$", "contain only letters, digits and the characters + = , . @ _ -")],
  snsTopicName: [lengthBetween(1, 256), matches("^[A-Za-z0-9_-]+$", "contain only letters, digits, hyphens and underscores")],
  readWriteType: [oneOf(READ_WRITE_TYPES)],
  excludableEventSource: [oneOf(EXCLUDABLE_EVENT_SOURCES)],
  insightType: [oneOf(INSIGHT_TYPES)],
  dataEventPrefix: [
    lengthBetween(1, 1024),
    notMatches("^/", "not begin with a slash (it follows the bucket name and its slash)"),
    notMatches("[*?]", "not contain wildcards: CloudTrail matches the ARN prefix literally"),
  ],
  lambdaFunctionArn: [
    matches(
      "^arn:aws(-cn|-us-gov)?:lambda:[a-z0-9-]+:[0-9]{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]{1,128})?$",
      "be a Lambda function ARN (arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>])",
    ),
  ],
  iamRoleArn: [matches("^arn:aws(-cn|-us-gov)?:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}$", "be an IAM role ARN (arn:<partition>:iam::<account>:role/<name>)")],
  externalId: [lengthBetween(2, 1224), matches("^[A-Za-z0-9+=,.@:/_-]+$", "contain only letters, digits and the characters + = , . @ : / _ -")],
  sessionName: [lengthBetween(2, 64), matches("^[A-Za-z0-9+=,.@_-]+$", "contain only letters, digits and the characters + = , . @ _ -")],
  profileName: [lengthBetween(1, 128), matches("^[A-Za-z0-9_.@+-]+$", "contain only letters, digits and the characters _ . @ + -")],
  logGroupArn: [matches("^arn:aws(-cn|-us-gov)?:logs:[a-z0-9-]+:[0-9]{12}:log-group:[A-Za-z0-9._/#-]{1,512}$", "be a log group ARN without the :* suffix (arn:<partition>:logs:<region>:<account>:log-group:<name>)")],
  snsTopicArn: [matches("^arn:aws(-cn|-us-gov)?:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$", "be an SNS topic ARN (arn:<partition>:sns:<region>:<account>:<name>)")],
  stateKey: [lengthBetween(1, 1024), notMatches("^/", "not begin with a slash"), matches("^[A-Za-z0-9!_.*'()/=-]+$", "contain only letters, digits and the characters ! _ . * ' ( ) / = -")],
} as const satisfies Record<string, readonly Rule[]>;

export type OperationsRuleName = keyof typeof OPERATIONS_RULES;
