export * from './reactor-spec';
