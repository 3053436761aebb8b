import { negotiateFormat } from './report-formats';
import { asOfInstant, parseAsOf } from './reports.dto';

describe('negotiateFormat', () => {
  it.each([
    [undefined, 'json'],
    ['', 'json'],
    ['*/*', 'json'],
    ['application/json', 'json'],
    ['text/csv', 'csv'],
    ['text/html', 'html'],
    // A browser: HTML named first, the wildcard at a lower weight.
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'html'],
    ['text/csv;q=0.5, text/html;q=0.9', 'html'],
    ['*/*, text/csv', 'csv'],
    ['text/csv;q=0, application/json;q=0.1', 'json'],
    ['image/png', 'json'],
    ['TEXT/CSV; charset=utf-8', 'csv'],
  ])('%s → %s', (accept, format) => {
    expect(negotiateFormat(accept)).toBe(format);
  });
});

describe('asOf', () => {
  it('a date is the end of that day in UTC; an instant is taken as it is', () => {
    expect(asOfInstant('2025-06-30')?.toISOString()).toBe('2025-06-30T23:59:59.999Z');
    expect(asOfInstant('2025-06-30T12:00:00+02:00')?.toISOString()).toBe('2025-06-30T10:00:00.000Z');
    expect(asOfInstant(undefined)).toBeUndefined();
  });

  it('refuses what is not a real date or an instant with its offset', () => {
    expect(parseAsOf('2025-02-30')).toBeNull();
    expect(parseAsOf('2025-06-30T12:00:00')).toBeNull();
    expect(parseAsOf('30/06/2025')).toBeNull();
    expect(parseAsOf('2024-02-29')?.toISOString()).toBe('2024-02-29T23:59:59.999Z');
    expect(parseAsOf('2025-06-30T12:00:00.123Z')?.toISOString()).toBe('2025-06-30T12:00:00.123Z');
  });
});
