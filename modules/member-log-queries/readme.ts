import type { ModuleDoc } from "../shared/module-doc";
import { KMS_NOTE, sizesAtExample } from "../shared/access-docs";
import { memberLogQueriesPolicies } from "./policies";

/** Three starting points, over the table's columns and its projected partitions (filter on `day` to scan less). */
export const EXAMPLE_QUERIES = [
  {
    title: "Console sign-ins in the last 7 days, with MFA or not",
    sql: `SELECT eventtime, useridentity.arn, sourceipaddress, json_extract_scalar(responseelements, '$.ConsoleLogin') AS outcome, json_extract_scalar(additionaleventdata, '$.MFAUsed') AS mfa_used
FROM orgtrail_cloudtrail.cloudtrail_logs
WHERE eventname = 'ConsoleLogin' AND region = 'us-east-1'
  AND day >= date_format(current_date - interval '7' day, '%Y/%m/%d')
ORDER BY eventtime DESC;`,
  },
  {
    title: "Denied calls by principal and action, this month",
    sql: `SELECT useridentity.arn, eventsource, eventname, errorcode, count(*) AS calls
FROM orgtrail_cloudtrail.cloudtrail_logs
WHERE (errorcode LIKE '%UnauthorizedOperation' OR errorcode LIKE 'AccessDenied%')
  AND day >= date_format(date_trunc('month', current_date), '%Y/%m/%d')
GROUP BY 1, 2, 3, 4
ORDER BY calls DESC
LIMIT 50;`,
  },
  {
    title: "Who changed a security group",
    sql: `SELECT eventtime, useridentity.arn, eventname, region, json_extract_scalar(requestparameters, '$.groupId') AS group_id, sourceipaddress
FROM orgtrail_cloudtrail.cloudtrail_logs
WHERE eventname IN ('AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroupIngress', 'RevokeSecurityGroupEgress', 'CreateSecurityGroup', 'DeleteSecurityGroup', 'ModifySecurityGroupRules')
  AND json_extract_scalar(requestparameters, '$.groupId') = 'sg-0123456789abcdef0'
  AND day >= '2026/01/01'
ORDER BY eventtime DESC;`,
  },
] as const;

export const MEMBER_LOG_QUERIES_DOC = (): ModuleDoc => ({
  title: "orgtrail member-log-queries",
  purpose:
    "Athena over one member account's own CloudTrail logs in the organization's log archive, deployed by the member team in its own account: a Glue database and a CloudTrail table over `<prefix>/AWSLogs/<organization_id>/<member_account_id>/CloudTrail/` with partition projection on `region` and `day` (no crawler, no `MSCK REPAIR TABLE`), an Athena workgroup that enforces SSE-S3-encrypted results in a bucket of the member's own, and the identity policy its query principals need. orgtrail's deploy stack never deploys into member accounts: the member vendors this module.",
  policies: sizesAtExample(memberLogQueriesPolicies),
  access: [
    "The principals of `member_account_id` that carry the policy (`role_names`, or whoever the member attaches `policy_arn` to): `s3:GetObject` under `<prefix>/AWSLogs/<organization_id>/<member_account_id>/`, `s3:ListBucket` of the log archive with `s3:prefix` inside that folder, `s3:GetBucketLocation` of the log archive, `kms:Decrypt` of the trail key only through S3 in the home region and under CloudTrail's encryption context.",
    "The same principals: Athena query actions on the workgroup `workgroup_name` only; Glue reads of the catalog, the database `database_name` and the table `table_name` only; listing, reading and writing the results bucket.",
    "The log archive's bucket policy lets every organization principal read, list and locate only its own account's folder: another member's folder stays denied whatever a member's identity policy says.",
  ],
  notes: [
    "Deploy with the member account's provider in the trail's home region (`trail_home_region`), where the log archive is: the policy names the workgroup and the Glue resources in that region.",
    "The table reads only this account's folder. Partitions are projected: filter on `day` (`yyyy/MM/dd`) and `region` so Athena lists and scans only those folders.",
    KMS_NOTE,
    ...EXAMPLE_QUERIES.map((q) => `Example query: ${q.title}.\n\n\`\`\`sql\n${q.sql}\n\`\`\``),
  ],
});
