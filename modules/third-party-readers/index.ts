import type { Concept } from "../shared/concept";
import { thirdPartyReadersSections } from "./config";
import { thirdPartyReadersPolicies } from "./policies";
import { THIRD_PARTY_READERS_RULES } from "./rules";

/** A reader role per third party, with its external ID. */
export const thirdPartyReaders: Concept<typeof thirdPartyReadersSections> = {
  name: "third-party-readers",
  summary: "a reader role per third party, with its external ID",
  sections: thirdPartyReadersSections,
  crossFieldRules: THIRD_PARTY_READERS_RULES,
  policies: thirdPartyReadersPolicies,
  needs: ["deployment"],
  deploy: (ctx) => (require("./deploy") as typeof import("./deploy")).deployThirdPartyReaders(ctx),
  module: () => (require("./module") as typeof import("./module")).thirdPartyReadersModule(),
};
