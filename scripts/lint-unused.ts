// `npm run lint`'s unused-code step: knip (knip.jsonc), with an exact list of the findings that are
// known and waiting. Anything knip reports that is not on the list fails; so does an entry knip no
// longer reports, so the list only shrinks. Each entry is one export (not a whole file), so new dead
// code in the same file is still caught.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Findings in files other branches were editing when knip came in (issue 18). Key: file#issue-type:name.
// Delete the export, then its entry.
const PENDING: Record<string, string> = {
  'src/gateway/index.ts#exports:AI_FUNCTIONS': 'the gateway barrel re-exports what nothing imports through it',
  'src/gateway/index.ts#exports:FLAG_NAMES': 'barrel re-export nobody imports',
  'src/gateway/index.ts#exports:CORS_HEADERS': 'barrel re-export nobody imports',
  'src/gateway/index.ts#exports:printRequestLine': 'barrel re-export nobody imports',
  'src/gateway/index.ts#exports:verifyWhatsappSignature': 'barrel re-export nobody imports',
  'src/gateway/index.ts#types:EnvGetter': 'barrel re-export nobody imports',
  'src/gateway/index.ts#types:GatewayEvent': 'barrel re-export nobody imports',
  'src/gateway/index.ts#types:FlagName': 'barrel re-export nobody imports',
  'src/gateway/index.ts#types:InlineContext': 'barrel re-export nobody imports',
  'src/providers/index.ts#exports:readProviderConfig': 'barrel re-export; importers use providers/config.ts directly',
  'src/providers/index.ts#exports:providerEnvMarkdown': 'barrel re-export; importers use providers/config.ts directly',
  'src/providers/index.ts#exports:PROVIDER_ENV': 'barrel re-export; importers use providers/config.ts directly',
  'src/providers/index.ts#types:ImageInput': 'barrel re-export nobody imports',
  'src/providers/index.ts#types:JsonSchema': 'barrel re-export nobody imports',
  'src/labs/analytes.ts#exports:UNIT_PATTERN': 're-export from units.ts that every importer now takes from units.ts',
  'src/labs/analytes.ts#exports:normalizeUnit': 're-export from units.ts that every importer now takes from units.ts',
  'src/labs/analytes.ts#exports:analyteByKey': 'dead function',
  'src/labs/lines.ts#exports:isPageMark': 'dead function',
  'src/queue/jobs.ts#types:JobStatus': 'type nobody imports',
};

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
