import type { z } from "zod";
import { advancedEventSelectors, MAX_SELECTOR_VALUES, selectorValueCount } from "../modules/event-selectors/selectors";
import { OPERATIONS_RULES, type OperationsRuleName } from "../modules/shared/rules/operations-rules";
import { OPERATIONS_DEFAULTS, type AccountProvider, type OperationsView } from "./operations-schema";
import { follows } from "../modules/shared/rules/rules";

/** Cross-field rules judge only values valid on their own: a malformed ARN gets one message, not two. */
const valid = (name: OperationsRuleName, value: unknown): boolean => OPERATIONS_RULES[name].every((r) => r.check(value));

/**
 * Cross-field rules of the operations settings, reported like every other config problem (path, value, rule).
 * Chained onto `configSchema` after the core rules.
 */
export function operationsRules(c: OperationsView, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], input: unknown, message: string) => ctx.addIssue({ code: "custom", path, input, message });
  const t = c.trail;
  const admin = c.organization.trailAdminAccountId;
  const partition = c.organization.partition;

  if (admin !== undefined && admin === c.organization.managementAccountId) {
    issue(["organization", "trailAdminAccountId"], admin, "must differ from managementAccountId: CloudTrail cannot delegate administration to the management account");
  }
  const accounts = c.deployment.accounts;
  if (accounts.trailAdmin && admin === undefined) {
    issue(["deployment", "accounts", "trailAdmin"], accounts.trailAdmin, "must not be set without organization.trailAdminAccountId: no provider uses it");
  }
  if (accounts.logArchive && (c.logArchive.accountId ?? c.organization.managementAccountId) === c.organization.managementAccountId) {
    issue(["deployment", "accounts", "logArchive"], accounts.logArchive, "must not be set while the log archive is in the management account: no provider uses it");
  }
  for (const [name, a] of Object.entries(accounts) as [string, AccountProvider | undefined][]) {
    if (a && (a.externalId || a.sessionName) && !a.assumeRoleArn) {
      issue(["deployment", "accounts", name, "assumeRoleArn"], undefined, "must be set when externalId or sessionName is: they belong to the assumed role");
    }
    if (a?.assumeRoleArn && valid("iamRoleArn", a.assumeRoleArn) && a.assumeRoleArn.split(":")[1] !== partition) {
      issue(["deployment", "accounts", name, "assumeRoleArn"], a.assumeRoleArn, `must be in partition ${partition}`);
    }
  }

  const cwl = t.cloudWatchLogs;
  if (cwl && !cwl.roleName && OPERATIONS_DEFAULTS.roleName(t.name).length > 64) {
    issue(["trail", "cloudWatchLogs", "roleName"], undefined, `must be set: the default ${OPERATIONS_DEFAULTS.roleName(t.name)} is longer than 64 characters`);
  }
  for (const [path, key] of [
    [["trail", "cloudWatchLogs", "kmsKey"], cwl?.kmsKey],
    [["trail", "snsTopic", "kmsKey"], t.snsTopic?.kmsKey],
  ] as const) {
    if (key && key !== "trail" && follows("kmsKeyArn", key) && key.split(":")[3] !== c.organization.homeRegion) {
      issue([...path], key, `must be a key in the home region ${c.organization.homeRegion}, where the log group and topic are created`);
    }
  }

  const m = t.managementEvents;
  const d = t.dataEvents;
  const hasData = !!d && (d.s3Objects.length > 0 || d.lambdaFunctionArns.length > 0);
  if (m && !m.enabled && !hasData) {
    issue(["trail", "managementEvents", "enabled"], false, "must be true unless dataEvents selects something: a trail with no selector logs every management event");
  }
  if (m && new Set(m.excludeEventSources).size !== m.excludeEventSources.length) {
    issue(["trail", "managementEvents", "excludeEventSources"], m.excludeEventSources, "must not repeat a value");
  }
  d?.lambdaFunctionArns.forEach((arn, i) => {
    if (valid("lambdaFunctionArn", arn) && arn.split(":")[1] !== partition) issue(["trail", "dataEvents", "lambdaFunctionArns", i], arn, `must be in partition ${partition}`);
  });
  const selectors = advancedEventSelectors({ partition, managementEvents: m, dataEvents: d });
  const values = selectorValueCount(selectors);
  if (values > MAX_SELECTOR_VALUES) {
    issue(["trail", "dataEvents"], undefined, `must select fewer resources: the event selectors hold ${values} values, CloudTrail accepts at most ${MAX_SELECTOR_VALUES}`);
  }

  const insights = t.insights ?? [];
  if (new Set(insights).size !== insights.length) issue(["trail", "insights"], insights, "must not repeat a value");
  const management = m ?? { enabled: true, readWriteType: "All" };
  if (insights.includes("ApiCallRateInsight") && (!management.enabled || management.readWriteType === "ReadOnly")) {
    issue(["trail", "insights"], insights, "must not include ApiCallRateInsight unless the trail logs write management events (CloudTrail requirement)");
  }
  if (insights.includes("ApiErrorRateInsight") && !management.enabled) {
    issue(["trail", "insights"], insights, "must not include ApiErrorRateInsight unless the trail logs management events (CloudTrail requirement)");
  }

  const backend = c.deployment.backend;
  if (backend.type === "s3" && backend.kmsKeyId && !backend.encrypt) {
    issue(["deployment", "backend", "encrypt"], false, "must be true when kmsKeyId is set");
  }
}
