#!/usr/bin/env node
// The `victor` command (npx victor …): runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
