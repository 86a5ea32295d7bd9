// The import graph of a Supabase function entry, followed the way the CLI's bundler (deno_graph)
// follows it: static imports and re-exports, and `import()` with a literal specifier; relative
// specifiers must carry their extension; bare specifiers go through the function's import map
// (exact keys, and keys ending in "/" as prefixes). Type-only imports are erased before bundling and
// are not followed. Assets read at run time are found as `new URL('<literal>', import.meta.url)`.
// Also a reader for the small TOML subset supabase/config.toml uses (sections, strings, booleans,
// arrays of strings); anything else in the file is an error, so the reader cannot silently skip.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface EdgeGraph {
  /** Repository files the bundle holds (absolute paths). */
  files: Set<string>;
  /** npm:/jsr: specifiers after import-map substitution. */
  packages: Set<string>;
  /** Files the code reads at run time (absolute paths), with the module that reads each. */
  assets: Map<string, string>;
  problems: string[];
}

export function walkEdgeGraph(entry: string, importMap: Record<string, string>, repoRoot: string): EdgeGraph {
  const graph: EdgeGraph = { files: new Set(), packages: new Set(), assets: new Map(), problems: [] };
  const queue = [path.resolve(entry)];
  const rel = (f: string) => path.relative(repoRoot, f);
  while (queue.length) {
    const file = queue.pop()!;
    if (graph.files.has(file)) continue;
    graph.files.add(file);
    const source = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    const specifiers: string[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        if (!node.importClause?.isTypeOnly) specifiers.push(node.moduleSpecifier.text);
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        if (!node.isTypeOnly) specifiers.push(node.moduleSpecifier.text);
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const arg = node.arguments[0];
        if (arg && ts.isStringLiteralLike(arg)) specifiers.push(arg.text);
        else graph.problems.push(`${rel(file)}: import() with a computed specifier cannot be bundled`);
      } else if (
        ts.isNewExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'URL' &&
        node.arguments?.length === 2 &&
        ts.isStringLiteralLike(node.arguments[0]!) &&
        node.arguments[1]!.getText(sf) === 'import.meta.url'
      ) {
        graph.assets.set(path.resolve(path.dirname(file), (node.arguments[0] as ts.StringLiteral).text), rel(file));
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
    for (const spec of specifiers) {
      if (spec.startsWith('node:')) continue;
      if (spec.startsWith('./') || spec.startsWith('../')) {
        const target = path.resolve(path.dirname(file), spec);
        if (!/\.[cm]?[jt]sx?$|\.json$/.test(spec)) graph.problems.push(`${rel(file)}: '${spec}' has no extension (Deno needs one)`);
        else if (!target.startsWith(repoRoot + path.sep)) graph.problems.push(`${rel(file)}: '${spec}' is outside the repository`);
        else if (!existsSync(target) || !statSync(target).isFile()) graph.problems.push(`${rel(file)}: '${spec}' does not exist`);
        else queue.push(target);
        continue;
      }
      const mapped = mapSpecifier(spec, importMap);
      if (mapped === undefined) graph.problems.push(`${rel(file)}: '${spec}' is not in the import map`);
      else if (/^(npm|jsr):/.test(mapped)) graph.packages.add(mapped);
      else graph.problems.push(`${rel(file)}: '${spec}' maps to '${mapped}', which is neither npm: nor jsr:`);
    }
  }
  return graph;
}

function mapSpecifier(spec: string, importMap: Record<string, string>): string | undefined {
  if (/^(npm|jsr):/.test(spec)) return spec;
  if (importMap[spec] !== undefined) return importMap[spec];
  let best: string | undefined;
  for (const key of Object.keys(importMap)) if (key.endsWith('/') && spec.startsWith(key) && (!best || key.length > best.length)) best = key;
  return best === undefined ? undefined : importMap[best] + spec.slice(best.length);
}

export type TomlValue = string | boolean | string[];

/** supabase/config.toml as { section: { key: value } } (top-level keys under ""). */
export function readSimpleToml(text: string): Record<string, Record<string, TomlValue>> {
  const out: Record<string, Record<string, TomlValue>> = { '': {} };
  let section = '';
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!.replace(/\s+#.*$/, '')
      .replace(/^#.*$/, '')
      .trim();
    if (!line) continue;
    const header = /^\[([A-Za-z0-9_.-]+)\]$/.exec(line);
    if (header) {
      section = header[1]!;
      out[section] ??= {};
      continue;
    }
    // Arrays may span lines.
    while (/=\s*\[/.test(line) && !line.includes(']') && i + 1 < lines.length) line += ' ' + lines[++i]!.replace(/\s+#.*$/, '').trim();
    const kv = /^([A-Za-z0-9_-]+)\s*=\s*(.+)$/.exec(line);
    if (!kv) throw new Error(`config.toml line ${i + 1}: cannot read "${line}"`);
    const raw = kv[2]!.trim();
    let value: TomlValue;
    if (raw === 'true' || raw === 'false') value = raw === 'true';
    else if (/^"[^"]*"$/.test(raw)) value = raw.slice(1, -1);
    else if (/^\[(\s*"[^"]*"\s*,?)*\s*\]$/.test(raw)) value = [...raw.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
    else throw new Error(`config.toml line ${i + 1}: unsupported value ${raw}`);
    out[section]![kv[1]!] = value;
  }
  return out;
}
