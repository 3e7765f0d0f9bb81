import fc from "fast-check";
import { KNOWN_REGIONS } from "../../modules/shared/rules/aws-values";
import { follows, type RuleName } from "../../modules/shared/rules/field-rules";
import type { ConfigInput } from "../../config/schema";

/**
 * fast-check generators of valid configs: every value obeys its rule set and every cross-field rule by
 * construction, including values at their limits (63-character bucket names, 200-character key prefixes, long
 * principal patterns, 50 tags), so a property also probes the policy size limits.
 */
const valid = (rule: RuleName, arb: fc.Arbitrary<string>) => arb.filter((v) => follows(rule, v));

const accountId = fc.stringMatching(/^[0-9]{12}$/);
const organizationId = fc.stringMatching(/^o-[a-z0-9]{10,32}$/);
const word = (max: number) => fc.stringMatching(new RegExp(`^[a-z0-9]{1,${max}}$`));

const bucketName = (maxLength: number) =>
  valid(
    "bucketName",
    fc
      .array(word(20), { minLength: 1, maxLength: 5 })
      .chain((parts) => fc.constantFrom("-", ".").map((sep) => parts.join(sep)))
      .map((n) => (n.length < 3 ? `${n}log` : n).slice(0, maxLength).replace(/[.-]+$/, "")),
  );

const trailName = valid("trailName", fc.stringMatching(/^[A-Za-z0-9]([._-]?[A-Za-z0-9]){2,127}$/));

const keyPrefix = valid(
  "keyPrefix",
  fc.oneof(
    fc.array(fc.stringMatching(/^[A-Za-z0-9!_.*'()-]{1,30}$/), { minLength: 1, maxLength: 4 }).map((s) => s.join("/")),
    fc.constant("p".repeat(200)),
  ),
);

const kmsAlias = valid("kmsAlias", fc.stringMatching(/^alias\/[A-Za-z0-9/_-]{1,60}$/).map((a) => a.replace(/^alias\/aws\//, "alias/x/")));
const tagKey = valid("tagKey", fc.stringMatching(/^[A-Za-z0-9 _.:/=+@-]{1,128}$/));
const tagValue = valid("tagValue", fc.stringMatching(/^[A-Za-z0-9 _.:/=+@-]{0,256}$/));
const days = (min: number, max: number) => fc.integer({ min, max });

const lifecycleAndLock = fc
  .record({
    storageClass: fc.constantFrom("STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"),
    transition: days(1, 3650),
    afterTransition: days(1, 30000),
    noncurrent: days(1, 36500),
    abort: days(1, 36500),
    lock: fc.option(fc.record({ mode: fc.constantFrom("GOVERNANCE", "COMPLIANCE"), share: fc.double({ min: 0, max: 1, noNaN: true }) }), { nil: undefined }),
  })
  .map((x) => {
    const transitionDays = x.storageClass.endsWith("_IA") ? Math.max(30, x.transition) : x.transition;
    const expirationDays = transitionDays + x.afterTransition;
    return {
      lifecycle: { transitionDays, transitionStorageClass: x.storageClass, expirationDays, noncurrentVersionExpirationDays: x.noncurrent, abortIncompleteMultipartUploadDays: x.abort },
      objectLock: x.lock && { mode: x.lock.mode, retentionDays: Math.max(1, Math.floor(expirationDays * x.lock.share)) },
    };
  });

const partitionOf = (region: string) => (region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws");

export const validConfig: fc.Arbitrary<ConfigInput> = fc
  .record({
    orgId: organizationId,
    management: accountId,
    logArchive: fc.option(accountId, { nil: undefined }),
    region: fc.constantFrom(...KNOWN_REGIONS),
    bucket: fc.oneof(bucketName(63), valid("bucketName", fc.stringMatching(/^[a-z0-9]{63}$/))),
    accessLogs: fc.record({ enabled: fc.boolean(), name: fc.option(bucketName(63), { nil: undefined }), expirationDays: days(1, 36500) }),
    keyPrefix: fc.option(keyPrefix, { nil: undefined }),
    ownership: fc.constantFrom("BucketOwnerEnforced", "BucketOwnerPreferred"),
    retention: lifecycleAndLock,
    key: fc.record({ bring: fc.boolean(), account: accountId, id: fc.uuid(), alias: kmsAlias, window: days(7, 30) }),
    trail: fc.record({ name: trailName, multiRegion: fc.boolean(), global: fc.boolean(), validation: fc.boolean() }),
    member: fc.record({
      enabled: fc.boolean(),
      role: fc.option(fc.oneof(fc.stringMatching(/^[A-Za-z0-9+=,.@_\/*?-]{1,200}$/), fc.stringMatching(/^[A-Za-z0-9_*-]{2000}$/)), { nil: undefined }),
      tag: fc.option(fc.record({ key: tagKey, value: tagValue }), { nil: undefined }),
    }),
    tags: fc.oneof(fc.dictionary(tagKey, tagValue, { maxKeys: 10 }), fc.dictionary(tagKey, tagValue, { minKeys: 50, maxKeys: 50 })),
  })
  .map((x): ConfigInput => {
    const partition = partitionOf(x.region);
    // The default access-log bucket name appends 12 characters; a longer archive name needs an explicit one.
    const accessLogName = x.accessLogs.name !== x.bucket ? x.accessLogs.name : undefined;
    const needsName = x.bucket.length > 51 && !accessLogName;
    return {
      organization: { id: x.orgId, managementAccountId: x.management, homeRegion: x.region, partition },
      logArchive: {
        accountId: x.logArchive,
        bucketName: x.bucket,
        keyPrefix: x.keyPrefix,
        objectOwnership: x.ownership,
        lifecycle: x.retention.lifecycle,
        objectLock: x.retention.objectLock,
        accessLogs: { enabled: x.accessLogs.enabled, bucketName: needsName ? `${x.bucket.slice(0, 40).replace(/[.-]+$/, "")}-al` : accessLogName, expirationDays: x.accessLogs.expirationDays },
      },
      encryption: {
        kmsKey: x.key.bring ? `arn:${partition}:kms:${x.region}:${x.key.account}:key/${x.key.id}` : "create",
        aliasName: x.key.alias,
        deletionWindowDays: x.key.window,
      },
      trail: { name: x.trail.name, multiRegion: x.trail.multiRegion, includeGlobalServiceEvents: x.trail.global, logFileValidation: x.trail.validation },
      memberAccess: x.member.enabled
        ? { enabled: true, principalArnPattern: x.member.role && `arn:${partition}:iam::*:role/${x.member.role}`, principalTag: x.member.tag }
        : { enabled: false },
      tags: x.tags,
    };
  })
  .map(dropUndefined);

/** YAML and JSON have no `undefined`: a generated config looks like one read from a file. */
function dropUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
