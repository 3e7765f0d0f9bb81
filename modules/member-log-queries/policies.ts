import type { Config } from "../../config/schema";
import { resolveDocument } from "../shared/document";
import type { NamedPolicy } from "../shared/limits";
import { memberQueryPolicy } from "./query-policy";
import { memberQueryIntents } from "./settings";

/** Per member account listed in `memberLogQueries.accounts`: the identity policy its query principals get (a managed policy). */
export function memberLogQueriesPolicies(c: Config): NamedPolicy[] {
  return memberQueryIntents(c).map((i) => ({ name: `member ${i.memberAccountId} log queries policy`, kind: "managedPolicy", document: resolveDocument(memberQueryPolicy(i)) }));
}
