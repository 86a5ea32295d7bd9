// Module-resolution hooks (node:module register) that put React 18 under the hook's tests in one process:
// - `react`, `react-dom` and their subpaths, imported from anywhere outside this folder (the test, src/client/react,
//   sonner), resolve as if imported from here: the React 18 tree npm installs in test/react18/node_modules
//   (a separate package, because npm rightly refuses react-dom 18 beside react 19 in one tree);
// - `@testing-library/react` loads its ES module build, so that its own imports of react and react-dom
//   pass through the first rule (its CommonJS build's require() calls would bypass these hooks and get React 19).
// CommonJS code inside the React 18 tree resolves among itself (react-dom 18 requires react 18 and scheduler 0.23).
type Context = { parentURL?: string; conditions?: string[]; importAttributes?: Record<string, string> };
type Resolved = { url: string; format?: string | null; shortCircuit?: boolean };
type NextResolve = (specifier: string, context: Context) => Promise<Resolved>;

const HERE = new URL('./', import.meta.url).href;
const ANCHOR = new URL('./package.json', import.meta.url).href;
const REACT = /^react(-dom)?(\/.*)?$/;

export async function resolve(specifier: string, context: Context, nextResolve: NextResolve): Promise<Resolved> {
  if (REACT.test(specifier) && !context.parentURL?.startsWith(HERE)) return nextResolve(specifier, { ...context, parentURL: ANCHOR });
  if (specifier === '@testing-library/react') {
    const main = await nextResolve(specifier, context);
    return { url: new URL('./@testing-library/react.esm.js', main.url).href, format: 'module', shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
