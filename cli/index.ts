#!/usr/bin/env node
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Command, CommanderError, Option } from "commander";
import YAML from "yaml";
import { ConfigError, parseConfig, readConfig, type LoadedConfig } from "../config/load";
import { CONCEPTS } from "../modules";
import { enforcedBy } from "../modules/shared/rules/cross-field";
import { ruleSets } from "../modules/shared/rules/field-rules";
import { SWITCHED_OFF } from "../config/warnings";
import { assertWithinLimits, PolicyTooLargeError } from "../modules/shared/limits";
import { OutputRefusedError } from "../stacks/atomic-write";
import { LogsAtRiskError } from "../stacks/day2/change";
import { policySizes } from "../stacks/policy-sizes";
import { PlanReadError } from "../stacks/review/plan";
import type { ModuleFormat } from "../stacks/hcl";
import { VERSION } from "./assets";
import type { StarterValues } from "./init-template";
import { writeFileAtomically } from "./write-file";
import { modeOf, plural, policyJson, policyLines, Reporter } from "./report";
import { day2Json, day2Text } from "./day2-report";

/** Exit codes; help/partials/exit-codes.hbs explains them to users. */
export const EXIT = { ok: 0, failed: 1, invalidConfig: 2, refused: 3, logsAtRisk: 4, gated: 5, usage: 64 } as const;

/** Config files picked up from the working folder when --config is not given. */
const DISCOVERED_CONFIGS = ["orgtrail.yaml", "orgtrail.yml", "orgtrail.json"];

interface OutputOptions {
  quiet?: boolean;
  json?: boolean;
}

/** Runs a command body; every failure becomes one message, an exit code and, in JSON mode, one document. */
async function run(r: Reporter, body: (context: { loaded?: LoadedConfig }) => void | Promise<void>): Promise<void> {
  const context: { loaded?: LoadedConfig } = {};
  const extra = () => ({ config: context.loaded?.source, warnings: context.loaded?.warnings ?? [], written: false });
  const nothing = ["validate", "rules", "explain", "review"].includes(r.command) ? "" : "\nNothing was written.";
  try {
    await body(context);
  } catch (e) {
    if (e instanceof ConfigError) {
      r.warnings(e.source, e.warnings);
      r.fail(EXIT.invalidConfig, "invalid-config", `${e.message}${nothing}`, { ...extra(), config: e.source, problems: e.problems, warnings: e.warnings });
    } else if (e instanceof PolicyTooLargeError) {
      r.fail(EXIT.invalidConfig, "policy-too-large", `${e.message}${nothing}`, { ...extra(), policies: policyJson(e.reports) });
    } else if (e instanceof LogsAtRiskError) {
      r.fail(EXIT.logsAtRisk, "logs-at-risk", `${e.message}${nothing}`, { ...extra(), ...day2Json(e.comparison) });
    } else if (e instanceof PlanReadError) {
      r.fail(EXIT.invalidConfig, "invalid-plan", e.message, extra());
    } else if (e instanceof OutputRefusedError || (e as NodeJS.ErrnoException).code === "EEXIST") {
      r.fail(EXIT.refused, "output-refused", `${(e as Error).message}${nothing}`, extra());
    } else {
      r.fail(EXIT.failed, "failed", `${(e as Error).stack ?? e}${nothing ? "\nThe previous output, if any, is untouched." : ""}`, extra());
    }
  }
}

function load(r: Reporter, path: string | undefined, context: { loaded?: LoadedConfig }): LoadedConfig {
  const file = path ?? DISCOVERED_CONFIGS.find((f) => existsSync(f));
  // Said in every mode: Terraform for an example organization must never pass for the user's own.
  if (file) r.progress(`reading ${file}`);
  else r.notice("no --config and no ./orgtrail.yaml: using the embedded example organization (orgtrail init writes a config to edit)");
  const loaded = readConfig(file);
  context.loaded = loaded;
  r.warnings(loaded.source, loaded.warnings);
  return loaded;
}

/** The schema file the starter config names in its first line. */
const SCHEMA_FILE = "orgtrail.schema.json";

/** Absent, or an earlier orgtrail schema: a file orgtrail may (re)write. */
const isOrgtrailSchema = (path: string): boolean => !existsSync(path) || readFileSync(path, "utf8").includes(`"title": "orgtrail configuration"`);

const seconds = (started: bigint): number => Math.round(Number(process.hrtime.bigint() - started) / 1e6) / 1000;

