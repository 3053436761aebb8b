// Prints the figures and misses on the tuning files (tuning.json and heldout.json, both tuning data
// since heldout.json's one held-out measurement; never heldout-2.json, the fresh held-out set): the
// loop thresholds and rules are tuned with.
// Usage: npx ts-node --transpile-only libs/domain/src/screening/evaluation/screening-tuning.cli.ts ['{"partyMatchThreshold":0.8}'] [--misses]
import heldout from './heldout.json';
import tuning from './tuning.json';
import type { ScreeningCase } from './screening-evaluation';
import { describeMisses, evaluateScreening, summariseScreening } from './screening-evaluation';

const json = process.argv.slice(2).find((argument) => !argument.startsWith('--'));
const options = json === undefined ? {} : (JSON.parse(json) as Record<string, number>);
const cases = [...tuning, ...heldout] as unknown as readonly ScreeningCase[];
const figures = evaluateScreening(cases, options);
console.log(summariseScreening('tuning.json + heldout.json', figures));
if (process.argv.includes('--misses')) console.log(describeMisses(figures));
