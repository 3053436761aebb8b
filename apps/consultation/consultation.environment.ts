import { BaseEnvironment } from '@dul/config';

/** The consultation service's configuration; service-specific variables are added with the service. */
export class ConsultationEnvironment extends BaseEnvironment {}
