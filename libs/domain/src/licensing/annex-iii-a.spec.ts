import { deciderSpec } from '../testing/decider-spec';
import {
  APPLICATION_ID,
  applicationHistory,
  contentInput,
  itemInput,
  meta,
  SWISS_EXPORTER,
} from '../testing/licensing.fixtures';
import { consultationPacketFrom, normalisePacket } from '../consultation/consultation.packet';
import { findPersonalData } from '../privacy/personal-data';
import type { ApplicationCommand } from './application.commands';
import type { ApplicationContentInput, ApplicationKind } from './application.content';
import { exporterKindOf, normaliseApplicationContent } from './application.content';
import type { Application } from './application.decider';
import { applicationDecider } from './application.decider';
import type { ApplicationEvent } from './application.events';

// Issue 10: the Annex III-A record in full (Art 12(4), Annex III-A, Art 2(3), Art 6, Art 7, Art 8).

const spec = deciderSpec(applicationDecider);

function submit(content: ApplicationContentInput, kind: ApplicationKind = 'INDIVIDUAL', metadata = meta()) {
  const command: ApplicationCommand = {
    type: 'SubmitApplication',
    data: { applicationId: APPLICATION_ID, kind, content },
    metadata,
  };
  return spec.given([]).when(command);
}

function submittedContent(content: ApplicationContentInput, kind: ApplicationKind = 'INDIVIDUAL', metadata = meta()) {
  const [event] = submit(content, kind, metadata).events();
  if (event?.type !== 'ApplicationSubmitted') throw new Error('expected ApplicationSubmitted');
  return event.data.content;
}

const FRENCH_BROKER: NonNullable<ApplicationContentInput['services']> = {
  provider: {
    name: 'Courtage Lumière SARL',
    address: '12 rue de la Paix, 75002 Paris',
    country: 'FR',
    memberStateOfEstablishment: 'FR',
  },
  description: 'Arranging the sale of probes from a Japanese maker to a Brazilian operator',
};

const TRANSIT: NonNullable<ApplicationContentInput['transit']> = {
  route: 'Shanghai by sea to Rotterdam, transhipped, by sea to Santos',
  memberStateOfTransit: 'nl',
};

/** An individual export with every Annex III-A field, codes written as clients do. */
const FULL = contentInput({
  exporter: { ...contentInput().exporter, kind: 'LEGAL_PERSON' },
  items: [itemInput({ countryOfOrigin: 'de' }), itemInput({ countryOfOrigin: 'TW', description: 'Storage' })],
  destinationCountry: 'BR',
  endUse: '  Lawful interception by the operator under court orders  ',
  memberStateOfCustomsExport: 'nl',
  contract: { date: '2026-01-20', reference: ' MT-2026-014 ' },
});

