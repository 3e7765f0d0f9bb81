import { Construct } from "../modules/shared/facade";
import { THIRD_PARTY_READERS_VARIABLES } from "../modules/third-party-readers/inputs";
import { thirdPartyReadersProps } from "../modules/third-party-readers/props";
import { ThirdPartyReaders as ReadersParts } from "../modules/third-party-readers/third-party-readers";
import { literalInputs } from "../modules/shared/inputs";
import { instanceRefs } from "./instances";
import { KEY_ARN_DEFERRED, LOCATION_FIELDS, named, type LogLocationProps } from "./organization";
import { checkProps } from "./props";

/** One third party (a SIEM vendor, an auditor) and what it may read. */
export interface ThirdPartyReader {
  /** Name of the role created for the third party in the log-archive account. */
  readonly name: string;
  /** The third party's AWS account; its root is trusted, with the external ID. Never the management or log-archive account. */
  readonly accountId: string;
  /** The external ID the third party issued (`sts:ExternalId`). */
  readonly externalId: string;
  /** Only callers signed in with MFA may assume the role. @default false */
  readonly requireMfa?: boolean;
  /** Member accounts whose logs it may read, each once. @default every account */
  readonly accounts?: readonly string[];
}

export interface ThirdPartyReadersProps extends LogLocationProps {
  /** A reader role per third party: names unique (ignoring case), each third-party account once. */
  readonly thirdPartyReaders: readonly ThirdPartyReader[];
}

const FIELDS = { ...LOCATION_FIELDS, thirdPartyReaders: "thirdPartyReaders" } as const;

/**
 * A reader role per third party, in the log-archive account: trusted by the third party's account only with the
 * external ID it issued, allowed to read the granted account folders (every account's by default) and nothing else.
 */
export class ThirdPartyReaders extends Construct {
  /** Role ARN by third-party role name: give it and the external ID to the third party. */
  readonly roleArns: Readonly<Record<string, string>>;
  /** The resources, for references and escape hatches. */
  readonly parts: ReadersParts;

  constructor(scope: Construct, id: string, props: ThirdPartyReadersProps) {
    const { config, given } = checkProps({ scope, construct: named("ThirdPartyReaders", id), props, fields: FIELDS, deferred: KEY_ARN_DEFERRED });
    super(scope, id);
    this.parts = new ReadersParts(this, "readers", { ...thirdPartyReadersProps(literalInputs(THIRD_PARTY_READERS_VARIABLES, config, given)), provider: props.provider });
    this.roleArns = instanceRefs(this.parts.role, config.thirdPartyReaders.map((t) => t.name), "arn");
  }
}
