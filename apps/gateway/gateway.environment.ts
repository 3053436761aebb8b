import { BaseEnvironment } from '@dul/config';

/** The gateway service's configuration; service-specific variables are added with the service. */
export class GatewayEnvironment extends BaseEnvironment {}
