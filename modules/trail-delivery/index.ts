import type { Concept } from "../shared/concept";
import { trailDeliveryExtends } from "./config";
import { deliveryPoliciesOf } from "./settings";
import { TRAIL_DELIVERY_RULES } from "./rules";

/** Delivery besides S3: a CloudWatch Logs log group with its role, and an SNS topic. */
export const trailDelivery: Concept<Record<never, never>, typeof trailDeliveryExtends> = {
  name: "trail-delivery",
  summary: "CloudWatch Logs and SNS delivery of the trail",
  extends: trailDeliveryExtends,
  crossFieldRules: TRAIL_DELIVERY_RULES,
  policies: deliveryPoliciesOf,
  needs: ["log-archive"],
  deploy: (ctx) => (require("./deploy") as typeof import("./deploy")).deployTrailDelivery(ctx),
};
