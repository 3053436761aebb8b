import { BaseEnvironment } from '@dul/config';

/** The standalone process: every service, embedded SQLite by default, in-process delivery, no Kafka. */
export class StandaloneEnvironment extends BaseEnvironment {}
