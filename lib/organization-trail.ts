import { Construct, type TerraformResource } from "../modules/shared/facade";
import { ORGANIZATION_TRAIL_VARIABLES } from "../modules/organization-trail/module";
import { OrganizationTrail as TrailParts } from "../modules/organization-trail/organization-trail";
import { organizationTrailProps } from "../modules/organization-trail/props";
import { advancedEventSelectors, toTerraformBlocks } from "../modules/event-selectors/selectors";
import { literalInputs } from "../modules/shared/inputs";
import { ref } from "../modules/shared/resources";
import { named, ORGANIZATION_FIELDS, type OrganizationProps } from "./organization";
import { checkProps } from "./props";

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

export interface OrganizationTrailProps extends OrganizationProps {
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
 * event selectors and Insights asked for. CloudWatch Logs and SNS delivery are the deploy stack's and the
 * organization-trail module's: with the trail key they change the LogArchive's key policy too.
 */
export class OrganizationTrail extends Construct {
  /** The trail's ARN. */
  readonly trailArn: string;
  /** The aws_cloudtrail resource. */
  readonly parts: TrailParts;

  constructor(scope: Construct, id: string, props: OrganizationTrailProps) {
    const { config, given } = checkProps({ scope, construct: named("OrganizationTrail", id), props, fields: TRAIL_FIELDS });
    super(scope, id);
    const inputs = literalInputs(ORGANIZATION_TRAIL_VARIABLES, config, { ...given, kms_key_arn: props.kmsKeyArn });
    const { organization: o, trail: t } = config;
    const operations = {
      advancedEventSelectors: toTerraformBlocks(advancedEventSelectors({ partition: o.partition, managementEvents: t.managementEvents, dataEvents: t.dataEvents })),
      insightTypes: [...(t.insights ?? [])],
    };
    this.parts = new TrailParts(this, "trail", { ...organizationTrailProps(inputs), operations, dependsOn: props.dependsOn, provider: props.provider });
    this.trailArn = ref(this.parts.trail, "arn");
  }
}
