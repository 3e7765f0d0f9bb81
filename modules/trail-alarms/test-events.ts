import type { AlarmId } from "./catalog";

/**
 * Real-shaped CloudTrail records, one per alarm, modelled on the AWS documentation's examples (CloudTrail User
 * Guide, "CloudTrail record contents for management events", "AWS Management Console sign-in events" — the
 * ConsoleLogin success and failure examples —, "Example: root user sign-in"; the EC2, IAM, KMS, S3, Config and
 * Organizations API references' "Logging … API calls with AWS CloudTrail" examples). Account IDs, ARNs and IPs are
 * the documentation's placeholders.
 */
const iamUser = {
  type: "IAMUser",
  principalId: "AIDACKCEVSQ6C2EXAMPLE",
  arn: "arn:aws:iam::111122223333:user/Mary_Major",
  accountId: "111122223333",
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  userName: "Mary_Major",
};
const assumedRole = {
  type: "AssumedRole",
  principalId: "AROAIDPPEZS35WEXAMPLE:AssumedRoleSessionName",
  arn: "arn:aws:sts::111122223333:assumed-role/RoleToBeAssumed/MySessionName",
  accountId: "111122223333",
  accessKeyId: "ASIAIOSFODNN7EXAMPLE",
  sessionContext: {
    sessionIssuer: { type: "Role", principalId: "AROAIDPPEZS35WEXAMPLE", arn: "arn:aws:iam::111122223333:role/RoleToBeAssumed", accountId: "111122223333", userName: "RoleToBeAssumed" },
    attributes: { creationDate: "2023-07-19T21:11:57Z", mfaAuthenticated: "false" },
  },
};

const api = (eventSource: string, eventName: string, extra: Record<string, unknown> = {}) => ({
  eventVersion: "1.08",
  userIdentity: assumedRole,
  eventTime: "2023-07-19T21:17:28Z",
  eventSource,
  eventName,
  awsRegion: "us-east-1",
  sourceIPAddress: "192.0.2.0",
  userAgent: "aws-cli/2.13.5 Python/3.11.4 Linux/4.14.255-314-253.539.amzn2.x86_64",
  requestParameters: {},
  responseElements: null,
  requestID: "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
  eventID: "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222",
  readOnly: false,
  eventType: "AwsApiCall",
  managementEvent: true,
  recipientAccountId: "111122223333",
  eventCategory: "Management",
  ...extra,
});

const consoleLogin = (outcome: "Success" | "Failure", extra: Record<string, unknown>) => ({
  eventVersion: "1.08",
  userIdentity: iamUser,
  eventTime: "2023-07-19T21:44:40Z",
  eventSource: "signin.amazonaws.com",
  eventName: "ConsoleLogin",
  awsRegion: "us-east-1",
  sourceIPAddress: "192.0.2.0",
  userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:109.0) Gecko/20100101 Firefox/115.0",
  requestParameters: null,
  responseElements: { ConsoleLogin: outcome },
  additionalEventData: { LoginTo: "https://console.aws.amazon.com/console/home", MobileVersion: "No", MFAUsed: "No" },
  eventID: "a1b2c3d4-5678-90ab-cdef-EXAMPLE33333",
  readOnly: false,
  eventType: "AwsConsoleSignIn",
  managementEvent: true,
  recipientAccountId: "111122223333",
  eventCategory: "Management",
  ...extra,
});

