import { EXCLUDABLE_EVENT_SOURCES, INSIGHT_TYPES, KNOWN_REGIONS, LOG_RETENTION_DAYS, READ_WRITE_TYPES } from "./aws-values";
import { integerBetween, lengthBetween, matches, notMatches, numberOneOf, oneOf, type FieldRule } from "./rule";

/**
 * A named set of rules for one kind of value, and the document they come from (AWS documents are named as they are
 * titled, so they can be looked up). Every rule must hold; advice (`advice: true`) is reported as a warning
 * ("should …"), fails nothing and stays out of the JSON Schema.
 */
export interface RuleSet {
  readonly rules: readonly FieldRule[];
  readonly source: string;
  readonly advice?: true;
}

/**
 * The field rules: every kind of value orgtrail accepts, each rule set written once. The config checks a field with
 * `ruled(name)` (zod), the modules emit the same set as their variables' `validation` blocks, the JSON Schema carries
 * it, and `orgtrail rules` lists it with its source.
 */
export const FIELD_RULES = {
  accountId: {
    rules: [matches("^[0-9]{12}$", "be a 12-digit AWS account ID")],
    source: "AWS Account Management Reference Guide, 'View AWS account identifiers': the account ID is a 12-digit number",
  },
  organizationId: {
    rules: [matches("^o-[a-z0-9]{10,32}$", "be an AWS Organizations ID: o- followed by 10 to 32 lowercase letters or digits")],
    source: "AWS Organizations API Reference, 'Organization' data type: Id pattern ^o-[a-z0-9]{10,32}$",
  },
  region: {
    rules: [matches("^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]{1,2}$", "be an AWS region name such as us-east-1")],
    source: "AWS General Reference, 'AWS Regions and endpoints': region codes such as us-east-1, us-gov-west-1, cn-north-1",
  },
  partition: {
    rules: [oneOf(["aws", "aws-cn", "aws-us-gov"])],
    source: "AWS General Reference, 'Amazon Resource Names (ARNs)': partitions aws, aws-cn, aws-us-gov (the ISO partitions are not supported)",
  },
  bucketName: {
    rules: [
      lengthBetween(3, 63),
      matches("^[a-z0-9][a-z0-9.-]*[a-z0-9]$", "contain only lowercase letters, digits, dots and hyphens, and begin and end with a letter or digit"),
      notMatches("\\.\\.|\\.-|-\\.", "not contain two adjacent periods or a period next to a hyphen"),
      notMatches("^[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+$", "not be formatted as an IP address"),
      notMatches("^(xn--|sthree-|amzn-s3-demo-)", "not begin with the reserved prefixes xn--, sthree- or amzn-s3-demo-"),
      notMatches("(-s3alias|--ol-s3|\\.mrap|--x-s3|--table-s3)$", "not end with the reserved suffixes -s3alias, --ol-s3, .mrap, --x-s3 or --table-s3"),
    ],
    source:
      "Amazon S3 User Guide, 'General purpose bucket naming rules': length, characters, first/last character, no '..', not an IP address, reserved prefixes and suffixes; '.-'/'-.' from the DNS label rules the same guide requires for virtual-hosted-style access",
  },
  trailName: {
    rules: [
      lengthBetween(3, 128),
      matches("^[A-Za-z0-9][A-Za-z0-9._-]*$", "contain only letters, digits, periods, underscores and hyphens, and begin with a letter or digit"),
      matches("[A-Za-z0-9]$", "end with a letter or digit"),
      notMatches("[._-][._-]", "not contain adjacent punctuation such as .., _. or -_"),
      notMatches("^[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+$", "not be formatted as an IP address"),
    ],
    source: "AWS CloudTrail API Reference, 'CreateTrail', Name: 3-128 characters, letters, digits, '.', '_', '-', begin and end with a letter or digit, no adjacent '.', '_', '-', not an IP address",
  },
  keyPrefix: {
    rules: [
      lengthBetween(1, 200),
      // No `*`: in the policies' resource ARNs and s3:prefix conditions it would be a wildcard, not a character.
      matches("^[A-Za-z0-9!_.'()/-]+$", "contain only letters, digits and the characters ! _ . ' ( ) / -"),
      notMatches("^/|/$", "not begin or end with a slash"),
      notMatches("//", "not contain an empty path segment (//)"),
      notMatches("(^|/)AWSLogs(/|$)", "not contain the AWSLogs folder, which CloudTrail adds itself"),
    ],
    source:
      "AWS CloudTrail API Reference, 'CreateTrail', S3KeyPrefix: at most 200 characters; Amazon S3 User Guide, 'Naming Amazon S3 objects': safe characters; AWS CloudTrail User Guide, 'Finding your CloudTrail log files': CloudTrail adds '/AWSLogs/' itself",
  },
  previousKeyPrefix: {
    rules: [
      lengthBetween(0, 200),
      matches("^[A-Za-z0-9!_.'()/-]*$", "contain only letters, digits and the characters ! _ . ' ( ) / -"),
      notMatches("^/|/$", "not begin or end with a slash"),
      notMatches("//", "not contain an empty path segment (//)"),
      notMatches("(^|/)AWSLogs(/|$)", "not contain the AWSLogs folder, which CloudTrail adds itself"),
    ],
    source: "As keyPrefix (a prefix the trail wrote to before), or the empty string for files written with no prefix (directly under AWSLogs/)",
  },
  kmsAlias: {
    rules: [
      lengthBetween(7, 256),
      matches("^alias/[A-Za-z0-9/_-]+$", "begin with alias/ followed by letters, digits, slashes, underscores or hyphens"),
      notMatches("^alias/aws/", "not begin with alias/aws/, which AWS reserves for AWS managed keys"),
    ],
    source: "AWS KMS API Reference, 'CreateAlias', AliasName: 1-256 characters, ^alias/[a-zA-Z0-9/_-]+$, the alias/aws/ prefix is reserved for AWS managed keys",
  },
  kmsKeyArn: {
    rules: [
      matches("^arn:aws(-cn|-us-gov)?:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$", "be a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<key-id>); aliases and the AWS managed aws/s3 key cannot be shared across accounts"),
    ],
    source:
      "AWS KMS Developer Guide, 'Key identifiers (KeyId)': key ARN format; AWS CloudTrail User Guide, 'Configure AWS KMS key policies for CloudTrail': a customer managed key (aws/s3 cannot be shared across accounts)",
  },
  principalArnPattern: {
    rules: [
      lengthBetween(20, 2048),
      matches("^arn:aws(-cn|-us-gov)?:(iam|sts)::[0-9*]+:[A-Za-z0-9+=,.@_/*?-]+$", "be an IAM or STS ARN pattern such as arn:aws:iam::*:role/LogReader*"),
      // A role session's aws:PrincipalArn is the role's ARN: an assumed-role pattern matches no request at all.
      notMatches(
        "^arn:[^:]*:sts::[^:]*:assumed-role/",
        "name the role (arn:<partition>:iam::<account>:role/<name>), not its sessions: aws:PrincipalArn of a role session is the role's ARN, so an sts assumed-role pattern never matches and every member read would be denied",
      ),
    ],
    source: "IAM User Guide, 'IAM identifiers' (ARN formats) and 'AWS global condition context keys', aws:PrincipalArn (for a role session: the role's ARN)",
  },
  exemptPrincipalArn: {
    rules: [
      lengthBetween(20, 600),
      matches(
        "^arn:aws(-cn|-us-gov)?:iam::[0-9]{12}:role/(([A-Za-z0-9+=,.@_-]+/)+[*]|([A-Za-z0-9+=,.@_-]+/)*[A-Za-z0-9+=,.@_-]{1,64})$",
        "be the full ARN of a role in one account (arn:<partition>:iam::<account>:role/<path/><name>); a wildcard only as the whole name after a path you name (…:role/break-glass/*), never in the account, the path or the name",
      ),
    ],
    source:
      "IAM User Guide, 'IAM identifiers' (role ARN with path, name 1-64 characters of [\\w+=,.@-]) and 'AWS global condition context keys', aws:PrincipalArn; orgtrail: an exemption anyone in a targeted account could match by creating a role is no exemption",
  },
  tagKey: {
    rules: [
      lengthBetween(1, 128),
      matches("^[A-Za-z0-9 _.:/=+@-]+$", "contain only letters, digits, spaces and _ . : / = + - @"),
      notMatches("^[aA][wW][sS]:", "not begin with aws:, which AWS reserves for its own tags"),
    ],
    source: "Tagging AWS Resources User Guide, 'Tag naming limits and requirements': key 1-128 characters, letters, digits, spaces and _ . : / = + - @, the aws: prefix is reserved",
  },
  tagValue: {
    rules: [lengthBetween(0, 256), matches("^[A-Za-z0-9 _.:/=+@-]*$", "contain only letters, digits, spaces and _ . : / = + - @")],
    source: "Tagging AWS Resources User Guide, 'Tag naming limits and requirements': value 0-256 characters, letters, digits, spaces and _ . : / = + - @",
  },
  objectOwnership: {
    rules: [oneOf(["BucketOwnerEnforced", "BucketOwnerPreferred"])],
    source: "Amazon S3 API Reference, 'OwnershipControlsRule', ObjectOwnership (ObjectWriter is left out: it keeps ACLs, which orgtrail never relies on)",
  },
  objectLockMode: {
    rules: [oneOf(["GOVERNANCE", "COMPLIANCE"])],
    source: "Amazon S3 API Reference, 'DefaultRetention', Mode: GOVERNANCE or COMPLIANCE",
  },
  storageClass: {
    rules: [oneOf(["STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"])],
    source: "Amazon S3 API Reference, 'Transition', StorageClass (STANDARD is left out: moving there is no transition)",
  },
  days: {
    rules: [integerBetween(1, 36500)],
    source: "Amazon S3 API Reference, 'LifecycleExpiration' / 'Transition' / 'DefaultRetention', Days: a positive whole number; orgtrail's upper bound of 36,500 (100 years) catches typos",
  },
  deletionWindowDays: {
    rules: [integerBetween(7, 30)],
    source: "AWS KMS API Reference, 'ScheduleKeyDeletion', PendingWindowInDays: 7-30",
  },
  externalId: {
    rules: [lengthBetween(2, 1224), matches("^[A-Za-z0-9_+=,.@:/-]+$", "contain only letters, digits and _ + = , . @ : / -")],
    source: "AWS STS API Reference, 'AssumeRole', ExternalId: 2-1,224 characters matching [\\w+=,.@:/-]",
  },
  roleName: {
    rules: [lengthBetween(1, 64), matches("^[A-Za-z0-9_+=,.@-]+$", "contain only letters, digits and _ + = , . @ -")],
    source: "IAM API Reference, 'CreateRole', RoleName: 1-64 characters matching [\\w+=,.@-]",
  },
  sessionDurationSeconds: {
    rules: [integerBetween(3600, 43200)],
    source: "IAM API Reference, 'CreateRole', MaxSessionDuration: 3,600-43,200 seconds",
  },
  policyTargetId: {
    rules: [matches("^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|[0-9]{12})$", "be an organization root ID (r-…), an OU ID (ou-…-…) or a 12-digit account ID")],
    source: "AWS Organizations API Reference, 'AttachPolicy', TargetId: a root (r-…), an OU (ou-…-…) or an account ID",
  },

  // The settings that operate the trail: CloudWatch Logs, SNS, event selectors, Insights, deployment.
  logGroupName: {
    rules: [lengthBetween(1, 512), matches("^[A-Za-z0-9._/#-]+$", "contain only letters, digits and the characters . _ - / #")],
    source: "Amazon CloudWatch Logs API Reference, 'CreateLogGroup', logGroupName: 1-512 characters of [.-_/#A-Za-z0-9]",
  },
  logRetentionDays: {
    rules: [numberOneOf(LOG_RETENTION_DAYS)],
    source: "Amazon CloudWatch Logs API Reference, 'PutRetentionPolicy', retentionInDays: one of the listed values",
  },
  snsTopicName: {
    rules: [lengthBetween(1, 256), matches("^[A-Za-z0-9_-]+$", "contain only letters, digits, hyphens and underscores")],
    source: "Amazon SNS API Reference, 'CreateTopic', Name: 1-256 letters, digits, hyphens and underscores",
  },
  readWriteType: {
    rules: [oneOf(READ_WRITE_TYPES)],
    source: "AWS CloudTrail API Reference, 'EventSelector', ReadWriteType: All, ReadOnly, WriteOnly",
  },
  excludableEventSource: {
    rules: [oneOf(EXCLUDABLE_EVENT_SOURCES)],
    source: "AWS CloudTrail User Guide, 'Logging management events': AWS KMS and Amazon RDS Data API events can be excluded",
  },
  insightType: {
    rules: [oneOf(INSIGHT_TYPES)],
    source: "AWS CloudTrail API Reference, 'InsightSelector', InsightType: ApiCallRateInsight, ApiErrorRateInsight",
  },
  dataEventPrefix: {
    rules: [
      lengthBetween(1, 1024),
      notMatches("^/", "not begin with a slash (it follows the bucket name and its slash)"),
      notMatches("[*?]", "not contain wildcards: CloudTrail matches the ARN prefix literally"),
    ],
    source: "AWS CloudTrail API Reference, 'AdvancedFieldSelector', StartsWith: matched as a literal ARN prefix (no wildcards)",
  },
  lambdaFunctionArn: {
    rules: [
      matches(
        "^arn:aws(-cn|-us-gov)?:lambda:[a-z0-9-]+:[0-9]{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]{1,128})?$",
        "be a Lambda function ARN (arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>])",
      ),
    ],
    source: "AWS Lambda API Reference, 'GetFunction', FunctionArn pattern (name 1-64 characters, optional qualifier)",
  },
  iamRoleArn: {
    rules: [matches("^arn:aws(-cn|-us-gov)?:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}$", "be an IAM role ARN (arn:<partition>:iam::<account>:role/<name>)")],
    source: "IAM User Guide, 'IAM identifiers': arn:<partition>:iam::<account>:role/<path><name>",
  },
  sessionName: {
    rules: [lengthBetween(2, 64), matches("^[A-Za-z0-9+=,.@_-]+$", "contain only letters, digits and the characters + = , . @ _ -")],
    source: "AWS STS API Reference, 'AssumeRole', RoleSessionName: 2-64 characters matching [\\w+=,.@-]",
  },
  profileName: {
    rules: [lengthBetween(1, 128), matches("^[A-Za-z0-9_.@+-]+$", "contain only letters, digits and the characters _ . @ + -")],
    source: "AWS Command Line Interface User Guide, 'Configuration and credential file settings' (named profiles); orgtrail accepts a safe subset of characters",
  },
  logGroupArn: {
    rules: [matches("^arn:aws(-cn|-us-gov)?:logs:[a-z0-9-]+:[0-9]{12}:log-group:[A-Za-z0-9._/#-]{1,512}$", "be a log group ARN without the :* suffix (arn:<partition>:logs:<region>:<account>:log-group:<name>)")],
    source: "AWS CloudTrail API Reference, 'CreateTrail', CloudWatchLogsLogGroupArn: a log group ARN",
  },
  snsTopicArn: {
    rules: [matches("^arn:aws(-cn|-us-gov)?:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$", "be an SNS topic ARN (arn:<partition>:sns:<region>:<account>:<name>)")],
    source: "Amazon SNS Developer Guide, 'Amazon SNS topic ARN' format",
  },
  stateKey: {
    rules: [lengthBetween(1, 1024), notMatches("^/", "not begin with a slash"), matches("^[A-Za-z0-9!_.*'()/=-]+$", "contain only letters, digits and the characters ! _ . * ' ( ) / = -")],
    source: "Terraform documentation, 'Backend Type: s3', key; Amazon S3 User Guide, 'Naming Amazon S3 objects'",
  },

  // Advice: kept as rules so that a module could emit them as `check` blocks, and tested in every engine like the rest.
  bucketNameWithoutPeriods: {
    advice: true,
    rules: [
      notMatches(
        "\\.",
        "not contain periods: HTTPS to the virtual-hosted endpoint of a dotted name fails certificate validation, and Transfer Acceleration is unavailable; AWS recommends hyphens",
      ),
    ],
    source:
      "Amazon S3 User Guide, 'General purpose bucket naming rules' (avoid periods except for static website hosting) and 'Configuring fast, secure file transfers using Amazon S3 Transfer Acceleration' (names must not contain periods)",
  },
  knownRegion: {
    advice: true,
    rules: [matches(`^(${KNOWN_REGIONS.join("|")})$`, "be a region AWS has launched; check the spelling (orgtrail's list may lack a region launched after it was written)")],
    source: "AWS General Reference, 'AWS Regions and endpoints': the regions launched when orgtrail's list was written",
  },
} as const satisfies Record<string, RuleSet>;

type Table = typeof FIELD_RULES;
/** A rule set whose breach is an error. */
export type RuleName = { [K in keyof Table]: Table[K] extends { advice: true } ? never : K }[keyof Table];
/** A rule set whose breach is a warning. */
export type AdviceName = Exclude<keyof Table, RuleName>;
/** The kind of value a rule set judges. */
export type ValueOf<N extends keyof Table> = Table[N]["rules"][number]["value"];

/** The rules of a named set. */
export const rulesOf = (name: keyof Table): readonly FieldRule[] => FIELD_RULES[name].rules;

/** Whether `value` meets every rule of a set: cross-field rules only judge values that are valid on their own. */
export const follows = (name: RuleName, value: unknown): boolean => rulesOf(name).every((r) => r.check(value));

/** Every rule set, with its name, in table order. */
export const ruleSets = (): (RuleSet & { readonly name: keyof Table })[] => Object.entries(FIELD_RULES).map(([name, set]) => ({ name: name as keyof Table, ...(set as RuleSet) }));