describe('Annex III-A record (issue 10)', () => {
  it('records every Annex III-A field of an individual export, normalised', () => {
    const content = submittedContent(FULL);
    expect(content).toMatchObject({
      exporter: { kind: 'LEGAL_PERSON' },
      endUse: 'Lawful interception by the operator under court orders',
      endUseStatement: 'EUS-2025-0042',
      memberStateOfCustomsExport: 'NL',
      contract: { date: '2026-01-20', reference: 'MT-2026-014' },
      services: null,
      transit: null,
    });
    expect(content.items.map((item) => item.countryOfOrigin)).toEqual(['DE', 'TW']);
  });

  it('keeps end use and the end-use statement apart: the statement reference is not the end use (Art 12(4))', () => {
    const content = submittedContent(contentInput({ endUse: null }));
    expect(content.endUse).toBeNull();
    expect(content.endUseStatement).toBe('EUS-2025-0042');
  });

  describe('exporter kind and EORI (Annex III-A box 1, Art 2(3))', () => {
    it('requires an EORI only for a legal-person exporter established in the Union', () => {
      const other = { scheme: 'OTHER' as const, value: 'ID-DE-L01X00T47' };
      const legal = submit(contentInput({ exporter: { ...contentInput().exporter, identifier: other } }));
      expect(legal.thenRefuses('INVALID', 'eori-required').message).toContain('exporter.identifier.scheme');
      const natural = contentInput({
        exporter: { ...contentInput().exporter, identifier: other, kind: 'NATURAL_PERSON', name: 'Jana Muster' },
      });
      expect(submittedContent(natural).exporter).toMatchObject({ kind: 'NATURAL_PERSON', identifier: other });
      // Outside the Union a legal person has no EORI to give (Art 12(2): individual licence only).
      expect(submittedContent(contentInput({ exporter: SWISS_EXPORTER })).exporter.identifier.scheme).toBe('OTHER');
    });

    it('reads an exporter sent without a kind as a legal person (clients written before issue 10)', () => {
      expect(submittedContent(contentInput()).exporter.kind).toBe('LEGAL_PERSON');
    });

    it('refuses an exporter kind that is neither LEGAL_PERSON nor NATURAL_PERSON', () => {
      const exporter = { ...contentInput().exporter, kind: 'COMPANY' as unknown as 'LEGAL_PERSON' };
      submit(contentInput({ exporter })).thenRefuses('INVALID', 'exporter-kind');
    });
  });

  describe('brokering and technical assistance name the broker or provider and the services (Art 6, Art 8)', () => {
    it.each<ApplicationKind>(['BROKERING', 'TECHNICAL_ASSISTANCE'])(
      'requires the broker or provider and the services for %s',
      (kind) => {
        const error = submit(contentInput(), kind).thenRefuses('INVALID', 'services-required');
        expect(error.message).toContain('services.provider');
      },
    );

    it('requires the services to be described', () => {
      submit(
        contentInput({ services: { ...FRENCH_BROKER, description: ' ' } }),
        'BROKERING',
        meta({ memberState: 'FR' }),
      )
        // The field is named in the message; the rule is the generic one for a blank required text.
        .thenRefuses('INVALID', 'required-field');
    });

    it('gives brokering to the member state where the named broker is established, not the applicant field (Art 6)', () => {
      const content = contentInput({ services: FRENCH_BROKER });
      expect(submittedContent(content, 'BROKERING', meta({ memberState: 'FR' })).services).toEqual({
        provider: FRENCH_BROKER.provider,
        description: FRENCH_BROKER.description,
      });
      submit(content, 'BROKERING').thenRefuses('FORBIDDEN', 'competent-authority');
    });

    it('treats the broker or provider named as personal data (it may be a natural person)', () => {
      const content = submittedContent(
        contentInput({ services: FRENCH_BROKER }),
        'BROKERING',
        meta({ memberState: 'FR' }),
      );
      const paths = findPersonalData({ content }).map((field) => field.path.join('.'));
      expect(paths).toEqual(
        expect.arrayContaining(['content.services.provider.name', 'content.services.provider.address']),
      );
    });

    it('refuses a provider whose country contradicts its member state of establishment', () => {
      const services = { ...FRENCH_BROKER, provider: { ...FRENCH_BROKER.provider, country: 'BE' } };
      submit(contentInput({ services }), 'BROKERING', meta({ memberState: 'FR' })).thenRefuses(
        'INVALID',
        'provider-establishment-country',
      );
    });
  });

  describe('transit names its route and member state of transit (Art 7)', () => {
    const inTransit = (overrides: Partial<ApplicationContentInput> = {}) =>
      contentInput({ items: [itemInput({ memberStateWhereLocated: 'NL' })], destinationCountry: 'BR', ...overrides });

    it('requires the route and the member state of transit for a transit', () => {
      const error = submit(inTransit(), 'TRANSIT', meta({ memberState: 'NL' })).thenRefuses(
        'INVALID',
        'transit-route-required',
      );
      expect(error.message).toContain('transit.route');
      submit(inTransit({ transit: { ...TRANSIT, route: '' } }), 'TRANSIT', meta({ memberState: 'NL' })).thenRefuses(
        'INVALID',
        'required-field',
      );
    });

    it('gives transit to the stated member state of transit', () => {
      const content = inTransit({ transit: TRANSIT });
      expect(submittedContent(content, 'TRANSIT', meta({ memberState: 'NL' })).transit).toEqual({
        route: TRANSIT.route,
        memberStateOfTransit: 'NL',
      });
      submit(content, 'TRANSIT', meta({ memberState: 'BE' })).thenRefuses('FORBIDDEN', 'competent-authority');
    });
  });

  it('refuses services or a transit on a kind they do not belong to', () => {
    submit(contentInput({ services: FRENCH_BROKER })).thenRefuses('INVALID', 'services-not-for-kind');
    submit(contentInput({ transit: TRANSIT })).thenRefuses('INVALID', 'transit-not-for-kind');
  });

  it('refuses a contract date the calendar does not have', () => {
    const error = submit(contentInput({ contract: { date: '2026-02-30' } })).thenRefuses('INVALID', 'date-format');
    expect(error.message).toContain('contract.date');
  });

  it('refuses a country of origin or customs-export member state that is not a code', () => {
    submit(contentInput({ items: [itemInput({ countryOfOrigin: 'Germany' })] })).thenRefuses(
      'INVALID',
      'country-code-format',
    );
    submit(contentInput({ memberStateOfCustomsExport: 'CH' })).thenRefuses('INVALID', 'member-state-code');
  });

  describe('applications recorded before issue 10', () => {
    // What an ApplicationSubmitted stored before issue 10 holds: none of the new fields, not even null.
    const legacy = (): ApplicationEvent => {
      const event = applicationHistory.submitted();
      if (event.type !== 'ApplicationSubmitted') throw new Error('expected ApplicationSubmitted');
      const { endUse, memberStateOfCustomsExport, contract, services, transit, ...content } = event.data.content;
      const { kind, ...exporter } = content.exporter;
      const items = content.items.map(({ countryOfOrigin, ...item }) => item);
      void [endUse, memberStateOfCustomsExport, contract, services, transit, kind];
      return { ...event, data: { ...event.data, content: { ...content, exporter, items } } };
    };

    it('still folds them: the missing fields read as not stated and the exporter as a legal person', () => {
      const state = spec.given([legacy(), applicationHistory.assessed()]).state() as Application;
      expect(state.status).toBe('UNDER_ASSESSMENT');
      expect(state.content.endUse).toBeUndefined();
      expect(exporterKindOf(state.content.exporter)).toBe('LEGAL_PERSON');
    });

    it('sends no end use for them rather than the statement reference, and names the statement apart', () => {
      const state = spec.given([legacy()]).state() as Application;
      const packet = consultationPacketFrom(state.content);
      expect(packet).toMatchObject({ endUse: null, endUseStatement: 'EUS-2025-0042', contract: null, transit: null });
    });
  });

  describe('consultation packet', () => {
    it('carries the end use itself and every Annex III-A part to the consulted member state', () => {
      const content = normaliseApplicationContent(FULL);
      const packet = normalisePacket(consultationPacketFrom(content, { grounds: ['items located there'] }));
      expect(packet).toMatchObject({
        endUse: 'Lawful interception by the operator under court orders',
        endUseStatement: 'EUS-2025-0042',
        memberStateOfCustomsExport: 'NL',
        contract: { date: '2026-01-20', reference: 'MT-2026-014' },
        exporter: { kind: 'LEGAL_PERSON' },
      });
      expect(packet.items.map((item) => item.countryOfOrigin)).toEqual(['DE', 'TW']);
    });

    it('leaves a packet recorded without the Annex III-A parts as it was', () => {
      const { endUseStatement, memberStateOfCustomsExport, contract, services, transit, ...old } =
        consultationPacketFrom(normaliseApplicationContent(contentInput()));
      void [endUseStatement, memberStateOfCustomsExport, contract, services, transit];
      expect(normalisePacket(old)).toEqual(old);
    });
  });
});
