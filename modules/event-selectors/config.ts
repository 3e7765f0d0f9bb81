import { z } from "zod";
import { READ_WRITE_TYPES } from "../shared/rules/aws-values";
import { ruled } from "../shared/rules/zod";

const readWrite = z.enum(READ_WRITE_TYPES);

const managementEvents = z.strictObject({
  enabled: z.boolean().default(true).describe("Log management events; turning them off needs data events (a trail must log something)."),
  readWriteType: readWrite.default("All"),
  excludeEventSources: z.array(ruled("excludableEventSource")).default([]).describe("kms.amazonaws.com and/or rdsdata.amazonaws.com."),
});

const s3Objects = z.strictObject({
  bucketName: ruled("bucketName"),
  prefix: ruled("dataEventPrefix").optional().describe("Only objects under this key prefix. Default: every object of the bucket."),
});

const dataEvents = z.strictObject({
  readWriteType: readWrite.default("All"),
  s3Objects: z.array(s3Objects).default([]).describe("S3 object-level events of these buckets (and prefixes)."),
  lambdaFunctionArns: z.array(ruled("lambdaFunctionArn")).default([]).describe("Invoke events of these Lambda functions."),
});

/** Added to the `trail` section. */
export const eventSelectorsExtends = {
  trail: {
    managementEvents: managementEvents.optional().describe("Which management events to log. Default: all."),
    dataEvents: dataEvents.optional().describe("Data events to log (advanced event selectors)."),
    insights: z.array(z.enum(["ApiCallRateInsight", "ApiErrorRateInsight"])).optional().describe("CloudTrail Insights types."),
  },
};
