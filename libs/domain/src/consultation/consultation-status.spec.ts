import { normaliseApplicationContent } from '../licensing/application.content';
import type { ApplicationCommand } from '../licensing/application.commands';
import { applicationDecider } from '../licensing/application.decider';
import { deciderSpec } from '../testing/decider-spec';
import { applicationHistory, contentInput, itemInput, meta } from '../testing/licensing.fixtures';
import { consultationStatusFor, consultedDenialsOf } from './consultation-status';
import { art14Assessment, memberStatesToConsult } from './consultation.packet';
import { annexIvReference } from '../reference/annex-iv';
import {
  at,
  lapse,
  openArt14,
  openArt16,
  openCatchAll,
  reply,
  stateOf,
  withdraw,
} from './testing/consultation.fixtures';

const MONDAY = new Date('2026-12-21T09:00:00.000Z');
/** End of the 10th working day after Friday 2026-12-18 in DE and in FR. */
const DEADLINE = '2027-01-05T23:00:00.000Z';

describe('consultation status for the licensing decider', () => {
  it('counts open Art 14(1) and Art 16 consultations as blocking a grant', () => {
    expect(consultationStatusFor([stateOf(openArt14('FR', 'DE')), stateOf(openArt16('FR', 'NL'))])).toEqual({
      blockingOpen: 2,
      bindingObjection: false,
      objections: [],
    });
  });

  it('never lets a catch-all consultation block a grant', () => {
    expect(consultationStatusFor([stateOf(openCatchAll('FR'))])).toMatchObject({
      blockingOpen: 0,
      bindingObjection: false,
    });
  });

  it('stops blocking once the consultation is closed by a reply, a lapse or a withdrawal', () => {
    const closed = [
      stateOf(openArt14('FR', 'DE'), reply('DE', 'NO_OBJECTION', MONDAY)),
      stateOf(openArt16('FR', 'NL'), lapse(at(DEADLINE))),
      stateOf(openArt14('FR', 'IT'), withdraw('FR', MONDAY)),
    ];
    expect(consultationStatusFor(closed)).toMatchObject({ blockingOpen: 0, bindingObjection: false });
  });

  it('reports a binding objection once the consulted member state objected under Art 14(1)', () => {
    const objected = stateOf(openArt14('FR', 'DE'), reply('DE', 'OBJECTION', MONDAY, 'diversion risk'));
    expect(consultationStatusFor([objected])).toEqual({
      blockingOpen: 0,
      bindingObjection: true,
      objections: [{ memberState: 'DE', reasons: 'diversion risk' }],
    });
  });

  it('treats an Art 16 "essentially identical" answer as no veto', () => {
    const identical = stateOf(openArt16('FR', 'NL'), reply('NL', 'ESSENTIALLY_IDENTICAL', MONDAY));
    expect(consultationStatusFor([identical])).toMatchObject({ blockingOpen: 0, bindingObjection: false });
  });

  it('with a clock, no longer counts an open consultation whose period has ended: silence already counts', () => {
    const open = [stateOf(openArt14('FR', 'DE'))];
    expect(consultationStatusFor(open, at(DEADLINE, -1)).blockingOpen).toBe(1);
    expect(consultationStatusFor(open, at(DEADLINE)).blockingOpen).toBe(0);
    expect(consultationStatusFor(open).blockingOpen).toBe(1);
  });

  it('ignores streams that hold no consultation', () => {
    expect(consultationStatusFor([stateOf()])).toMatchObject({ blockingOpen: 0, bindingObjection: false });
  });

  describe('fed to the application decider', () => {
    const spec = deciderSpec(applicationDecider);
    const given = [applicationHistory.submitted(), applicationHistory.assessed(), applicationHistory.proposed('GRANT')];
    const grantWith = (consultations: ReturnType<typeof consultationStatusFor>): ApplicationCommand => ({
      type: 'IssueDecision',
      data: { outcome: 'GRANT', art15Grounds: [], conditions: [], consultations },
      metadata: meta({ actor: 'boss@bafa' }),
    });

    it('refuses a grant while an Art 14(1) consultation is open', () => {
      const status = consultationStatusFor([stateOf(openArt14('DE', 'FR'))]);
      spec.given(given).when(grantWith(status)).thenRefuses('RULE_VIOLATED', 'consultation-open');
    });

    it('refuses a grant while an Art 14(1) objection stands', () => {
      const status = consultationStatusFor([
        stateOf(openArt14('DE', 'NL'), reply('NL', 'OBJECTION', MONDAY, 'items needed for national defence')),
      ]);
      spec.given(given).when(grantWith(status)).thenRefuses('RULE_VIOLATED', 'art14-binding-objection');
    });

    it('lets a grant through after silence lapsed into no objection', () => {
      const status = consultationStatusFor([stateOf(openArt14('DE', 'FR'), lapse(at(DEADLINE)))]);
      expect(spec.given(given).when(grantWith(status)).events()).toHaveLength(1);
    });
  });
});

