// Every Mermaid block in the README and docs/ must render: parsed and drawn by the mermaid package in
// a real Chromium, so a syntax error in a diagram fails here, not on GitHub.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MERMAID_BUNDLE = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');

interface Block {
  file: string;
  line: number;
  code: string;
}

export function mermaidBlocks(file: string, text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*```mermaid\s*$/.test(lines[i]!)) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end]!)) end++;
    assert.ok(end < lines.length, `${file}:${start}: mermaid block is never closed`);
    blocks.push({ file, line: start, code: lines.slice(start, end).join('\n') });
    i = end;
  }
  return blocks;
}

async function documents(): Promise<string[]> {
  const docs = (await readdir(path.join(ROOT, 'docs'))).filter((f) => f.endsWith('.md')).map((f) => path.join('docs', f));
  return ['README.md', ...docs];
}

let page: Page;
let browser: Browser | undefined;

before(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ path: MERMAID_BUNDLE });
  await page.evaluate(() => (globalThis as any).mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
});

after(async () => {
  await browser?.close();
});

test('the block finder sees a broken diagram, so the render check below can fail', async () => {
  const [block] = mermaidBlocks('x.md', 'text\n```mermaid\nflowchart LR\n  a -->\n```\n');
  assert.equal(block!.code, 'flowchart LR\n  a -->');
  const error = await renderError(block!.code, 'probe');
  assert.match(error ?? '', /parse error|syntax|expecting/i);
});

test('every Mermaid diagram in README.md and docs/ renders in Chromium', async () => {
  const blocks: Block[] = [];
  for (const file of await documents()) blocks.push(...mermaidBlocks(file, await readFile(path.join(ROOT, file), 'utf8')));
  // ARCHITECTURE.md alone holds three (flow, states, deployment): fewer means the finder broke.
  assert.ok(blocks.length >= 3, `found only ${blocks.length} mermaid blocks`);
  const failures: string[] = [];
  for (const [n, block] of blocks.entries()) {
    const error = await renderError(block.code, `d${n}`);
    if (error) failures.push(`${block.file}:${block.line}: ${error}`);
  }
  assert.deepEqual(failures, []);
});

async function renderError(code: string, id: string): Promise<string | null> {
  return page.evaluate(
    async ({ code, id }) => {
      try {
        const { svg } = await (globalThis as any).mermaid.render(id, code);
        return typeof svg === 'string' && svg.includes('<svg') ? null : 'rendered no SVG';
      } catch (error) {
        return String((error as Error)?.message ?? error)
          .split('\n')
          .slice(0, 3)
          .join(' ');
      }
    },
    { code, id },
  );
}
