// The same suite as test/client-react.test.tsx, on React 18: the resolution hooks of test/react18/hooks.ts
// send every `react` and `react-dom` import of this process (the suite, src/client/react, sonner,
// @testing-library/react) to the React 18 tree of test/react18/. They must be registered before anything
// imports React, hence the dynamic import. The suite's first test checks that React 18 is what ran.
import { register } from 'node:module';

register('./react18/hooks.ts', import.meta.url);
const { hookSuite } = await import('./client-react-suite.tsx');
hookSuite({ database: 'client_react18', reactMajor: 18 });
