import type { Config } from "../../config/schema";
import { resolveDocument } from "../shared/document";
import type { NamedPolicy } from "../shared/limits";
import { settingsOf } from "../organization/settings";
import { keyDeliveryOf } from "../trail-delivery/settings";
import { trailKeyPolicy } from "./key-policy";

/** The created key's policy; none when the key is brought (its owner keeps its policy). */
export function trailKeyPolicies(config: Config): NamedPolicy[] {
  const s = settingsOf(config);
  if (!s.createKey) return [];
  const document = resolveDocument(trailKeyPolicy({ ...s, keyAccountId: s.logArchiveAccountId, delivery: keyDeliveryOf(config) }));
  return [{ name: "trail KMS key policy", kind: "keyPolicy", document }];
}
