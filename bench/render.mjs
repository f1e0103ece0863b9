#!/usr/bin/env node
/**
 * Re-renders RESULTS.md from results.json, with bench/RESULTS.notes.md as it
 * is now: for notes written after a run, without running it again.
 *
 *   node bench/render.mjs [--out bench]
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeResults } from './lib/report.mjs';

const { values } = parseArgs({ options: { out: { type: 'string', default: import.meta.dirname } } });
const { workloads, ...run } = JSON.parse(await readFile(path.join(values.out, 'results.json'), 'utf8'));
await writeResults(values.out, run, Object.values(workloads));
process.stderr.write(`rendered ${path.join(values.out, 'RESULTS.md')} from results.json\n`);
