import { advancedEventSelectors, selectorSpecs, type EventSelection } from "../modules/event-selectors/selectors";
import { selectorsHcl } from "../modules/event-selectors/selectors-hcl";
import { reference } from "../modules/shared/value";

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
