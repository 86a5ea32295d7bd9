#!/usr/bin/env node
// The daemon ships as TypeScript run through tsx (no build step to forget on the VPS).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
