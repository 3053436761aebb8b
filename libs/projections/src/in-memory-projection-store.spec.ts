import { projectionStoreContract } from '@dul/projections/testing';
import { InMemoryProjectionStore } from './in-memory-projection-store';

projectionStoreContract('in-memory', async () => ({ store: new InMemoryProjectionStore(), teardown: async () => {} }));
