import type { ResolvedDocument, ResolvedStatement } from "../../modules/shared/document";
import type { Config } from "../../config/schema";
import { policiesOf } from "../../stacks/policy-sizes";

/** The statement with this Sid; an error naming the Sids there are when it is missing. */
export const statement = (doc: ResolvedDocument, sid: string): ResolvedStatement => {
  const s = doc.Statement.find((x) => x.Sid === sid);
  if (!s) throw new Error(`no statement ${sid} in ${doc.Statement.map((x) => x.Sid).join(", ")}`);
  return s;
};

/** A config's policy document by its name in the size report. */
export const policy = (c: Config, name: string): ResolvedDocument => policiesOf(c).find((p) => p.name === name)!.document;

/** The example organization's trail ARN, which every CloudTrail statement is bound to. */
export const TRAIL_ARN = "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail";
