/**
 * The name of the consultation board read model (one document per consultation). Licensing reads the
 * open deadlines of its own cases from it, so the name is part of consultation's public surface.
 */
export const CONSULTATIONS_PROJECTION = 'consultations';
