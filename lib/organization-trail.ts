import { Construct, type TerraformResource } from "../modules/shared/facade";
import { ORGANIZATION_TRAIL_VARIABLES } from "../modules/organization-trail/module";
import { OrganizationTrail as TrailParts } from "../modules/organization-trail/organization-trail";
import { organizationTrailProps } from "../modules/organization-trail/props";
import { trailSelectors } from "../modules/event-selectors/deploy";
import { literalInputs } from "../modules/shared/inputs";
import { ref } from "../modules/shared/resources";
import { operationsOf } from "../modules/trail-delivery/settings";
import { TrailDelivery } from "../modules/trail-delivery/trail-delivery";
import { archiveKeyAdmits, checkWithDelivery, keyMismatches, registerTrailTopic, type DeliveryProps, type KeyAdmits } from "./delivery";
import { named, ORGANIZATION_FIELDS, type OrganizationProps } from "./organization";
import { OrgtrailPropsError } from "./props";

type ReadWriteType = "All" | "ReadOnly" | "WriteOnly";

/** Which management events the trail logs. */
export interface ManagementEventsProps {
  /** Log management events; turning them off needs data events (a trail must log something). @default true */
  readonly enabled?: boolean;
  /** @default "All" */
  readonly readWriteType?: ReadWriteType;
  /** Event sources not to log: `kms.amazonaws.com` and/or `rdsdata.amazonaws.com`. @default none */
  readonly excludeEventSources?: readonly string[];
}

/** Data events the trail logs (advanced event selectors). */
export interface DataEventsProps {
  /** @default "All" */
  readonly readWriteType?: ReadWriteType;
  /** S3 object-level events of these buckets; `prefix` limits them to keys under it. @default none */
  readonly s3Objects?: readonly { readonly bucketName: string; readonly prefix?: string }[];
  /** Invoke events of these Lambda functions. @default none */
  readonly lambdaFunctionArns?: readonly string[];
}

export interface OrganizationTrailProps extends OrganizationProps, DeliveryProps {
  /** The key that encrypts the log files: a LogArchive's `kmsKeyArn`, or your own key's ARN. */
  readonly kmsKeyArn: string;
  /** What the trail must wait for: a LogArchive's `readyForTrail`. @default nothing */
  readonly dependsOn?: TerraformResource[];
  /** Log events of every region (CIS 3.1). @default true */
  readonly multiRegion?: boolean;
  /** Log events of global services such as IAM. @default true */
  readonly includeGlobalServiceEvents?: boolean;
  /** Write digest files that prove the log files unchanged (CIS 3.2). @default true */
  readonly logFileValidation?: boolean;
  /** Which management events to log. @default every management event */
  readonly managementEvents?: ManagementEventsProps;
  /** Data events to log. @default none */
  readonly dataEvents?: DataEventsProps;
  /** CloudTrail Insights types: `ApiCallRateInsight` (needs write management events), `ApiErrorRateInsight`. @default none */
  readonly insights?: readonly ("ApiCallRateInsight" | "ApiErrorRateInsight")[];
}

const TRAIL_FIELDS = {
  ...ORGANIZATION_FIELDS,
  multiRegion: "trail.multiRegion",
  includeGlobalServiceEvents: "trail.includeGlobalServiceEvents",
  logFileValidation: "trail.logFileValidation",
  managementEvents: "trail.managementEvents",
  dataEvents: "trail.dataEvents",
  insights: "trail.insights",
} as const;

/**
 * The organization trail, owned by the management account: every account, every region, validated log files, the
 * event selectors and Insights asked for, and delivery to a CloudWatch Logs log group and an SNS topic when asked
 * for (created in the provider's account, encrypted with the trail key unless told otherwise). Give the LogArchive
 * the same `cloudWatchLogs` and `snsTopic`: its key policy then admits CloudWatch Logs and CloudTrail for exactly
 * those; a mismatch with the LogArchive whose `kmsKeyArn` the trail uses is an error.
 */
