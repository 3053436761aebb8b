// Screening for essentially identical transactions (Art 2(22), Art 16): the rules, the register
// index, and the name and address normalisation they rest on. See docs/screening.md.
export * from './screening';
export * from './denial-index';
export * from './party-name';