export const TEST_EVENTS: Record<AlarmId, unknown> = {
  "unauthorized-api-calls": api("ec2.amazonaws.com", "RunInstances", {
    errorCode: "Client.UnauthorizedOperation",
    errorMessage: "You are not authorized to perform this operation.",
    readOnly: false,
  }),
  "console-sign-in-without-mfa": consoleLogin("Success", {}),
  "root-account-usage": api("iam.amazonaws.com", "GetAccountSummary", {
    userIdentity: { type: "Root", principalId: "111122223333", arn: "arn:aws:iam::111122223333:root", accountId: "111122223333", accessKeyId: "ASIAIOSFODNN7EXAMPLE" },
    readOnly: true,
  }),
  "iam-policy-changes": api("iam.amazonaws.com", "AttachRolePolicy", {
    requestParameters: { roleName: "RoleToBeAssumed", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" },
  }),
  "cloudtrail-changes": api("cloudtrail.amazonaws.com", "StopLogging", {
    requestParameters: { name: "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail" },
  }),
  "console-authentication-failures": consoleLogin("Failure", { errorMessage: "Failed authentication" }),
  "cmk-disable-or-deletion": api("kms.amazonaws.com", "ScheduleKeyDeletion", {
    requestParameters: { keyId: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", pendingWindowInDays: 30 },
    responseElements: { keyId: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", deletionDate: "Aug 18, 2023, 12:00:00 AM" },
  }),
  "s3-bucket-policy-changes": api("s3.amazonaws.com", "PutBucketPolicy", {
    requestParameters: { bucketName: "amzn-s3-demo-bucket", Host: "amzn-s3-demo-bucket.s3.us-east-1.amazonaws.com", policy: "" },
  }),
  "aws-config-changes": api("config.amazonaws.com", "StopConfigurationRecorder", {
    requestParameters: { configurationRecorderName: "default" },
  }),
  "security-group-changes": api("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", {
    requestParameters: { groupId: "sg-0123456789abcdef0", ipPermissions: { items: [{ ipProtocol: "tcp", fromPort: 22, toPort: 22, ipRanges: { items: [{ cidrIp: "0.0.0.0/0" }] } }] } },
  }),
  "nacl-changes": api("ec2.amazonaws.com", "CreateNetworkAclEntry", {
    requestParameters: { networkAclId: "acl-0123456789abcdef0", ruleNumber: 100, egress: false, ruleAction: "allow", cidrBlock: "0.0.0.0/0" },
  }),
  "network-gateway-changes": api("ec2.amazonaws.com", "AttachInternetGateway", {
    requestParameters: { internetGatewayId: "igw-0123456789abcdef0", vpcId: "vpc-0123456789abcdef0" },
  }),
  "route-table-changes": api("ec2.amazonaws.com", "CreateRoute", {
    requestParameters: { routeTableId: "rtb-0123456789abcdef0", destinationCidrBlock: "0.0.0.0/0", gatewayId: "igw-0123456789abcdef0" },
  }),
  "vpc-changes": api("ec2.amazonaws.com", "CreateVpcPeeringConnection", {
    requestParameters: { vpcId: "vpc-0123456789abcdef0", peerVpcId: "vpc-0fedcba9876543210", peerOwnerId: "444455556666" },
  }),
  "organizations-changes": api("organizations.amazonaws.com", "MoveAccount", {
    requestParameters: { accountId: "444455556666", sourceParentId: "r-examplerootid111", destinationParentId: "ou-examplerootid111-exampleouid111" },
  }),
};

/** Events no alarm should fire on: everyday reads, an MFA sign-in, a service acting for the root user. */
export const QUIET_EVENTS: Record<string, unknown> = {
  "a read-only call": api("ec2.amazonaws.com", "DescribeInstances", { readOnly: true }),
  "an IAM user's console sign-in with MFA": consoleLogin("Success", { additionalEventData: { LoginTo: "https://console.aws.amazon.com/console/home", MobileVersion: "No", MFAUsed: "Yes" } }),
  "a service call on the root user's behalf": api("iam.amazonaws.com", "GetAccountSummary", {
    userIdentity: { type: "Root", principalId: "111122223333", arn: "arn:aws:iam::111122223333:root", accountId: "111122223333", invokedBy: "support.amazonaws.com" },
  }),
  "an S3 object read": api("s3.amazonaws.com", "GetObject", { readOnly: true, eventCategory: "Data", managementEvent: false }),
  "a KMS key enabled": api("kms.amazonaws.com", "EnableKey"),
};
