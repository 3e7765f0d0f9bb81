/**
 * orgtrail's constructs for your own cdktf app: `import { LogArchive, OrganizationTrail, … } from "orgtrail/lib"`.
 * Importing this entry synthesizes nothing and writes nothing. Props are checked with the rules of orgtrail's config
 * (`orgtrail rules` lists them): a bad value throws an OrgtrailPropsError naming the prop, the value and the rule.
 * Logical IDs come from the construct path, so several instances, and your own resources, coexist in one stack.
 */
export { OrgtrailPropsError, type PropProblem } from "./props";
export type { LogLocationProps, OrganizationProps } from "./organization";
export type { CloudWatchLogsProps, DeliveryProps, LogRetentionDays, SnsTopicProps } from "./delivery";
export { LogArchive, type LogArchiveProps } from "./log-archive";
export { OrganizationTrail, type DataEventsProps, type ManagementEventsProps, type OrganizationTrailProps } from "./organization-trail";
export { MemberReaderRoles, type MemberReaderRolesProps, type MemberRole } from "./member-reader-roles";
export { ThirdPartyReaders, type ThirdPartyReader, type ThirdPartyReadersProps } from "./third-party-readers";
export { CloudTrailUserPolicies, type CloudTrailUserPoliciesProps } from "./cloudtrail-user-policies";
export { TrailGuardrail, type TrailGuardrailProps } from "./trail-guardrail";
export { TrailAlarms, type TrailAlarmsProps } from "./trail-alarms";
export { MemberLogQueries, type MemberLogQueriesProps } from "./member-log-queries";
