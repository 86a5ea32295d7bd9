// The accounting pass's corpus properties, part 5 of 8 (test/corpus/support/lab-corpus-properties.ts).
import { corpusPropertyTests } from './support/lab-corpus-properties.ts';

corpusPropertyTests(4);
