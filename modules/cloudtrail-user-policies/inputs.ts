import { LOG_LOCATION, TAGS, TRAIL_NAME } from "../organization/variables";
import type { VariableSpec } from "../shared/inputs";

/** The module's input table: one row per variable, with the config setting it stands for (see modules/shared/inputs.ts). */
export const CLOUDTRAIL_USER_POLICIES_VARIABLES: readonly VariableSpec[] = [
  ...LOG_LOCATION.filter((v) => v.name !== "organization_id"),
  TRAIL_NAME,
  { name: "create_read_only_policy", config: "userPolicies.readOnly", fromConfig: (c) => c.userPolicies?.readOnly ?? false, type: "bool", default: true, description: "Create OrgTrailCloudTrailReadOnly: describe trails, get status, look up events, read log files." },
  { name: "create_administration_policy", config: "userPolicies.administration", fromConfig: (c) => c.userPolicies?.administration ?? false, type: "bool", default: true, description: "Create OrgTrailCloudTrailAdministration: administer this account's trails (no bucket or topic administration)." },
  { name: "create_protect_trail_policy", config: "userPolicies.protectTrail", fromConfig: (c) => c.userPolicies?.protectTrail ?? false, type: "bool", default: true, description: "Create OrgTrailProtectOrganizationTrail: deny stopping, starting, deleting, updating the organization trail and changing its selectors." },
  TAGS,
];
