// The accounting pass's corpus properties, part 6 of 8 (test/corpus/support/lab-corpus-properties.ts).
import { corpusPropertyTests } from './support/lab-corpus-properties.ts';

corpusPropertyTests(5);
