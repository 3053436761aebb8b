// Prints the figures and misses on the tuning files (tuning.json, heldout.json, heldout-4.json, heldout-5.json, heldout-6.json, heldout-7.json and heldout-8.json, all tuning data
// since each one's one held-out measurement, and tuning-scripts.json, cases across scripts
// written by the matcher's own authors; never a held-out set): the loop thresholds and rules are tuned with.
// Usage: npx ts-node --transpile-only libs/domain/src/screening/evaluation/screening-tuning.cli.ts ['{"partyMatchThreshold":0.8}'] [--misses]
import heldout from './heldout.json';
import heldout4 from './heldout-4.json';
import heldout5 from './heldout-5.json';
import heldout6 from './heldout-6.json';
import heldout7 from './heldout-7.json';
import heldout8 from './heldout-8.json';
import tuningScripts from './tuning-scripts.json';
import tuning from './tuning.json';
import type { ScreeningCase } from './screening-evaluation';
import { describeMisses, evaluateScreening, summariseScreening } from './screening-evaluation';

const json = process.argv.slice(2).find((argument) => !argument.startsWith('--'));
const options = json === undefined ? {} : (JSON.parse(json) as Record<string, number>);
const files = {
  'tuning.json': tuning,
  'heldout.json': heldout,
  'tuning-scripts.json': tuningScripts,
  'heldout-4.json': heldout4,
  'heldout-5.json': heldout5,
  'heldout-6.json': heldout6,
  'heldout-7.json': heldout7,
  'heldout-8.json': heldout8,
};
for (const [file, cases] of Object.entries(files)) {
  console.log(
    summariseScreening(file, evaluateScreening(cases as unknown as readonly ScreeningCase[], options)).split('\n')[0],
  );
}
const only = process.argv.find((argument) => argument.startsWith('--only='))?.slice('--only='.length);
const cases = Object.entries(files)
  .filter(([file]) => only === undefined || file === only)
  .flatMap(([, list]) => list) as unknown as readonly ScreeningCase[];
const figures = evaluateScreening(cases, options);
console.log(summariseScreening(Object.keys(files).join(' + '), figures));
if (process.argv.includes('--misses')) console.log(describeMisses(figures));
