/**
 * cdktf app entry (`cdktf.json`: `node dist/main.js`): `npx cdktf synth` / `cdktf deploy` build the deploy stack
 * from the config named by ORGTRAIL_CONFIG, or from the embedded example organization.
 */
import { loadConfig } from "./config/load";
import { buildDeployApp } from "./stacks/synth";

buildDeployApp(loadConfig(process.env.ORGTRAIL_CONFIG)).synth();
