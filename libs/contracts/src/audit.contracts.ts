import { calendarDate, instant, recipients } from './common.schemas';
import type { Infer } from './schema-builder';
import { enumOf, integer, object, string } from './schema-builder';

// The record's commitment to its own history, sent to every authority and the Commission. Whoever keeps
// these messages can later ask the ledger to re-derive a root from the stream heads as they stood at
// `coveredUpTo` (GET /v1/audit/verify?day=&root=&coveredUpTo=, npm run verify -- --published-root):
// a rewrite of any event recorded up to there changes a head hash and so the root, even if the
// ledger's operator re-hashed every chain and re-sealed its own copy of the root.

export const dailyRootSealedV1Schema = object({
  day: calendarDate('The UTC day sealed; also the Kafka key and subject (audit-roots/{day}).'),
  root: string({
    pattern: '^[0-9a-f]{64}$',
    description:
      'Hex Merkle root over every stream head as of coveredUpTo. Leaf = sha256(streamId + "\\n" + version of ' +
      'the last event + "\\n" + that event\'s chain hash), leaves sorted by stream id; a node = sha256(left + right) ' +
      'of the hex digests; an odd node is carried up unchanged.',
  }),
  algorithm: enumOf(['merkle-sha256'], { description: 'How leaves and nodes are hashed.' }),
  coveredUpTo: integer({
    minimum: 0,
    description: "The ledger's global position of the last event the root covers (the head when it was sealed).",
  }),
  streams: integer({ minimum: 0, description: 'How many stream heads (leaves) the root covers.' }),
  legacyUpTo: integer({
    minimum: 0,
    description: 'Events at or below this position predate the hash chain; their heads hash as empty.',
  }),
  sealedAt: instant('When the root was sealed (after the day ended).'),
  recipients: recipients(),
});
export type DailyRootSealedV1 = Infer<typeof dailyRootSealedV1Schema>;
