// `npm run lint`'s unused-code step: knip (knip.jsonc), with an exact list of the findings that are
// known and waiting. Anything knip reports that is not on the list fails; so does an entry knip no
// longer reports, so the list only shrinks. Each entry is one export (not a whole file), so new dead
// code in the same file is still caught.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Empty since issue 18 cleared the findings from knip's arrival. An entry is a finding that cannot be
// fixed in the same change, keyed file#issue-type:name, with the reason beside it; delete the export,
// then its entry.
const PENDING: Record<string, string> = {};

interface Issue {
  file: string;
  [type: string]: unknown;
}

const knip = fileURLToPath(new URL('../node_modules/knip/bin/knip.js', import.meta.url));
const run = spawnSync(process.execPath, [knip, '--reporter', 'json', '--no-progress'], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  encoding: 'utf8',
  maxBuffer: 64 << 20,
});
let issues: Issue[];
try {
  issues = (JSON.parse(run.stdout) as { issues: Issue[] }).issues;
} catch {
  process.stderr.write(`knip did not produce a report (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  process.exit(2);
}

const found = new Set<string>();
for (const issue of issues) {
  for (const [type, list] of Object.entries(issue)) {
    if (!Array.isArray(list)) continue;
    for (const item of list as { name: string }[]) found.add(`${issue.file}#${type}:${item.name}`);
  }
}

const fresh = [...found].filter((k) => !(k in PENDING));
const gone = Object.keys(PENDING).filter((k) => !found.has(k));
for (const k of fresh) process.stderr.write(`unused: ${k}\n`);
for (const k of gone) process.stderr.write(`fixed, delete its entry from PENDING in scripts/lint-unused.ts: ${k}\n`);
if (fresh.length > 0 || gone.length > 0) process.exit(1);
process.stdout.write(`knip: nothing unused beyond the ${found.size} pending findings listed in scripts/lint-unused.ts\n`);
