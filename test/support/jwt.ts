// Moved to src/dev/testkit/ (shared with bench/ and scripts/, which must not import test/).
export * from '../../src/dev/testkit/jwt.ts';
