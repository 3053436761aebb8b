import type { Projection } from '@dul/projections';
import { consultationsProjection } from './consultations/consultations.projection';
import { denialRegisterProjection } from './denials/denial-register.projection';
import { notificationsProjection } from './notifications/notifications.projection';

/** The read models the consultation service keeps. */
export const CONSULTATION_PROJECTIONS: readonly Projection[] = [
  consultationsProjection,
  denialRegisterProjection,
  notificationsProjection,
];
