import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type {
  AppendResult,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
} from '../event-store.port';
import type { SubjectKeyStore } from './subject-key-store';
import { DelegatingEventStore } from '../delegating-event-store';

/** A personal-data field found in an event's data, as the policy reports it. */
export interface PersonalFieldLocation {
  readonly path: readonly (string | number)[];
  readonly value: string;
  /** Identifies the data subject (e.g. a party's normalised name and country); never stored as such. */
  readonly subject: string;
}

/** Where an event's personal data is: libs/domain/src/privacy/personal-data.ts (findPersonalData). */
export type PersonalDataPolicy = (data: unknown) => readonly PersonalFieldLocation[];

/** An encrypted field as stored in the event instead of the string. */
export interface EncryptedField {
  readonly $pd: 1;
  /** The key id; which subject it belongs to is only in the key table. */
  readonly k: string;
  readonly iv: string;
  readonly ct: string;
  readonly tag: string;
}

const ALGORITHM = 'aes-256-gcm';

export function isEncryptedField(value: unknown): value is EncryptedField {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { $pd?: unknown }).$pd === 1 &&
    typeof (value as { k?: unknown }).k === 'string'
  );
}

/** The subject id stored in the key table: HMAC of the subject basis, so the table holds no names either. */
export function subjectIdOf(pepper: Buffer, subject: string): string {
  return createHmac('sha256', pepper).update(subject, 'utf8').digest('hex');
}

export function encryptField(value: string, keyId: string, key: Buffer): EncryptedField {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  // The key id as additional data: a ciphertext moved under another key fails authentication.
  cipher.setAAD(Buffer.from(keyId, 'utf8'));
  const ct = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return {
    $pd: 1,
    k: keyId,
    iv: iv.toString('base64'),
    ct: ct.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

export function decryptField(field: EncryptedField, key: Buffer): string {
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(field.iv, 'base64'));
  decipher.setAAD(Buffer.from(field.k, 'utf8'));
  decipher.setAuthTag(Buffer.from(field.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(field.ct, 'base64')), decipher.final()]).toString('utf8');
}

/**
 * Crypto-shredding around any EventStore: personal-data fields are encrypted on append with their
 * subject's key (AES-256-GCM) and decrypted on read; once a subject's key is erased they read as
 * the erased marker, in every read, projection rebuild, report and stream message from then on.
 * The adapter below hashes what it stores, the ciphertext, so erasure leaves every chain intact.
 *
 * Cost: one key-table query per append that carries personal data, and one per read call (for the
 * whole batch, not per event); events without personal data cost neither.
 *
 * Every new event is read by each projection runner and reactor (a dozen reads of one submission),
 * so the decrypted fields of recently read events are kept, per event id, for the next reader
 * (`DECRYPTED_EVENT_CACHE_SIZE`): AES was about 6% of a submission's CPU (issue 12 profile). The
 * key table is still asked on every read, and a kept plaintext is used only while every key its
 * fields name still exists: an event's ciphertext never changes and a key id names one key for ever
 * (it can only be erased), so the kept plaintext is exactly what decryption would give, and an
 * erasure, by this process or another, reads as erased from the next read on, as before.
 */
export class ShreddingEventStore extends DelegatingEventStore {
  private pepper: Promise<Buffer> | undefined;
  private readonly decrypted = new Map<string, unknown>();

  constructor(
    inner: EventStore,
    private readonly keys: SubjectKeyStore,
    private readonly policy: PersonalDataPolicy,
    private readonly erasedMarker: string,
  ) {
    super(inner);
  }

  override async append(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    const found = events.map((event) => this.policy(event.data));
    if (found.every((fields) => fields.length === 0)) return this.inner.append(streamId, events, expected);
    const pepper = await this.subjectPepper();
    const subjectIds = found.map((fields) => fields.map((field) => subjectIdOf(pepper, field.subject)));
    const keys = await this.keys.activeKeys(subjectIds.flat());
    const encrypted = events.map((event, index): NewEvent => {
      const fields = found[index] ?? [];
      if (fields.length === 0) return event;
      const data = structuredClone(event.data);
      fields.forEach((field, fieldIndex) => {
        const key = keys.get((subjectIds[index] as string[])[fieldIndex] as string);
        if (!key) throw new Error('no key for a data subject of this event');
        setAt(data, field.path, encryptField(field.value, key.keyId, key.key));
      });
      return { ...event, data };
    });
    return this.inner.append(streamId, encrypted, expected);
  }

  override async readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    return this.decrypt(await this.inner.readStream(streamId, options));
  }

  override async readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    return this.decrypt(await this.inner.readAll(options));
  }

  /** The key-table id of a subject basis (e.g. partySubject(name, country)), for erasure. */
  async subjectId(subject: string): Promise<string> {
    return subjectIdOf(await this.subjectPepper(), subject);
  }

  private subjectPepper(): Promise<Buffer> {
    this.pepper ??= this.keys.pepper().catch((error: unknown) => {
      this.pepper = undefined;
      throw error;
    });
    return this.pepper;
  }

  private async decrypt(events: StoredEvent[]): Promise<StoredEvent[]> {
    const perEvent = events.map((event) => encryptedFieldsOf(event.data));
    const keyIds = perEvent.flatMap((fields) => fields.map((field) => field.field.k));
    if (keyIds.length === 0) return events;
    const keys = await this.keys.keysById(keyIds);
    return events.map((event, index) => {
      const fields = perEvent[index] ?? [];
      if (fields.length === 0) return event;
      const everyKeyKept = fields.every(({ field }) => (keys.get(field.k) ?? null) !== null);
      const kept = everyKeyKept ? this.decrypted.get(event.eventId) : undefined;
      if (kept !== undefined) return { ...event, data: structuredClone(kept) };
      const data = structuredClone(event.data);
      for (const { path, field } of fields) {
        const key = keys.get(field.k) ?? null;
        setAt(data, path, key === null ? this.erasedMarker : decryptField(field, key));
      }
      if (everyKeyKept) this.keepDecrypted(event.eventId, data);
      else this.decrypted.delete(event.eventId);
      return { ...event, data: everyKeyKept ? structuredClone(data) : data };
    });
  }

  /** Oldest first out: the readers of an event read it within moments of its append. */
  private keepDecrypted(eventId: string, data: unknown): void {
    if (this.decrypted.size >= DECRYPTED_EVENT_CACHE_SIZE) {
      const oldest = this.decrypted.keys().next();
      if (oldest.done !== true) this.decrypted.delete(oldest.value);
    }
    this.decrypted.set(eventId, data);
  }
}

/** How many events' decrypted data one store keeps for the next reader (see ShreddingEventStore). */
export const DECRYPTED_EVENT_CACHE_SIZE = 2_000;

function encryptedFieldsOf(data: unknown): { path: (string | number)[]; field: EncryptedField }[] {
  const found: { path: (string | number)[]; field: EncryptedField }[] = [];
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (isEncryptedField(value)) found.push({ path, field: value });
    else if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index]));
    else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
    }
  };
  walk(data, []);
  return found;
}

function setAt(root: unknown, path: readonly (string | number)[], value: unknown): void {
  let current = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) current = current[step] as Record<string | number, unknown>;
  current[path.at(-1) as string | number] = value;
}
