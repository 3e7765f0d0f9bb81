#!/usr/bin/env node
import { Command, Option } from "commander";
import { ConfigError, loadConfig } from "../config/load";
import { PolicyTooLargeError } from "../policies/limits";
import { explain, formatMarkdown, formatText } from "../stacks/explain";
import type { ModuleFormat } from "../stacks/hcl";
import { synthesize, verifyHclModules, type SynthSummary } from "../stacks/synth";

/** Exit codes: 2 for a bad config or a policy over its limit (nothing written), 1 for anything else. */
async function run(action: () => void | Promise<void>): Promise<void> {
  try {
    await action();
  } catch (e) {
    if (e instanceof ConfigError || e instanceof PolicyTooLargeError) {
      process.stderr.write(`orgtrail: ${e.message}\nNothing was written.\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`orgtrail: ${(e as Error).message}\nNothing was written.\n`);
      process.exitCode = 1;
    }
  }
}

function printSummary(s: SynthSummary, seconds: number): void {
  const out: string[] = [`Wrote ${s.files.length} files to ${s.outDir} in ${seconds.toFixed(2)} s`];
  for (const [where, n] of Object.entries(s.resources)) out.push(`  ${where.padEnd(30)} ${n} resources`);
  out.push("Policies (size as AWS counts it / limit):");
  for (const p of s.policies) {
    out.push(`  ${p.name.padEnd(30)} ${String(p.size).padStart(6)} / ${p.limit} ${p.unit} (${((100 * p.size) / p.limit).toFixed(1)}%)`);
  }
  process.stdout.write(out.join("\n") + "\n");
}

const program = new Command()
  .name("orgtrail")
  .description("Generate Terraform for a centralized AWS Organizations CloudTrail log archive.")
  .showHelpAfterError();

program
  .command("synth")
  .description("Write the deploy stack and the vendorable Terraform modules.")
  .option("-c, --config <file>", "YAML or JSON config (default: the embedded example organization)")
  .option("-o, --out <dir>", "output folder, replaced atomically", "cdktf.out")
  .addOption(new Option("-f, --format <format>", "vendorable modules as Terraform JSON, HCL, or both (HCL in modules-hcl/)").choices(["json", "hcl", "both"]).default("json"))
  .action((opts: { config?: string; out: string; format: ModuleFormat }) =>
    run(async () => {
      const started = process.hrtime.bigint();
      const config = loadConfig(opts.config);
      // HCL is offered only when a round trip proves it equivalent to the JSON synthesis.
      if (opts.format !== "json") await verifyHclModules();
      const summary = synthesize(config, opts.out, { moduleFormat: opts.format });
      printSummary(summary, Number(process.hrtime.bigint() - started) / 1e9);
    }),
  );

program
  .command("validate")
  .description("Check a config file and report every problem at once; writes nothing.")
  .requiredOption("-c, --config <file>", "YAML or JSON config")
  .action((opts: { config: string }) =>
    run(() => {
      loadConfig(opts.config);
      process.stdout.write(`${opts.config}: valid\n`);
    }),
  );

program
  .command("explain")
  .description("Print who may do what on which prefix, and each policy's size against its AWS limit.")
  .option("-c, --config <file>", "YAML or JSON config (default: the embedded example organization)")
  .option("--markdown", "Markdown tables, e.g. for a pull-request description")
  .action((opts: { config?: string; markdown?: boolean }) =>
    run(() => {
      const e = explain(loadConfig(opts.config));
      process.stdout.write(opts.markdown ? formatMarkdown(e) : formatText(e));
    }),
  );

void program.parseAsync();
