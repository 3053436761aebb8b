import { BaseEnvironment } from '@dul/config';

/** The licensing service's configuration; service-specific variables are added with the service. */
export class LicensingEnvironment extends BaseEnvironment {}
