// The "any one analyte lost" corpus property, part 1 of 2 (test/corpus/support/lab-corpus-properties.ts).
import { lostAnalyteTests } from './support/lab-corpus-properties.ts';

lostAnalyteTests(0);
