import type { Config } from "../../config/schema";
import { resolveDocument } from "../shared/document";
import type { NamedPolicy } from "../shared/limits";
import { accessLocation } from "../trail-key/reader-key";
import { protectTrailPolicy, readOnlyUserPolicy, administrationUserPolicy } from "./user-policies";

/** The customer managed policies asked for (6,144 characters each). */
export function cloudTrailUserPoliciesPolicies(config: Config): NamedPolicy[] {
  const user = config.userPolicies;
  const location = accessLocation(config);
  const out: NamedPolicy[] = [];
  if (user?.readOnly) out.push({ name: "CloudTrail read-only policy", kind: "managedPolicy", document: resolveDocument(readOnlyUserPolicy(location)) });
  if (user?.administration) out.push({ name: "CloudTrail administration policy", kind: "managedPolicy", document: resolveDocument(administrationUserPolicy(location)) });
  if (user?.protectTrail) out.push({ name: "protect-trail policy", kind: "managedPolicy", document: resolveDocument(protectTrailPolicy(location)) });
  return out;
}
