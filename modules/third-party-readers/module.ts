import { TerraformStack } from "../shared/facade";
import type { ModuleDefinition } from "../shared/concept";
import { output } from "../shared/output";
import type { ModuleVariables } from "../shared/variables";
import { thirdPartyReadersProps } from "./props";
import { ThirdPartyReaders } from "./third-party-readers";
import { THIRD_PARTY_READERS_DOC } from "./readme";
import { THIRD_PARTY_READERS_VARIABLES } from "./inputs";

export { THIRD_PARTY_READERS_VARIABLES };

/** third-party-readers: a role per third party with its external ID, in the log-archive account. */
function build(stack: TerraformStack, v: ModuleVariables): void {
  const readers = new ThirdPartyReaders(stack, "third-party-readers", thirdPartyReadersProps(v));
  output(stack, "role_arns", readers.roleArns, "Role ARN by third-party role name: give it and the external ID to the third party.");
}

export const thirdPartyReadersModule = (): ModuleDefinition => ({ name: "third-party-readers", variables: THIRD_PARTY_READERS_VARIABLES, build, doc: THIRD_PARTY_READERS_DOC });