const program = new Command()
  .name("orgtrail")
  .description("Generate Terraform for a centralized AWS Organizations CloudTrail log archive.")
  .version(VERSION, "-V, --version", "print the version")
  .helpOption("-h, --help", "print this help")
  .helpCommand(false)
  // Help, the starter template and the JSON Schema are loaded when asked for: every run pays for what it loads.
  .configureHelp({ formatHelp: (cmd, helper) => (require("./help") as typeof import("./help")).renderHelp(cmd, helper), sortOptions: false })
  .showHelpAfterError("(run orgtrail --help for usage)")
  .exitOverride();

const configOption = () => new Option("-c, --config <file>", "YAML or JSON config (default: ./orgtrail.yaml, else the embedded example)");
const quietOption = () => new Option("-q, --quiet", "print only errors and warnings");
const jsonOption = () => new Option("--json", "print one machine-readable JSON document on stdout, nothing else").conflicts("quiet");

program
  .command("synth")
  .description("Write the deploy stack and the vendorable Terraform modules.")
  .addOption(configOption())
  .option("-o, --out <dir>", "output folder, replaced atomically", "cdktf.out")
  .addOption(new Option("-f, --format <format>", "vendorable modules as Terraform JSON, HCL, or both (HCL in modules-hcl/)").choices(["json", "hcl", "both"]).default("json"))
  .option("--fail-on-destroy", "exit 4 and write nothing when a change would destroy logs, the trail, or the key that decrypts them")
  // Changes that put deployed logs at risk are printed even so: a destroyed archive must not be silent.
  .addOption(new Option("-q, --quiet", "print only errors, warnings, and changes that put deployed logs at risk"))
  .addOption(jsonOption())
  .action((opts: { config?: string; out: string; format: ModuleFormat; failOnDestroy?: boolean } & OutputOptions) => {
    const r = new Reporter("synth", modeOf(opts));
    return run(r, async (context) => {
      const started = process.hrtime.bigint();
      const loaded = load(r, opts.config, context);
      // Loaded only now: cdktf and the provider classes are the slow part, and a bad config never needs them.
      const { synthesize, verifyHclModules } = require("../stacks/synth") as typeof import("../stacks/synth");
      if (opts.format !== "json") {
        // HCL is offered only when a round trip proves it equivalent to the JSON synthesis.
        r.progress("proving the HCL modules equivalent to the JSON ones (hcl2json round trip)");
        await verifyHclModules();
      }
      const failOnDestroy = Boolean(opts.failOnDestroy);
      const s = synthesize(loaded.config, opts.out, {
        moduleFormat: opts.format,
        progress: (step) => r.progress(step),
        // Before the previous output is replaced, and even with --quiet.
        day2: (comparison) => r.alarm(day2Text("synth", comparison, failOnDestroy)),
        failOnDestroy,
      });
      const took = seconds(started);
      const day2Count = s.day2.changes.length;
      r.done(
        [
          `Wrote ${plural(s.files.length, "file")} to ${s.outDir} in ${took.toFixed(2)} s (config: ${loaded.source})`,
          ...Object.entries(s.resources).map(([where, n]) => `  ${where.padEnd(30)} ${plural(n, "resource")}`),
          ...policyLines(s.policies),
          ...(loaded.warnings.length ? [`${plural(loaded.warnings.length, "warning")}: see above`] : []),
          ...(day2Count ? [`${plural(day2Count, "change")} to resources that hold or produce logs: see above`] : []),
        ],
        { config: loaded.source, outDir: s.outDir, files: s.files, resources: s.resources, policies: policyJson(s.policies), warnings: loaded.warnings, ...day2Json(s.day2), seconds: took, written: true },
      );
    });
  });

program
  .command("validate")
  .description("Check a config and report every problem at once; writes nothing.")
  .argument("[file]", "the config to check (same as --config)")
  .addOption(configOption())
  .addOption(quietOption())
  .addOption(jsonOption())
  .action((file: string | undefined, opts: { config?: string } & OutputOptions) => {
    const r = new Reporter("validate", modeOf(opts));
    return run(r, (context) => {
      if (file && opts.config) {
        r.fail(EXIT.usage, "usage", `a config given twice: ${file} (argument) and ${opts.config} (--config); give one`);
        return;
      }
      const loaded = load(r, opts.config ?? file, context);
      r.progress("checking policy sizes against the AWS limits");
      const policies = policySizes(loaded.config);
      assertWithinLimits(policies);
      r.done(
        [`${loaded.source}: valid${loaded.warnings.length ? `, with ${plural(loaded.warnings.length, "warning")} (see above)` : ""}`, ...policyLines(policies)],
        { config: loaded.source, problems: [], warnings: loaded.warnings, policies: policyJson(policies) },
      );
    });
  });