export class OrganizationTrail extends Construct {
  /** The trail's ARN. */
  readonly trailArn: string;
  /** The log group receiving the trail's events (a TrailAlarms' `logGroupName`); undefined without `cloudWatchLogs`. */
  readonly logGroupName?: string;
  /** The log group's ARN, built from its name (known at synth); undefined without `cloudWatchLogs`. */
  readonly logGroupArn?: string;
  /** The topic notified of every log file delivery, built from its name (known at synth); undefined without `snsTopic`. */
  readonly snsTopicArn?: string;
  /** What metric filters on the log group must wait for (the log group): a TrailAlarms' `dependsOn`. Empty without `cloudWatchLogs`. */
  readonly readyForAlarms: TerraformResource[];
  /** The aws_cloudtrail resource. */
  readonly parts: TrailParts;
  /** The log group, delivery role and policy, topic and topic policy; undefined without delivery. */
  readonly deliveryParts?: TrailDelivery;

  constructor(scope: Construct, id: string, props: OrganizationTrailProps) {
    const construct = named("OrganizationTrail", id);
    const { config, given } = checkWithDelivery({ scope, construct, props, fields: TRAIL_FIELDS });
    const ops = operationsOf(config);
    // A target encrypted with "trail" uses the trail key; otherwise the key given (a reference as the user gave it).
    const cwlKey = ops.cloudWatchLogs && (ops.cloudWatchLogs.kmsKey === "trail" ? props.kmsKeyArn : props.cloudWatchLogs!.kmsKeyArn!);
    const snsKey = ops.snsTopic && (ops.snsTopic.kmsKey === "trail" ? props.kmsKeyArn : props.snsTopic!.kmsKeyArn!);
    const archive = archiveKeyAdmits(scope, props.kmsKeyArn);
    if (archive) {
      const needs: KeyAdmits = {
        construct,
        logGroupArn: cwlKey === props.kmsKeyArn ? ops.cloudWatchLogs!.logGroupArn : undefined,
        topicArn: snsKey === props.kmsKeyArn ? ops.snsTopic!.topicArn : undefined,
        cloudWatchAlarms: snsKey === props.kmsKeyArn && ops.snsTopic!.alarmNamePrefix !== undefined,
      };
      const mismatches = keyMismatches(needs, archive);
      if (mismatches.length) throw new OrgtrailPropsError(construct, mismatches);
    }
    super(scope, id);
    const inputs = literalInputs(ORGANIZATION_TRAIL_VARIABLES, config, { ...given, kms_key_arn: props.kmsKeyArn });
    // Delivery as the deploy stack builds it (trail-delivery/deploy.ts): the same settings, read off the same config.
    this.deliveryParts =
      ops.cloudWatchLogs || ops.snsTopic
        ? new TrailDelivery(this, "delivery", {
            ...ops,
            cloudWatchLogs: ops.cloudWatchLogs && { enabled: true, ...ops.cloudWatchLogs, kmsKeyArn: cwlKey! },
            snsTopic: ops.snsTopic && { enabled: true, topicName: ops.snsTopic.topicName, kmsKeyArn: snsKey!, alarmNamePrefix: ops.snsTopic.alarmNamePrefix },
            // The log group and topic wait for the key whose policy admits them (in a LogArchive's readyForTrail).
            keyReady: props.dependsOn,
            tags: config.tags,
            provider: props.provider,
          })
        : undefined;
    const operations = { ...this.deliveryParts?.trailSettings, ...trailSelectors(config) };
    const dependsOn = [...(props.dependsOn ?? []), ...(this.deliveryParts?.readyForTrail ?? [])];
    this.parts = new TrailParts(this, "trail", { ...organizationTrailProps(inputs), operations, dependsOn, provider: props.provider });
    this.trailArn = ref(this.parts.trail, "arn");
    this.logGroupName = ops.cloudWatchLogs?.logGroupName;
    this.logGroupArn = ops.cloudWatchLogs?.logGroupArn;
    this.snsTopicArn = ops.snsTopic?.topicArn;
    this.readyForAlarms = this.deliveryParts?.logGroup ? [this.deliveryParts.logGroup] : [];
    if (ops.snsTopic) registerTrailTopic(this, ops.snsTopic.topicArn, { construct, alarmNamePrefix: ops.snsTopic.alarmNamePrefix });
  }
}
