import type { ICommand } from '@nestjs/cqrs';
import type { ConsultationCommand, DenialMatch, LicenceCommand, OpenConsultation } from '@dul/domain';
import { licenceDecider, normaliseApplicationContent, wideningConsultationSubjectId } from '@dul/domain';
import { applicationHistory, contentInput, decided, itemInput, meta, NOW } from '@dul/domain/testing';
import type { StoredEvent } from '@dul/event-store';
import type { CommandExecution } from '@dul/platform';
import type { ReactorDependencies } from '@dul/platform/testing';
import { processWriteOf, reactorSpec } from '@dul/platform/testing';
import { EventHistory } from '@dul/projections/testing';
import { art14ConsultationId, art16ConsultationId } from '../public/consultation-ids';
import { DEFAULT_CONSULTATION_SETTINGS } from '../public/consultation-settings';
import type { ScreeningService } from '../screening/screening.service';
import { ConsultationOpener } from './consultation-opener.process';
import { ConsultationOpening } from './consultation-opening';

/** The opener with a screening that finds `matches`; the runner records the denial matches it is asked to record. */
function openerSpec(matches: readonly DenialMatch[] = [], recorded: unknown[] = []) {
  return reactorSpec(({ store, commandBus }: ReactorDependencies) => {
    const screening = { screen: () => Promise.resolve(matches) } as unknown as ScreeningService;
    const runner = {
      run: (_aggregate: unknown, id: string, write: unknown) => {
        recorded.push({ id, write });
        return Promise.resolve({ position: 0, version: 0 });
      },
    } as unknown as CommandExecution;
    const opening = new ConsultationOpening(
      store,
      screening,
      commandBus.asCommandBus(),
      runner,
      DEFAULT_CONSULTATION_SETTINGS,
    );
    return new ConsultationOpener(store, opening);
  });
}

const opened = (sent: readonly ICommand[]) =>
  sent.map((write) => {
    const { id, command } = processWriteOf<ConsultationCommand>(write);
    const { data } = command as OpenConsultation;
    return {
      id,
      kind: data.kind,
      consulted: 'consulted' in data ? data.consulted : null,
      now: command.metadata.now.toISOString(),
    };
  });

/**
 * An application to China (not an Art 14(1) exception: Japan, as EU001 destination, would only be
 * recorded) whose items are located in these member states.
 */
const locatedIn = (...memberStates: ('DE' | 'FR' | 'IT')[]) =>
  contentInput({
    items: memberStates.map((memberStateWhereLocated) => itemInput({ memberStateWhereLocated })),
    destinationCountry: 'CN',
    endUser: { name: 'Shenzhen Networks', address: '1 Tech Road, Shenzhen', country: 'CN' },
    consignee: null,
  });

