/**
 * The CIS AWS Foundations Benchmark's monitoring controls: one CloudWatch Logs metric filter and alarm each on the
 * trail's log group. Patterns are AWS Security Hub's CloudWatch.1–14 verbatim (AWS Security Hub User Guide,
 * "Security Hub controls for CloudWatch", https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html),
 * which are the CIS v1.2.0 section 3 / v1.4.0 section 4 patterns; the AWS Organizations filter is CIS v1.5.0+ 4.15
 * (CIS AWS Foundations Benchmark v3.0.0, 4.15 "Ensure AWS Organizations changes are monitored"), which Security Hub
 * has no CloudWatch control for. Each entry names its source; docs/alarms.md lists them with the test events.
 */
export interface CisAlarm {
  /** The config and module key (`disabled` lists these). */
  readonly id: AlarmId;
  /** CloudWatch metric name, also the alarm's and filter's name after the prefix. */
  readonly metricName: string;
  readonly description: string;
  /** The filter pattern, as the source documents it. */
  readonly pattern: string;
  readonly source: string;
}

export const ALARM_IDS = [
  "unauthorized-api-calls",
  "console-sign-in-without-mfa",
  "root-account-usage",
  "iam-policy-changes",
  "cloudtrail-changes",
  "console-authentication-failures",
  "cmk-disable-or-deletion",
  "s3-bucket-policy-changes",
  "aws-config-changes",
  "security-group-changes",
  "nacl-changes",
  "network-gateway-changes",
  "route-table-changes",
  "vpc-changes",
  "organizations-changes",
] as const;

export type AlarmId = (typeof ALARM_IDS)[number];

const SH = "AWS Security Hub User Guide, 'Security Hub controls for CloudWatch'";

/** In registry order; the order is also the order of the generated map (addresses are by id, not position). */
export const CIS_ALARMS: readonly CisAlarm[] = [
  {
    id: "unauthorized-api-calls",
    metricName: "UnauthorizedAPICalls",
    description: "Unauthorized API calls (AccessDenied, UnauthorizedOperation)",
    pattern: '{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}',
    source: `${SH}, CloudWatch.2; CIS v1.2.0 3.1, v1.4.0 4.1`,
  },
  {
    id: "console-sign-in-without-mfa",
    metricName: "ConsoleSignInWithoutMfa",
    description: "Successful console sign-in of an IAM user without MFA",
    pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
    source: `${SH}, CloudWatch.3; CIS v1.2.0 3.2, v1.4.0 4.2`,
  },
  {
    id: "root-account-usage",
    metricName: "RootAccountUsage",
    description: "Use of the root user",
    pattern: '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}',
    source: `${SH}, CloudWatch.1; CIS v1.2.0 3.3, v1.4.0 4.3`,
  },
  {
    id: "iam-policy-changes",
    metricName: "IAMPolicyChanges",
    description: "IAM policy changes",
    pattern:
      "{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy)}",
    source: `${SH}, CloudWatch.4; CIS v1.2.0 3.4, v1.4.0 4.4`,
  },
  {
    id: "cloudtrail-changes",
    metricName: "CloudTrailConfigChanges",
    description: "CloudTrail configuration changes",
    pattern: "{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging) || ($.eventName=StopLogging)}",
    source: `${SH}, CloudWatch.5; CIS v1.2.0 3.5, v1.4.0 4.5`,
  },
  {
    id: "console-authentication-failures",
    metricName: "ConsoleAuthenticationFailures",
    description: "Failed console authentications",
    pattern: '{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}',
    source: `${SH}, CloudWatch.6; CIS v1.2.0 3.6, v1.4.0 4.6`,
  },
  {
    id: "cmk-disable-or-deletion",
    metricName: "DisableOrDeleteCMK",
    description: "Customer managed keys disabled or scheduled for deletion",
    pattern: "{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}",
    source: `${SH}, CloudWatch.7; CIS v1.2.0 3.7, v1.4.0 4.7`,
  },
  {
    id: "s3-bucket-policy-changes",
    metricName: "S3BucketPolicyChanges",
    description: "S3 bucket policy, ACL, CORS, lifecycle and replication changes",
    pattern:
      "{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || ($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || ($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle) || ($.eventName=DeleteBucketReplication))}",
    source: `${SH}, CloudWatch.8; CIS v1.2.0 3.8, v1.4.0 4.8`,
  },
  {
    id: "aws-config-changes",
    metricName: "AWSConfigChanges",
    description: "AWS Config configuration changes",
    pattern:
      "{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || ($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}",
    source: `${SH}, CloudWatch.9; CIS v1.2.0 3.9, v1.4.0 4.9`,
  },
  {
    id: "security-group-changes",
    metricName: "SecurityGroupChanges",
    description: "Security group changes",
    pattern:
      "{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}",
    source: `${SH}, CloudWatch.10; CIS v1.2.0 3.10, v1.4.0 4.10`,
  },
  {
    id: "nacl-changes",
    metricName: "NACLChanges",
    description: "Network ACL changes",
    pattern:
      "{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || ($.eventName=DeleteNetworkAclEntry) || ($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}",
    source: `${SH}, CloudWatch.11; CIS v1.2.0 3.11, v1.4.0 4.11`,
  },
  {
    id: "network-gateway-changes",
    metricName: "NetworkGatewayChanges",
    description: "Network gateway changes (customer and internet gateways)",
    pattern:
      "{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway) || ($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}",
    source: `${SH}, CloudWatch.12; CIS v1.2.0 3.12, v1.4.0 4.12`,
  },
  {
    id: "route-table-changes",
    metricName: "RouteTableChanges",
    description: "Route table changes",
    pattern:
      "{($.eventSource=ec2.amazonaws.com) && (($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute) || ($.eventName=ReplaceRouteTableAssociation) || ($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute) || ($.eventName=DisassociateRouteTable))}",
    source: `${SH}, CloudWatch.13; CIS v1.2.0 3.13, v1.4.0 4.13`,
  },
  {
    id: "vpc-changes",
    metricName: "VPCChanges",
    description: "VPC changes (VPCs, attributes, peering, ClassicLink)",
    pattern:
      "{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute) || ($.eventName=AcceptVpcPeeringConnection) || ($.eventName=CreateVpcPeeringConnection) || ($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection) || ($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=DisableVpcClassicLink) || ($.eventName=EnableVpcClassicLink)}",
    source: `${SH}, CloudWatch.14; CIS v1.2.0 3.14, v1.4.0 4.14`,
  },
  {
    id: "organizations-changes",
    metricName: "OrganizationsChanges",
    description: "AWS Organizations changes",
    pattern:
      '{($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit"))}',
    source: "CIS AWS Foundations Benchmark v1.5.0 4.15 and v3.0.0 4.15, 'Ensure AWS Organizations changes are monitored' (no Security Hub CloudWatch control)",
  },
];
