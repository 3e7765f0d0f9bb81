import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { Command, Help } from "commander";
import Handlebars from "handlebars";
import { CONCEPTS } from "../modules";
import { PACKAGE_ROOT, readAsset, VERSION } from "./assets";

/**
 * `--help` texts: prose and examples live in `help/<command>.hbs`; usage, options and subcommands come from
 * commander, so the text cannot drift from what the parser accepts.
 */
const hbs = Handlebars.create();
for (const file of readdirSync(join(PACKAGE_ROOT, "help", "partials"))) {
  hbs.registerPartial(file.replace(/\.hbs$/, ""), readAsset("help", "partials", file));
}
hbs.registerHelper("pad", (text: string, width: number) => String(text).padEnd(width));

const templates = new Map<string, Handlebars.TemplateDelegate>();

function template(name: string): Handlebars.TemplateDelegate {
  let t = templates.get(name);
  if (!t) {
    t = hbs.compile(readAsset("help", `${name}.hbs`), { noEscape: true, strict: true });
    templates.set(name, t);
  }
  return t;
}

export function renderHelp(cmd: Command, helper: Help): string {
  const isRoot = !cmd.parent;
  const options = helper.visibleOptions(cmd).map((o) => ({ term: helper.optionTerm(o), description: helper.optionDescription(o) }));
  const commands = helper.visibleCommands(cmd).map((c) => ({ term: helper.subcommandTerm(c), description: helper.subcommandDescription(c) }));
  const width = Math.max(0, ...[...options, ...commands].map((i) => i.term.length)) + 2;
  const text = template(isRoot ? "orgtrail" : cmd.name())({
    version: VERSION,
    usage: helper.commandUsage(cmd),
    description: cmd.description(),
    options,
    commands,
    width,
    // Every vendorable module, from the registry, so the list cannot fall behind it.
    modules: CONCEPTS.filter((c) => c.module).map((c) => ({ dir: `${c.name}/`, summary: c.summary })),
  });
  return text.replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}
