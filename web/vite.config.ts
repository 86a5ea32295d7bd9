// The demo app's build. `ai-worker/client` and `ai-worker/react` resolve to this repository's
// src/client (as package.json's "exports" says), so the demo uses exactly what the app team imports.
// No React plugin: esbuild compiles the JSX (automatic runtime); the demo needs no fast refresh.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const src = (p: string) => fileURLToPath(new URL(`../src/client/${p}`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: {
    alias: { 'ai-worker/react': src('react/index.ts'), 'ai-worker/client': src('index.ts') },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  logLevel: 'warn',
});
