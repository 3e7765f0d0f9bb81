import type { Config } from "../../config/schema";
import { config } from "../helpers/synth";

/**
 * The config shapes the proof runs: with and without key prefix, one account (the log archive in the management
 * account) and two, principal-ARN and principal-tag narrowing, a brought key, member access off. `example` names
 * the `examples/` root that plans the same organization through the vendored modules.
 */
export interface Shape {
  readonly name: string;
  readonly config: Config;
  readonly example?: { readonly name: string; readonly aliases: (string | undefined)[] };
}

export const BROUGHT_KEY = "arn:aws:kms:us-east-1:222222222222:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";

export const SHAPES: readonly Shape[] = [
  { name: "one_account", config: config(), example: { name: "single-account", aliases: [undefined] } },
  {
    name: "two_accounts_prefix",
    config: config({ logArchive: { accountId: "222222222222", keyPrefix: "cloudtrail" } }),
    example: { name: "two-accounts", aliases: [undefined, "log_archive"] },
  },
  {
    name: "arn_narrowing",
    config: config({ logArchive: { accountId: "222222222222", keyPrefix: "org/trails" }, memberAccess: { principalArnPattern: "arn:aws:iam::*:role/LogReader*" } }),
  },
  { name: "tag_narrowing", config: config({ memberAccess: { principalTag: { key: "team", value: "security" } } }) },
  {
    name: "brought_key",
    config: config({ logArchive: { accountId: "222222222222", accessLogs: { enabled: false } }, encryption: { kmsKey: BROUGHT_KEY } }),
  },
  { name: "member_access_off", config: config({ logArchive: { accountId: "222222222222" }, memberAccess: { enabled: false } }) },
];
