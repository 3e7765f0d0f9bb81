import { advancedEventSelectors, selectorSpecs, type EventSelection } from "./selectors";
import { selectorsHcl } from "./selectors-hcl";
import { reference } from "../shared/value";
import { config } from "../../__tests__/helpers/config";

// One description of the selectors, two renderings: resolved for a config, an HCL expression for the module.
describe("event selectors, described once", () => {
  const literal: EventSelection = {
    partition: "aws",
    managementEvents: { enabled: true, readWriteType: "WriteOnly", excludeEventSources: ["kms.amazonaws.com"] },
    dataEvents: { readWriteType: "All", s3Objects: [{ bucketName: "b", prefix: "p/" }], lambdaFunctionArns: [] },
  };

  test("literal settings resolve to the selectors and fold to a plain HCL list", () => {
    expect(advancedEventSelectors(literal)).toEqual([
      {
        name: "Management events",
        fieldSelectors: [
          { field: "eventCategory", equals: ["Management"] },
          { field: "readOnly", equals: ["false"] },
          { field: "eventSource", notEquals: ["kms.amazonaws.com"] },
        ],
      },
      {
        name: "S3 object events of selected buckets",
        fieldSelectors: [
          { field: "eventCategory", equals: ["Data"] },
          { field: "resources.type", equals: ["AWS::S3::Object"] },
          { field: "resources.ARN", startsWith: ["arn:aws:s3:::b/p/"] },
        ],
      },
    ]);
    expect(selectorsHcl(selectorSpecs(literal))).toBe(
      '[{ name = "Management events", field_selectors = [{ field = "eventCategory", equals = ["Management"] }, { field = "readOnly", equals = ["false"] }, { field = "eventSource", not_equals = ["kms.amazonaws.com"] }] }, ' +
        '{ name = "S3 object events of selected buckets", field_selectors = [{ field = "eventCategory", equals = ["Data"] }, { field = "resources.type", equals = ["AWS::S3::Object"] }, { field = "resources.ARN", starts_with = ["arn:aws:s3:::b/p/"] }] }]',
    );
  });

  test("CloudTrail's default needs no selector", () => {
    expect(advancedEventSelectors({ partition: "aws" })).toEqual([]);
    expect(selectorsHcl(selectorSpecs({ partition: "aws" }))).toBe("[]");
  });

  test("settings Terraform decides stay in the expression; resolving them is refused", () => {
    const planned: EventSelection = { ...literal, dataEvents: { readWriteType: "All", s3Objects: reference("var.s3"), lambdaFunctionArns: [] } };
    expect(selectorsHcl(selectorSpecs(planned))).toContain('length(var.s3) == 0 ? [] : [{ name = "S3 object events of selected buckets"');
    expect(selectorsHcl(selectorSpecs(planned))).toContain('starts_with = [for o in var.s3 : "arn:aws:s3:::${o.bucket_name}/${o.prefix == null ? "" : o.prefix}"]');
    expect(() => advancedEventSelectors(planned)).toThrow(/deferred to Terraform \(length\(var\.s3\) == 0\)/);
  });
});

describe("advanced event selectors", () => {
  const sel = (t: Parameters<typeof config>[0]) => {
    const c = config(t);
    return advancedEventSelectors({ partition: c.organization.partition, managementEvents: c.trail.managementEvents, dataEvents: c.trail.dataEvents });
  };

  test("CloudTrail's default (every management event, no data events) needs no selector", () => {
    expect(sel({})).toEqual([]);
    expect(sel({ trail: { managementEvents: {}, dataEvents: {} } })).toEqual([]);
  });

  test("write-only management events without KMS and RDS Data API events", () => {
    expect(sel({ trail: { managementEvents: { readWriteType: "WriteOnly", excludeEventSources: ["kms.amazonaws.com", "rdsdata.amazonaws.com"] } } })).toEqual([
      {
        name: "Management events",
        fieldSelectors: [
          { field: "eventCategory", equals: ["Management"] },
          { field: "readOnly", equals: ["false"] },
          { field: "eventSource", notEquals: ["kms.amazonaws.com", "rdsdata.amazonaws.com"] },
        ],
      },
    ]);
  });

  test("data events keep management events unless they are turned off; S3 by ARN prefix, Lambda by exact ARN", () => {
    const s = sel({ trail: { dataEvents: { readWriteType: "ReadOnly", s3Objects: [{ bucketName: "a-bucket" }, { bucketName: "b-bucket", prefix: "x/" }], lambdaFunctionArns: ["arn:aws:lambda:us-east-1:444444444444:function:f"] } } });
    expect(s.map((x) => x.name)).toEqual(["Management events", "S3 object events of selected buckets", "Lambda invocations of selected functions"]);
    expect(s[1].fieldSelectors).toEqual([
      { field: "eventCategory", equals: ["Data"] },
      { field: "resources.type", equals: ["AWS::S3::Object"] },
      { field: "resources.ARN", startsWith: ["arn:aws:s3:::a-bucket/", "arn:aws:s3:::b-bucket/x/"] },
      { field: "readOnly", equals: ["true"] },
    ]);
    expect(s[2].fieldSelectors[2]).toEqual({ field: "resources.ARN", equals: ["arn:aws:lambda:us-east-1:444444444444:function:f"] });
    const dataOnly = sel({ trail: { managementEvents: { enabled: false }, dataEvents: { lambdaFunctionArns: ["arn:aws:lambda:us-east-1:444444444444:function:f"] } } });
    expect(dataOnly.map((x) => x.name)).toEqual(["Lambda invocations of selected functions"]);
  });
});
