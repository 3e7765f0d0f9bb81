import type { Inputs } from "../shared/inputs";
import { logLocation } from "../organization/variables";
import type { MemberReaderRolesProps } from "./member-reader-roles";

/** The member reader roles' props from the module's inputs: literal in the deploy stack, `var.*` in the module. */
export const memberReaderRolesProps = (v: Inputs): MemberReaderRolesProps => ({
  ...logLocation(v),
  organizationId: v.s("organization_id"),
  members: v.value("member_roles"),
  tags: v.value("tags"),
});
