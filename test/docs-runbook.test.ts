// Every alert — the Prometheus rules and the daemon's own webhook alerts — links to a section of
// docs/RUNBOOK.md that exists, and every document the README promises is there and linked.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const read = (file: string) => readFileSync(`${ROOT}${file}`, 'utf8');

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  for (const m of markdown.matchAll(/^#{1,6}\s+(.+)$/gm)) {
    out.add(
      m[1]!
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s-]/gu, '')
        .replace(/\s/g, '-'),
    );
  }
  return out;
}

test('each Prometheus alert has a summary and a runbook link to an existing RUNBOOK.md section', () => {
  const rules = parseYaml(read('deploy/prometheus/alerts.yml')) as {
    groups: Array<{ rules: Array<{ alert?: string; annotations?: Record<string, string> }> }>;
  };
  const sections = anchors(read('docs/RUNBOOK.md'));
  const alerts = rules.groups.flatMap((g) => g.rules).filter((r) => r.alert);
  assert.ok(alerts.length >= 8, `only ${alerts.length} alerts`);
  const broken: string[] = [];
  for (const rule of alerts) {
    assert.ok(rule.annotations?.summary, `${rule.alert} has no summary`);
    const anchor = /RUNBOOK\.md#([\w-]+)$/.exec(rule.annotations?.runbook_url ?? '')?.[1];
    if (!anchor || !sections.has(anchor)) broken.push(`${rule.alert} → ${rule.annotations?.runbook_url}`);
  }
  assert.deepEqual(broken, []);
});

test('the README links every document an adopter needs, and each exists', () => {
  const readme = read('README.md');
  for (const doc of [
    'docs/ARCHITECTURE.md',
    'docs/openapi.yaml',
    'docs/RUNBOOK.md',
    'docs/ROLLOUT.md',
    'docs/FAQ.pt-BR.md',
    'docs/deploy.md',
    'docs/security.md',
    'docs/operations.md',
    'docs/client.md',
  ]) {
    assert.ok(readme.includes(`](${doc})`), `README does not link ${doc}`);
    assert.ok(read(doc).length > 500, `${doc} is missing or empty`);
  }
});
