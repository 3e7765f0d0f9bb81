import type { Organization } from "./oracle";

/**
 * The organization the simulator proofs reason about: the accounts and ARNs the example config (helpers/config.ts)
 * names, written once so that every proof asks about the same archive.
 */
export const MANAGEMENT = "111111111111";
export const LOG_ARCHIVE = "222222222222";
/** Two member accounts, each reading only its own folder. */
export const A = "333333333333";
export const B = "444444444444";
export const SIEM = "999999999999";
export const AUDITOR = "888888888888";
export const OUTSIDER = "777777777777";
export const ORG_ID = "o-exampleorgid";
export const org: Organization = { orgId: ORG_ID, managementAccountId: MANAGEMENT, logArchiveAccountId: LOG_ARCHIVE, members: [A, B] };

export const TRAIL = `arn:aws:cloudtrail:us-east-1:${MANAGEMENT}:trail/org-trail`;
export const BUCKET = "arn:aws:s3:::example-org-cloudtrail-logs";
export const KEY = `arn:aws:kms:us-east-1:${LOG_ARCHIVE}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
