import { bucketArn, SERVICE, trailArn } from "../shared/arns";
import { POLICY_VERSION, type PolicyDocument, type Statement } from "../shared/document";
import type { TrailOwner } from "../cloudtrail-user-policies/user-policies";

export interface DataPerimeterIntent extends TrailOwner {
  readonly organizationId: string;
  readonly bucketName: string;
  /** The brought key's ARN, or the log-archive account's keys in the home region for a created key. */
  readonly keyArn: string;
}

/**
 * The data perimeter: a resource control policy on the archive bucket, its objects and the trail key. Only
 * principals of the organization may act on them, AWS services only for resources of the organization
 * (`aws:SourceOrgID`, the confused-deputy guard), and CloudTrail only for this trail (`aws:SourceArn`). RCPs never
 * apply to resources of the management account nor to service-linked roles; they grant nothing.
 */
export function dataPerimeterRcp(i: DataPerimeterIntent): PolicyDocument {
  const bucket = bucketArn(i.partition, i.bucketName);
  const on: Pick<Statement, "Effect" | "Principal" | "Action" | "Resource"> = { Effect: "Deny", Principal: "*", Action: ["s3:*", "kms:*"], Resource: [bucket, `${bucket}/*`, i.keyArn] };
  return {
    Version: POLICY_VERSION,
    Statement: [
      {
        Sid: "DenyPrincipalsOutsideOrganization",
        ...on,
        Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": i.organizationId }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } },
      },
      {
        Sid: "DenyServicesActingOutsideOrganization",
        ...on,
        Condition: { StringNotEqualsIfExists: { "aws:SourceOrgID": i.organizationId }, Null: { "aws:SourceAccount": "false" }, Bool: { "aws:PrincipalIsAWSService": "true" } },
      },
      {
        // CloudTrail sends aws:SourceArn on every call for a trail: the bucket and key policies require it too.
        Sid: "DenyCloudTrailForOtherTrails",
        ...on,
        Condition: { StringEquals: { "aws:PrincipalServiceName": SERVICE.cloudtrail }, ArnNotEquals: { "aws:SourceArn": trailArn(i.partition, i.homeRegion, i.managementAccountId, i.trailName) } },
      },
    ],
  };
}