describe('consulted denials of an application', () => {
  it('lists each Art 16 consultation with the denying member state and its outcome so far', () => {
    const open = stateOf(openArt16('DE', 'FR'));
    const silent = stateOf(openArt16('DE', 'NL'), lapse(at(DEADLINE)));
    expect(consultedDenialsOf([open, silent, stateOf(openArt14('DE', 'FR'))])).toEqual([
      { denialId: 'denial-9', issuingMemberState: 'FR', consultationId: 'app-7/art16/denial-9', outcome: null },
      {
        denialId: 'denial-9',
        issuingMemberState: 'NL',
        consultationId: 'app-7/art16/denial-9',
        outcome: 'NOT_ESSENTIALLY_IDENTICAL_BY_SILENCE',
      },
    ]);
  });

  it('leaves out withdrawn consultations', () => {
    expect(consultedDenialsOf([stateOf(openArt16('DE', 'FR'), withdraw('DE', MONDAY))])).toEqual([]);
  });
});

describe('member states to consult under Art 14(1)', () => {
  const items = [
    itemInput({ memberStateWhereLocated: 'FR' }),
    itemInput({ memberStateWhereLocated: 'DE' }),
    itemInput({ memberStateWhereLocated: 'FR' }),
    itemInput({ memberStateWhereLocated: 'NL' }),
    itemInput({ memberStateWhereLocated: null }),
  ];
  const toChina = normaliseApplicationContent(contentInput({ destinationCountry: 'CN', items }));
  const toJapan = normaliseApplicationContent(contentInput({ destinationCountry: 'JP', items }));

  // Changed with issue 9: this test used to expect FR and NL consulted for a Japanese destination.
  it('consults every other member state where an item is located, once each, when the destination is outside Annex II Section A Part 2', () => {
    expect(memberStatesToConsult('INDIVIDUAL', 'DE', toChina)).toEqual(['FR', 'NL']);
  });

  it('does not consult the member state where items are located when the destination is in Annex II Section A Part 2', () => {
    expect(memberStatesToConsult('INDIVIDUAL', 'DE', toJapan)).toEqual([]);
    expect(art14Assessment('INDIVIDUAL', 'DE', toJapan)).toMatchObject({ consult: [], recordedOnly: ['FR', 'NL'] });
  });

  it.each(['AU', 'CA', 'IS', 'JP', 'NZ', 'NO', 'CH', 'LI', 'GB', 'US'])(
    'treats %s as an Annex II Section A Part 2 destination',
    (destination) => {
      const content = normaliseApplicationContent(contentInput({ destinationCountry: destination, items }));
      expect(memberStatesToConsult('INDIVIDUAL', 'DE', content)).toEqual([]);
    },
  );

  it('consults for any destination, even one in Annex II Section A Part 2, when an item is in Annex IV', () => {
    const annexIv = normaliseApplicationContent(
      contentInput({
        destinationCountry: 'US',
        items: [
          itemInput({ memberStateWhereLocated: 'FR', classification: { kind: 'LISTED', controlEntry: '5A004.a' } }),
        ],
      }),
    );
    expect(memberStatesToConsult('INDIVIDUAL', 'DE', annexIv)).toEqual(['FR']);
  });

  it('takes Annex IV membership from the reference list, not from the applicant', () => {
    const content = normaliseApplicationContent(
      contentInput({
        destinationCountry: 'JP',
        items: [
          itemInput({ memberStateWhereLocated: 'FR', classification: { kind: 'LISTED', controlEntry: '5A001.j' } }),
        ],
      }),
    );
    expect(memberStatesToConsult('INDIVIDUAL', 'DE', content)).toEqual([]);
    expect(memberStatesToConsult('INDIVIDUAL', 'DE', content, annexIvReference(['5A001.j']))).toEqual(['FR']);
  });

  it('consults nobody for kinds other than an individual licence', () => {
    expect(memberStatesToConsult('GLOBAL', 'DE', toChina)).toEqual([]);
  });
});
