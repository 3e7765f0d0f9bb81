import type { CrossFieldRule } from "../shared/rules/cross-field";

export const ADMIN_NOT_MANAGEMENT: CrossFieldRule = {
  rule: "organization.delegatedAdminAccountId differs from managementAccountId",
  source: "AWS CloudTrail User Guide, 'Organization delegated administrator' (the management account cannot be its own delegated administrator)",
  check: (c, report) => {
    const admin = c.organization.delegatedAdminAccountId;
    if (admin !== undefined && admin === c.organization.managementAccountId) {
      report(["organization", "delegatedAdminAccountId"], admin, "must differ from managementAccountId: CloudTrail cannot delegate administration to the management account");
    }
  },
  precondition: {
    module: "organization-trail",
    errorMessage: "delegated_admin_account_id must differ from management_account_id: CloudTrail cannot delegate administration to the management account.",
    on: { "aws_cloudtrail.organization": "var.delegated_admin_account_id == null || var.delegated_admin_account_id != var.management_account_id" },
  },
};

export const DELEGATED_ADMIN_RULES: readonly CrossFieldRule[] = [ADMIN_NOT_MANAGEMENT];
