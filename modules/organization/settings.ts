import type { Config } from "../../config/schema";
import { keyPath } from "../shared/arns";
import type { MemberAccessIntent } from "../member-access/narrowing";
import type { LifecycleProps, ObjectLockProps } from "../log-archive/hardened-bucket";

/** A validated config with every default and derived value filled in, as the deploy stack consumes it. */
export interface Settings {
  readonly partition: string;
  readonly organizationId: string;
  readonly managementAccountId: string;
  readonly homeRegion: string;
  readonly trailName: string;
  readonly logArchiveAccountId: string;
  readonly separateLogArchiveAccount: boolean;
  readonly bucketName: string;
  readonly keyPrefix?: string;
  /** Key paths (`""` or `"<prefix>/"`) the trail wrote to before: still readable, never written. */
  readonly previousKeyPaths: readonly string[];
  readonly objectOwnership: string;
  readonly lifecycle: Required<LifecycleProps>;
  readonly objectLock?: ObjectLockProps;
  readonly accessLogBucketName: string;
  readonly createKey: boolean;
  readonly memberAccess: MemberAccessIntent;
}

export function settingsOf(c: Config): Settings {
  const logArchiveAccountId = c.logArchive.accountId ?? c.organization.managementAccountId;
  return {
    partition: c.organization.partition,
    organizationId: c.organization.id,
    managementAccountId: c.organization.managementAccountId,
    homeRegion: c.organization.homeRegion,
    trailName: c.trail.name,
    logArchiveAccountId,
    separateLogArchiveAccount: logArchiveAccountId !== c.organization.managementAccountId,
    bucketName: c.logArchive.bucketName,
    keyPrefix: c.logArchive.keyPrefix,
    previousKeyPaths: c.logArchive.previousKeyPrefixes.map(keyPath),
    objectOwnership: c.logArchive.objectOwnership,
    lifecycle: c.logArchive.lifecycle,
    objectLock: c.logArchive.objectLock ? { enabled: true, ...c.logArchive.objectLock } : undefined,
    accessLogBucketName: c.logArchive.accessLogs.bucketName ?? `${c.logArchive.bucketName}-access-logs`,
    createKey: c.encryption.kmsKey === "create",
    memberAccess: c.memberAccess,
  };
}
