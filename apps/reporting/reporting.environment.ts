import { BaseEnvironment } from '@dul/config';

/** The reporting service's configuration; service-specific variables are added with the service. */
export class ReportingEnvironment extends BaseEnvironment {}