program
  .command("init")
  .description("Write a commented starter config to edit.")
  .argument("[file]", "where to write it", "orgtrail.yaml")
  .option("--org-id <id>", "AWS Organizations ID (o-…)")
  .option("--management-account-id <id>", "the management account, which owns the trail")
  .option("--home-region <region>", "the trail's home region")
  .option("--log-archive-account-id <id>", "the account that owns the bucket and key (default: the management account)")
  .option("--bucket-name <name>", "the central log archive bucket")
  .option("--trail-name <name>", "the organization trail")
  .option("-f, --force", "overwrite an existing file")
  .addOption(quietOption())
  .addOption(jsonOption())
  .action((file: string, opts: Partial<StarterValues> & { force?: boolean } & OutputOptions) => {
    const r = new Reporter("init", modeOf(opts));
    return run(r, () => {
      const text = (require("./init-template") as typeof import("./init-template")).starterConfig(opts);
      // The starter is checked like any config: values given as options must obey the same rules.
      parseConfig(YAML.parse(text), `${file} (from the options given)`);
      try {
        writeFileAtomically(file, text, Boolean(opts.force));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "EEXIST") throw new OutputRefusedError(file, "exists", "use --force to overwrite it");
        throw e;
      }
      // The starter's first line points editors at the schema beside it: write it there.
      const schema = join(dirname(file), SCHEMA_FILE);
      const schemaWritten = isOrgtrailSchema(schema);
      if (schemaWritten) writeFileAtomically(schema, (require("../config/json-schema") as typeof import("../config/json-schema")).configJsonSchemaText(), true);
      r.done(
        [
          `Wrote ${file}: edit it, then run orgtrail validate --config ${file}`,
          schemaWritten ? `Wrote ${schema} beside it, for completion and checks in editors` : `Left ${schema} as it is: it is not an orgtrail schema`,
        ],
        { file, schema: schemaWritten ? schema : null, written: true },
      );
    });
  });

program
  .command("schema")
  .description("Print the JSON Schema of the config, for editors and CI.")
  .option("-o, --out <file>", "write it to a file instead of stdout (replaces only an earlier orgtrail schema)")
  .action((opts: { out?: string }) => {
    const r = new Reporter("schema", "quiet");
    return run(r, () => {
      const text = (require("../config/json-schema") as typeof import("../config/json-schema")).configJsonSchemaText();
      if (!opts.out) {
        process.stdout.write(text);
        return;
      }
      if (!isOrgtrailSchema(opts.out)) throw new OutputRefusedError(opts.out, "exists and is not an orgtrail schema", "choose another --out");
      writeFileAtomically(opts.out, text, true);
    });
  });

program
  .command("rules")
  .description("List every validation rule and the AWS document it comes from.")
  .option("--json", "print them as JSON")
  .action((opts: { json?: boolean }) => {
    const sets = ruleSets()
      .filter((s) => !s.advice)
      .map((s) => ({ name: s.name, must: s.rules.map((x) => x.must), source: s.source }));
    const crossField = CONCEPTS.flatMap((c) => c.crossFieldRules ?? []).map((x) => ({ rule: x.rule, source: x.source, enforcedBy: enforcedBy(x) }));
    const advice = ruleSets()
      .filter((s) => s.advice)
      .map((s) => ({ name: s.name, should: s.rules.map((x) => x.must), source: s.source }));
    if (opts.json) {
      process.stdout.write(JSON.stringify({ rules: sets, advice, switchedOff: SWITCHED_OFF, crossField }, null, 2) + "\n");
      return;
    }
    const out: string[] = ["Rules (an error when broken):"];
    for (const s of sets) out.push(`  ${s.name}: ${s.source}`, ...s.must.map((m) => `    - must ${m}`));
    out.push("", "Advice (a warning when not followed):");
    for (const a of advice) out.push(`  ${a.name}: ${a.source}`, ...a.should.map((m) => `    - should ${m}`));
    for (const w of SWITCHED_OFF) out.push(`  ${w.path}: a warning when off: ${w.why}`);
    out.push("", "Rules between settings:");
    for (const c of crossField) out.push(`  - ${c.rule}`, `    ${c.source}`, `    enforced by: ${c.enforcedBy.join("; ")}`);
    process.stdout.write(out.join("\n") + "\n");
  });

