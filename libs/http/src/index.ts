export * from './application-content.dto';
export * from './dto-fields';
export * from './http-edge';
export * from './page-query.dto';
export * from './read-page';
