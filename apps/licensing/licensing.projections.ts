import type { Projection } from '@dul/projections';
import { applicationQueueProjection } from './applications/application-queue.projection';
import { licenceRegisterProjection } from './licences/licence-register.projection';
import {
  nationalAuthorisationsProjection,
  registrationsProjection,
} from './general-authorisations/general-authorisation-registrations.projection';

/** The read models the licensing service keeps. */
export const LICENSING_PROJECTIONS: readonly Projection[] = [
  applicationQueueProjection,
  licenceRegisterProjection,
  registrationsProjection,
  nationalAuthorisationsProjection,
];
