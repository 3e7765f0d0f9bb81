import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEPLOY_STACK_NAME } from "../stacks/deploy-stack";
import { OUTPUT_MARKER, OutputRefusedError, writeFolderAtomically } from "../stacks/atomic-write";
import { cli, tempDir, tree } from "./helpers/cli";

/** A previous orgtrail output with one file of each kind, written by the real writer. */
function previousOutput(parent: string): string {
  const out = join(parent, "out");
  writeFolderAtomically(out, (staging) => {
    mkdirSync(join(staging, "modules", "m"), { recursive: true });
    writeFileSync(join(staging, "modules", "m", "main.tf.json"), "{}\n");
    writeFileSync(join(staging, "stale.txt"), "from the previous run\n");
  });
  return out;
}

describe("safe writes: staged beside the target, swapped in by rename", () => {
  test("a writer that fails midway leaves the previous output byte for byte, and no staging folder", () => {
    const parent = tempDir("atomic");
    const out = previousOutput(parent);
    const before = tree(out);
    expect(() =>
      writeFolderAtomically(out, (staging) => {
        writeFileSync(join(staging, "half.txt"), "half written");
        throw new Error("disk full");
      }),
    ).toThrow("disk full");
    expect(tree(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(["out"]);
  });

  test("a failed first run leaves no output and removes the folders it created", () => {
    const parent = tempDir("atomic");
    expect(() => writeFolderAtomically(join(parent, "a", "b", "out"), () => { throw new Error("boom"); })).toThrow("boom");
    expect(readdirSync(parent)).toEqual([]);
  });

  test("a successful run replaces the whole folder: files the new run does not write are gone, the marker is there", () => {
    const parent = tempDir("atomic");
    const out = previousOutput(parent);
    writeFolderAtomically(out, (staging) => writeFileSync(join(staging, "new.txt"), "new\n"));
    expect(tree(out)).toEqual({ [OUTPUT_MARKER]: expect.any(String), "new.txt": "new\n" });
    expect(readdirSync(parent)).toEqual(["out"]);
    expect(statSync(out).mode & 0o777).toBe(0o755);
  });

  test("a folder filled by someone else while staging is refused at the swap, and kept", () => {
    const parent = tempDir("atomic");
    const out = join(parent, "out");
    mkdirSync(out);
    expect(() => writeFolderAtomically(out, () => writeFileSync(join(out, "theirs.txt"), "not orgtrail's"))).toThrow(OutputRefusedError);
    expect(tree(out)).toEqual({ "theirs.txt": "not orgtrail's" });
    expect(readdirSync(parent)).toEqual(["out"]);
  });

  test("links inside the previous output are removed as links: what they point to outside is never touched", () => {
    const parent = tempDir("atomic");
    const outside = tempDir("outside");
    writeFileSync(join(outside, "precious.txt"), "keep me");
    const out = previousOutput(parent);
    symlinkSync(outside, join(out, "link-to-outside"));
    symlinkSync(join(outside, "precious.txt"), join(out, "modules", "file-link"));
    const r = cli(["synth", "--quiet", "--out", out]);
    expect(r.status).toBe(0);
    expect(existsSync(join(out, "link-to-outside"))).toBe(false);
    expect(tree(outside)).toEqual({ "precious.txt": "keep me" });
  });
});

describe("synth refuses any output folder that is not orgtrail's, and writes nothing", () => {
  const refused = (setup: (out: string) => void, reason: string) => {
    const parent = tempDir("refuse");
    const out = join(parent, "out");
    setup(out);
    const before = tree(parent);
    const r = cli(["synth", "--out", out]);
    expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 3, stdout: "" });
    expect(r.stderr).toContain(`${out} ${reason}: refusing to replace it (choose another --out)`);
    expect(r.stderr).toContain("Nothing was written.");
    expect(tree(parent)).toEqual(before);
  };

  test("a non-empty folder without the marker", () =>
    refused((out) => {
      mkdirSync(out);
      writeFileSync(join(out, "main.tf"), "# my own terraform\n");
    }, "is not empty and is not orgtrail output"));

  test("a file", () => refused((out) => writeFileSync(out, "a file\n"), "is a file, not a folder"));

  test("a symbolic link, even to orgtrail output", () =>
    refused((out) => {
      const real = previousOutput(tempDir("real"));
      symlinkSync(real, out);
    }, "is a symbolic link"));

  test("the output of another cdktf project", () =>
    refused((out) => {
      mkdirSync(join(out, "stacks", "their-stack"), { recursive: true });
      writeFileSync(join(out, "manifest.json"), JSON.stringify({ version: "0.21.0", stacks: { "their-stack": {} } }));
    }, "is not empty and is not orgtrail output"));

  test("the working folder itself (--out .)", () => {
    const cwd = tempDir("project");
    writeFileSync(join(cwd, "package.json"), "{}\n");
    const r = cli(["synth", "--out", "."], cwd);
    expect(r.status).toBe(3);
    expect(readdirSync(cwd)).toEqual(["package.json"]);
  });
});

describe("synth accepts what is safe to replace", () => {
  test("an empty folder, and then its own output", () => {
    const out = join(tempDir("accept"), "out");
    mkdirSync(out);
    expect(cli(["synth", "--quiet", "--out", out]).status).toBe(0);
    expect(readdirSync(out)).toContain(OUTPUT_MARKER);
    expect(cli(["synth", "--quiet", "--out", out]).status).toBe(0);
  });

  test("what `cdktf synth` wrote for orgtrail's own app (a manifest naming only its stack)", () => {
    const out = join(tempDir("accept"), "out");
    mkdirSync(join(out, "stacks", DEPLOY_STACK_NAME), { recursive: true });
    writeFileSync(join(out, "manifest.json"), JSON.stringify({ version: "0.21.0", stacks: { [DEPLOY_STACK_NAME]: {} } }));
    expect(cli(["synth", "--quiet", "--out", out]).status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")).stacks).toHaveProperty(DEPLOY_STACK_NAME);
    expect(readdirSync(out)).toContain(OUTPUT_MARKER);
  });
});
