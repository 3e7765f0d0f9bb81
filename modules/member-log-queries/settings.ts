import type { Config } from "../../config/schema";
import { accessLocation } from "../trail-key/reader-key";
import { MEMBER_LOG_QUERIES_DEFAULTS } from "./config";
import type { MemberQueryIntent } from "./query-policy";

/** The query intent of each member account a config lists, with the defaults filled in. */
export function memberQueryIntents(c: Config): MemberQueryIntent[] {
  const q = c.memberLogQueries;
  if (!q) return [];
  const location = accessLocation(c);
  return q.accounts.map((account) => ({
    ...location,
    memberAccountId: account,
    databaseName: q.databaseName,
    tableName: q.tableName,
    workgroupName: q.workgroupName,
    resultsBucketName: MEMBER_LOG_QUERIES_DEFAULTS.resultsBucketName(account, c.organization.homeRegion),
  }));
}
