import { eventStoreContract } from '@dul/event-store/testing';
import { InMemoryEventStore } from './in-memory-event-store.adapter';

eventStoreContract('in-memory', async () => ({ store: new InMemoryEventStore(), teardown: async () => {} }));
