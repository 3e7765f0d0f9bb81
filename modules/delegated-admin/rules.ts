import type { Config } from "../../config/schema";
import type { CrossFieldRule, Report } from "../shared/concept";

export function checkDelegatedAdmin(c: Config, report: Report): void {
  const admin = c.organization.trailAdminAccountId;
  if (admin !== undefined && admin === c.organization.managementAccountId) {
    report(["organization", "trailAdminAccountId"], admin, "must differ from managementAccountId: CloudTrail cannot delegate administration to the management account");
  }
}

export const DELEGATED_ADMIN_RULES: readonly CrossFieldRule[] = [
  { rule: "organization.trailAdminAccountId differs from managementAccountId", source: "AWS CloudTrail User Guide, 'Organization delegated administrator' (the management account cannot be its own delegated administrator)" },
];
