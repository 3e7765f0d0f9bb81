import type { DeployContext } from "../shared/concept";
import { literalInputs } from "../shared/variables";
import { THIRD_PARTY_READERS_VARIABLES } from "./module";
import { thirdPartyReadersProps } from "./props";
import { ThirdPartyReaders } from "./third-party-readers";

/** A reader role per third party, in the log-archive account: the module's inputs, read off the config. */
export function deployThirdPartyReaders(ctx: DeployContext): void {
  if (!ctx.config.thirdPartyReaders.length) return;
  const props = thirdPartyReadersProps(literalInputs(THIRD_PARTY_READERS_VARIABLES, ctx.config));
  const third = new ThirdPartyReaders(ctx.stack, "third-party-readers", { ...props, provider: ctx.providers.logArchive });
  ctx.output("third_party_reader_role_arns", third.roleArns, "Role ARN by third-party role name.");
}
