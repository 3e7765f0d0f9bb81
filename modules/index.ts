import { cloudTrailUserPolicies } from "./cloudtrail-user-policies";
import { delegatedAdmin } from "./delegated-admin";
import { deployment } from "./deployment";
import { eventSelectors } from "./event-selectors";
import { logArchive } from "./log-archive";
import { memberAccess } from "./member-access";
import { memberLogQueries } from "./member-log-queries";
import { memberReaderRoles } from "./member-reader-roles";
import { organization } from "./organization";
import { organizationTrail } from "./organization-trail";
import { thirdPartyReaders } from "./third-party-readers";
import { trailDelivery } from "./trail-delivery";
import { trailGuardrail } from "./trail-guardrail";
import { trailAlarms } from "./trail-alarms";
import { trailKey } from "./trail-key";

/**
 * Every concept of orgtrail, in order: config sections, cross-field checks, policies, deploy-stack parts (after
 * the concepts each one `needs`) and vendorable modules all follow this list. Adding a concept is a folder under
 * modules/ and a line here.
 */
export const CONCEPTS = [
  organization,
  logArchive,
  trailKey,
  organizationTrail,
  memberAccess,
  deployment,
  delegatedAdmin,
  trailDelivery,
  eventSelectors,
  memberReaderRoles,
  thirdPartyReaders,
  cloudTrailUserPolicies,
  trailGuardrail,
  trailAlarms,
  memberLogQueries,
] as const;
