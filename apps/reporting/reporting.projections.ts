import type { Projection } from '@dul/projections';
import { generalAuthorisationFactsProjection } from './general-authorisation-facts.projection';
import { reportFactsProjection } from './report-facts.projection';

/** The read models the reporting service keeps. */
export const REPORTING_PROJECTIONS: readonly Projection[] = [
  reportFactsProjection,
  generalAuthorisationFactsProjection,
];
