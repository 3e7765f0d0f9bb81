import type { Concept } from "../shared/concept";
import { trailKeySections } from "./config";
import { TRAIL_KEY_RULES } from "./rules";

/** The KMS key of the trail's log files: created with the log archive (its policy is measured there), or brought. */
export const trailKey: Concept<typeof trailKeySections> = {
  name: "trail-key",
  summary: "the KMS key that encrypts the log files, created or brought",
  sections: trailKeySections,
  crossFieldRules: TRAIL_KEY_RULES,
};
