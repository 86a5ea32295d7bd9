// The hook and components on the project's React (19): the suite is test/client-react-suite.tsx.
import { hookSuite } from './client-react-suite.tsx';

hookSuite({ database: 'client_react', reactMajor: 19 });