describe('consultation opener (Art 14(1) and Art 16 process manager)', () => {
  it('opens one consultation per member state where items are located, other than the authority’s, on submission', async () => {
    const history = new EventHistory();
    history.append('application-app-1', [applicationHistory.submitted(locatedIn('DE', 'FR', 'IT', 'FR'))]);
    const sent = await openerSpec().given(history.events).when(history.last()).sent();
    expect(opened(sent)).toEqual([
      {
        id: art14ConsultationId('app-1', 'FR'),
        kind: 'ITEMS_LOCATED_ELSEWHERE',
        consulted: 'FR',
        now: NOW.toISOString(),
      },
      {
        id: art14ConsultationId('app-1', 'IT'),
        kind: 'ITEMS_LOCATED_ELSEWHERE',
        consulted: 'IT',
        now: NOW.toISOString(),
      },
    ]);
    expect(processWriteOf(sent[0]).command.metadata.causationId).toBe(history.last().eventId);
  });

  it('opens nothing for an application whose items are all in the authority’s own member state', async () => {
    const history = new EventHistory();
    history.append('application-app-1', [applicationHistory.submitted(locatedIn('DE'))]);
    await openerSpec().given(history.events).when(history.last()).thenSendsNothing();
  });

  it('consults no one for Japan, an Annex II Section A Part 2 destination, when no item is in Annex IV', async () => {
    const history = new EventHistory();
    history.append('application-app-1', [
      applicationHistory.submitted(contentInput({ items: [itemInput({ memberStateWhereLocated: 'FR' })] })),
    ]);
    await openerSpec().given(history.events).when(history.last()).thenSendsNothing();
  });

  it('opens the consultation an amendment makes necessary, its period running from the amendment', async () => {
    const amendedAt = '2025-03-20T10:00:00.000Z';
    const history = new EventHistory();
    history.append('application-app-1', [
      applicationHistory.submitted(locatedIn('DE')),
      {
        type: 'ApplicationAmended',
        data: {
          content: normaliseApplicationContent(locatedIn('DE', 'IT')),
          reason: 'a part is stored in Milan',
          proposalVoided: false,
          amendedBy: 'clerk@bafa',
          amendedAt,
        },
      },
    ]);
    const sent = await openerSpec().given(history.events).when(history.last()).sent();
    expect(opened(sent)).toEqual([
      { id: art14ConsultationId('app-1', 'IT'), kind: 'ITEMS_LOCATED_ELSEWHERE', consulted: 'IT', now: amendedAt },
    ]);
  });

  it('records a denial screening finds on the application, then consults the denying member state under the Art 16 settings', async () => {
    const match: DenialMatch = {
      denialId: 'den-9',
      issuingMemberState: 'FR',
      score: 0.93,
      matchedFields: ['destination', 'endUser.name'],
      entryOverlaps: [],
      parties: [],
      explanation: 'same end user and destination as a French denial',
    };
    const recorded: { id: string; write: { command: { type: string } } }[] = [];
    const history = new EventHistory();
    history.append('application-app-1', [applicationHistory.submitted(locatedIn('DE'))]);
    const sent = await openerSpec([match], recorded).given(history.events).when(history.last()).sent();
    expect(recorded.map(({ id, write }) => [id, write.command.type])).toEqual([['app-1', 'RecordDenialMatches']]);
    expect(opened(sent)).toEqual([
      { id: art16ConsultationId('app-1', 'den-9'), kind: 'PRIOR_DENIAL', consulted: 'FR', now: NOW.toISOString() },
    ]);
    expect(processWriteOf<ConsultationCommand>(sent[0]).command.data).toMatchObject({
      denialId: 'den-9',
      replyWorkingDays: DEFAULT_CONSULTATION_SETTINGS.art16WorkingDays,
      silenceMeans: DEFAULT_CONSULTATION_SETTINGS.art16SilenceMeans,
    });
  });

  it('opens nothing for an application already withdrawn by the time the opener sees its submission', async () => {
    const history = new EventHistory();
    history.append('application-app-1', [
      applicationHistory.submitted(locatedIn('DE', 'FR')),
      applicationHistory.withdrawn(),
    ]);
    await openerSpec()
      .given(history.events)
      .when(history.events[0] as StoredEvent)
      .thenSendsNothing();
  });

  describe('a widening of a licence (a new assessment of the widened licence)', () => {
    const toChina = normaliseApplicationContent(locatedIn('FR'));
    const authority = meta({ actor: 'boss@bafa' });
    const issueOf = (licensed = toChina): LicenceCommand => ({
      type: 'IssueLicence',
      data: {
        licenceId: 'lic-1',
        applicationId: 'app-1',
        kind: 'INDIVIDUAL',
        issuingMemberState: 'DE',
        holder: licensed.exporter,
        items: licensed.items,
        destinationCountry: licensed.destinationCountry,
        endUser: licensed.endUser,
        consignee: licensed.consignee,
        decision: {
          outcome: 'GRANT',
          art15Grounds: [],
          conditions: [],
          validityMonths: 12,
          validityJustification: null,
          issuedBy: 'boss@bafa',
        },
      },
      metadata: authority,
    });
    const widen = (amendmentId: string): LicenceCommand => ({
      type: 'AmendLicence',
      data: { amendmentId, reason: 'second contract', validityMonths: 24, substantialLimitation: false },
      metadata: authority,
    });
    const subject = wideningConsultationSubjectId('app-1', 'lic-1', 'w-1');
    const widenedHistory = (...more: LicenceCommand[]) => {
      const history = new EventHistory();
      history.append('application-app-1', [applicationHistory.submitted(locatedIn('FR'))]);
      history.append('licence-lic-1', decided(licenceDecider, [issueOf(), widen('w-1'), ...more]));
      return history;
    };

    /** A licence to Japan (Annex II Section A Part 2) with its items in FR, widened by adding `added`. */
    const japaneseWidenedBy = (added: ReturnType<typeof itemInput>) => {
      const toJapan = contentInput({ items: [itemInput({ memberStateWhereLocated: 'FR' })] });
      const history = new EventHistory();
      history.append('application-app-1', [applicationHistory.submitted(toJapan)]);
      const addItem: LicenceCommand = {
        type: 'AmendLicence',
        data: { amendmentId: 'w-1', reason: 'one more part', addedItems: [added], substantialLimitation: false },
        metadata: authority,
      };
      history.append(
        'licence-lic-1',
        decided(licenceDecider, [issueOf(normaliseApplicationContent(toJapan)), addItem]),
      );
      return history;
    };

    it('consults no one on a widening of a licence to JP with items in FR when no item is in Annex IV (Art 14(1))', async () => {
      const history = japaneseWidenedBy(itemInput({ memberStateWhereLocated: 'FR', quantity: 2 }));
      await openerSpec().given(history.events).when(history.last()).thenSendsNothing();
    });

    it('consults FR on a widening of a licence to JP that adds an Annex IV item located in FR (Art 14(1): any destination)', async () => {
      const annexIv = itemInput({
        memberStateWhereLocated: 'FR',
        classification: { kind: 'LISTED', controlEntry: '5A004.a' },
      });
      const history = japaneseWidenedBy(annexIv);
      const sent = await openerSpec().given(history.events).when(history.last()).sent();
      expect(opened(sent)).toEqual([
        {
          id: art14ConsultationId(subject, 'FR'),
          kind: 'ITEMS_LOCATED_ELSEWHERE',
          consulted: 'FR',
          now: NOW.toISOString(),
        },
      ]);
    });

    it('opens the widening’s own Art 14(1) consultation of FR for a licence to CN with items in FR, keyed by licence and amendment', async () => {
      const history = widenedHistory();
      const sent = await openerSpec().given(history.events).when(history.last()).sent();
      expect(opened(sent)).toEqual([
        {
          id: art14ConsultationId(subject, 'FR'),
          kind: 'ITEMS_LOCATED_ELSEWHERE',
          consulted: 'FR',
          now: NOW.toISOString(),
        },
      ]);
      expect(art14ConsultationId(subject, 'FR')).not.toBe(art14ConsultationId('app-1', 'FR'));
      expect(processWriteOf<ConsultationCommand>(sent[0]).command.data).toMatchObject({
        applicationId: 'app-1',
        widening: { licenceId: 'lic-1', amendmentId: 'w-1' },
      });
    });

    it('consults the denying member state on a denial the widened licence matches (Art 16), recording nothing on the application', async () => {
      const match: DenialMatch = {
        denialId: 'den-9',
        issuingMemberState: 'IT',
        score: 0.93,
        matchedFields: ['destination', 'endUser.name'],
        entryOverlaps: [],
        parties: [],
        explanation: 'same end user and destination as an Italian denial',
      };
      const recorded: unknown[] = [];
      const history = widenedHistory();
      const sent = await openerSpec([match], recorded).given(history.events).when(history.last()).sent();
      expect(recorded).toEqual([]);
      expect(opened(sent).map(({ id, kind }) => [id, kind])).toEqual([
        [art14ConsultationId(subject, 'FR'), 'ITEMS_LOCATED_ELSEWHERE'],
        [art16ConsultationId(subject, 'den-9'), 'PRIOR_DENIAL'],
      ]);
    });

    it('opens nothing for a widening already decided by the time the opener sees its proposal', async () => {
      const refuse: LicenceCommand = {
        type: 'DecideLicenceAmendment',
        data: {
          amendmentId: 'w-1',
          outcome: 'REFUSE',
          reasons: 'no contract',
          screening: { screenedAt: NOW.toISOString(), denialMatches: [] },
          consultations: { blockingOpen: 0, bindingObjection: false },
        },
        metadata: meta({ actor: 'other-boss@bafa' }),
      };
      const history = widenedHistory(refuse);
      const proposal = history.events.find((event) => event.type === 'LicenceAmendmentProposed') as StoredEvent;
      await openerSpec().given(history.events).when(proposal).thenSendsNothing();
    });
  });
});
