import type { OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';
import type { DenialInForce, DenialMatch, ScreeningCandidate, ScreeningReview } from '@dul/domain';
import { DENIAL_EVENT_TYPES, DenialIndex } from '@dul/domain';
import type { EventStore } from '@dul/event-store';
import { EVENT_STORE } from '@dul/event-store';
import type { ProjectionStore } from '@dul/projections';
import { PROJECTION_STORE } from '@dul/projections';
import type { DenialDocument } from '../denials/denial-register.projection';
import { DENIALS_PROJECTION, denialRegisterProjection } from '../denials/denial-register.projection';

const PAGE = 500;

/**
 * Whether a register entry is screened: in force, i.e. not revoked or withdrawn. An overdue review
 * does not take a denial out of screening (Art 16(2): a denial never lapses by itself), so status is
 * the only rule. The one place the screening decides it, for the index and the scan alike.
 */
export function isInForce(document: Pick<DenialDocument, 'status'>): boolean {
  return document.status === 'IN_FORCE';
}

/**
 * Screens a transaction against every denial in force issued by another member state (Art 2(22),
 * Art 16). The denials in force live in memory in a DenialIndex (destination, control-entry head,
 * and the words of the party names), so a screening compares only the denials that can pass the
 * destination and item rules and whose names can score, instead of paging the whole register
 * (issue 12); the pure screening then compares items and parties and explains each match, so
 * matcher changes in libs/domain flow through unchanged. The index answers exactly as the pure
 * screening over every denial in force (denial-index.spec.ts).
 *
 * The index is built from the register's read model at the first screening (at boot when the app
 * warms it), then kept current from the same events the register projection handles: before each
 * screening it reads the denial events between its own position and the read model's checkpoint and
 * re-reads those register entries. It is therefore exactly as current as the read model, which the
 * screening read before; the cost when nothing changed is one checkpoint read.
 */
@Injectable()
export class ScreeningService implements OnApplicationBootstrap {
  private index = new DenialIndex();
  /** The register's checkpoint the index reflects; -1 before the first load. */
  private position = -1;
  private refreshing: Promise<void> | undefined;

  constructor(
    @Inject(PROJECTION_STORE) private readonly readModels: ProjectionStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  /** Loads the register at boot, so the first screening does not pay for it. */
  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
  }

  async screen(candidate: ScreeningCandidate): Promise<readonly DenialMatch[]> {
    await this.refresh();
    return this.index.screen(candidate);
  }

  /**
   * The dry run: matches, possibly related entities (for a human look, never a consultation) and
   * the nearest non-matching denials to the destination, each with the first rule it failed. It
   * looks at every denial to the destination (not only those whose items overlap), so a near miss
   * on the items is explained too.
   */
  async review(candidate: ScreeningCandidate): Promise<ScreeningReview> {
    await this.refresh();
    return this.index.review(candidate);
  }

  /** How many denials in force the index holds. */
  get size(): number {
    return this.index.size;
  }

  /** Brings the index up to the register's read model; concurrent callers share one refresh. */
  refresh(): Promise<void> {
    this.refreshing ??= this.catchUp().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async catchUp(): Promise<void> {
    const target = await this.readModels.checkpoint(DENIALS_PROJECTION);
    if (target === this.position) return;
    // First use, or the register was reset for a rebuild: load it whole.
    if (this.position < 0 || target < this.position) return this.reload(target);
    const changed = new Set<string>();
    for (let after = this.position; after < target;) {
      const batch = await this.events.readAll({ after, maxCount: PAGE, eventTypes: DENIAL_EVENT_TYPES });
      for (const event of batch) {
        if (event.globalPosition > target) break;
        const id = denialRegisterProjection.documentId(event);
        if (id !== null) changed.add(id);
      }
      if (batch.length < PAGE) break;
      after = batch.at(-1)?.globalPosition ?? target;
    }
    // Whole entries re-read from the read model: idempotent, so an entry loaded newer than the
    // position it was loaded at is simply read again.
    for (const id of changed) {
      const document = await this.readModels.getDocument<DenialDocument>(DENIALS_PROJECTION, id);
      if (document === null || !isInForce(document)) this.drop(id);
      else this.hold(document);
    }
    this.position = target;
  }

  private async reload(target: number): Promise<void> {
    this.index = new DenialIndex();
    for (let afterId: string | undefined; ;) {
      const page = await this.readModels.findDocuments<DenialDocument>(DENIALS_PROJECTION, {
        where: { status: 'IN_FORCE' },
        limit: PAGE,
        afterId,
      });
      page.forEach((document) => this.hold(document));
      if (page.length < PAGE) break;
      afterId = page.at(-1)?.id;
    }
    this.position = target;
  }

  private hold(document: DenialDocument): void {
    this.index.add(toDenialInForce(document.denial));
  }

  private drop(id: string): void {
    this.index.remove(id);
  }
}

export function toDenialInForce(denial: DenialDocument['denial']): DenialInForce {
  return {
    denialId: denial.denialId,
    issuingMemberState: denial.issuingMemberState,
    controlEntries: denial.items.flatMap((item) => (item.controlEntry === null ? [] : [item.controlEntry])),
    destinationCountry: denial.destinationCountry,
    endUser: denial.endUser,
    consignee: denial.consignee,
    grounds: denial.grounds,
    notifiedAt: denial.notifiedAt.slice(0, 10),
    kind: denial.source.kind,
    catchAllGrounds: denial.items.flatMap((item) =>
      item.controlEntry === null && item.catchAllGround !== null ? [item.catchAllGround] : [],
    ),
  };
}
