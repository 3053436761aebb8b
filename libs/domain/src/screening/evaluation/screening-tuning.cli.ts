// Prints the figures and misses on the tuning set (never the held-out set): the loop thresholds are
// tuned with. Usage: npx ts-node --transpile-only libs/domain/src/screening/evaluation/screening-tuning.cli.ts ['{"partyMatchThreshold":0.8}']
import tuning from './tuning.json';
import type { ScreeningCase } from './screening-evaluation';
import { describeMisses, evaluateScreening, figuresByFamily } from './screening-evaluation';

const options = process.argv[2] === undefined ? {} : (JSON.parse(process.argv[2]) as Record<string, number>);
const figures = evaluateScreening(tuning as unknown as readonly ScreeningCase[], options);
console.log(
  `tuning: ${figures.cases} cases; precision ${figures.precision.toFixed(3)}, recall ${figures.recall.toFixed(3)} ` +
    `(TP ${figures.truePositives}, FP ${figures.falsePositives}, FN ${figures.falseNegatives}); ` +
    `related ${figures.relatedFound}/${figures.relatedExpected} found, ${figures.relatedSpurious} spurious`,
);
for (const [family, entry] of figuresByFamily(figures)) console.log(`  ${family}: ${entry.correct}/${entry.cases}`);
if (process.argv.includes('--misses')) console.log(describeMisses(figures));
