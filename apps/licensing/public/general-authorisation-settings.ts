import type { GeneralAuthorisationSettingsByMemberState, MemberStateCode } from '@dul/domain';
import { DEFAULT_GENERAL_AUTHORISATION_SETTINGS, normaliseMemberState } from '@dul/domain';

/**
 * GEA_SETTINGS: per member state, the first-use notification deadline in days and whether it requires
 * registration before the first use, e.g. `DE:30:register-first,FR:15`. Member states not named get
 * the default (30 days, no registration required: Annex II Part 3 of each Section).
 */
export const GEA_SETTINGS_PATTERN =
  /^$|^(?:(?:[A-Z]{2}):(?:[1-9][0-9]{0,2})(?::register-first)?)(?:,(?:[A-Z]{2}):(?:[1-9][0-9]{0,2})(?::register-first)?)*$/;

export const GENERAL_AUTHORISATION_SETTINGS = Symbol.for('dul.GeneralAuthorisationSettings');

export function parseGeaSettings(value: string | undefined): GeneralAuthorisationSettingsByMemberState {
  const settings: Partial<Record<MemberStateCode, typeof DEFAULT_GENERAL_AUTHORISATION_SETTINGS>> = {};
  for (const entry of (value ?? '').split(',').filter((part) => part !== '')) {
    const [code = '', days = '30', flag] = entry.split(':');
    const memberState = normaliseMemberState(code);
    if (memberState === undefined) throw new Error(`GEA_SETTINGS: ${code} is not an EU member state`);
    settings[memberState] = {
      firstUseNotificationDays: Number(days),
      registrationBeforeFirstUse: flag === 'register-first',
    };
  }
  return settings;
}
