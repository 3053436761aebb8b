/**
 * The consultation deadline timer as other parts of the product may drive it (the seed tool runs it
 * by hand on a manual clock). `tick` lapses every consultation whose deadline has passed and answers
 * how many it lapsed.
 */
export interface ConsultationDeadlines {
  tick(): Promise<number>;
}

export const CONSULTATION_DEADLINES = Symbol.for('dul.ConsultationDeadlines');