program
  .command("explain")
  .description("Print who may do what on which prefix, and each policy's size against its AWS limit.")
  .addOption(configOption().conflicts("plan"))
  .option("-p, --plan <file>", "read the policies a saved plan will apply (`terraform show -json` output of any root) instead of a config")
  .addOption(new Option("--markdown", "Markdown tables, e.g. for a pull-request description").conflicts("json"))
  .addOption(jsonOption())
  .action((opts: { config?: string; plan?: string; markdown?: boolean; json?: boolean }) => {
    const r = new Reporter("explain", opts.json ? "json" : "quiet");
    return run(r, (context) => {
      const { explain, explainPolicies, formatMarkdown, formatText } = require("../stacks/explain") as typeof import("../stacks/explain");
      let unknown: string[] = [];
      let e;
      if (opts.plan) {
        const { plannedDocuments, readPlan } = require("../stacks/review/plan") as typeof import("../stacks/review/plan");
        const planned = plannedDocuments(readPlan(readFileSync(opts.plan, "utf8"), opts.plan));
        unknown = planned.unknown;
        e = explainPolicies(planned.policies);
      } else {
        e = explain(load(r, opts.config, context).config);
      }
      const note = unknown.length ? `Computed during apply, so not shown: ${unknown.join(", ")}\n` : "";
      if (opts.json) {
        const source = opts.plan ? { plan: opts.plan } : { config: context.loaded?.source, warnings: context.loaded?.warnings ?? [] };
        process.stdout.write(JSON.stringify({ command: "explain", ok: true, exitCode: 0, ...source, rows: e.rows, sizes: policyJson(e.sizes), unknownPolicies: unknown }, null, 2) + "\n");
      } else process.stdout.write((opts.markdown ? formatMarkdown(e) : formatText(e)) + note);
    });
  });

program
  .command("review")
  .description("Report what a Terraform plan changes: access per principal, destruction of logs, policy sizes.")
  .requiredOption("-p, --plan <file>", "`terraform show -json` output of a saved plan, of any root (deploy stack or vendored modules)")
  .addOption(new Option("--markdown", "Markdown for a pull-request comment").conflicts("json"))
  .addOption(jsonOption())
  .option("--fail-on <gates>", "comma-separated: exit 5 when the plan does any of these (see below)", "")
  .action((opts: { plan: string; markdown?: boolean; failOn: string } & OutputOptions) => {
    const r = new Reporter("review", modeOf(opts));
    return run(r, () => {
      const { GATES, gatesHit, isGate, review } = require("../stacks/review/review") as typeof import("../stacks/review/review");
      const { readPlan } = require("../stacks/review/plan") as typeof import("../stacks/review/plan");
      const { reviewJson, reviewMarkdown, reviewText } = require("./review-report") as typeof import("./review-report");
      const asked = opts.failOn.split(",").map((g) => g.trim()).filter(Boolean);
      const unknown = asked.filter((g) => !isGate(g));
      if (unknown.length) {
        r.fail(EXIT.usage, "usage", `--fail-on: unknown gate ${unknown.map((g) => JSON.stringify(g)).join(", ")}; known: ${Object.keys(GATES).join(", ")}`);
        return;
      }
      const result = review(readPlan(readFileSync(opts.plan, "utf8"), opts.plan));
      const hit = gatesHit(result, asked.filter(isGate));
      if (opts.json) {
        process.stdout.write(JSON.stringify({ command: "review", ok: !hit.length, exitCode: hit.length ? EXIT.gated : EXIT.ok, plan: opts.plan, ...reviewJson(result, hit) }, null, 2) + "\n");
      } else {
        process.stdout.write(opts.markdown ? reviewMarkdown(result, hit) : reviewText(result, hit));
        if (hit.length) process.stderr.write(`orgtrail review: the plan ${hit.map((g) => `fails --fail-on ${g}: ${GATES[g].means}`).join("; ")}\n`);
      }
      if (hit.length) process.exitCode = EXIT.gated;
    });
  });

program.parseAsync().catch((e: unknown) => {
  if (!(e instanceof CommanderError)) throw e;
  // Help and --version end with exit code 0; anything else commander rejects is a usage error.
  process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.usage;
});
