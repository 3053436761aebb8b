import type { TransformFnParams } from 'class-transformer';
import type { ValidationArguments, ValidationOptions } from 'class-validator';
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  buildMessage,
  IsArray,
  IsIn,
  registerDecorator,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import type {
  ApplicationStatus,
  Art15Ground,
  ExporterIdentifierScheme,
  LicenceStatus,
  OtherPartyRole,
} from '@dul/domain';
import { ART15_GROUNDS, MEMBER_STATE_CODES } from '@dul/domain';

// Length limits at the HTTP edge. They bound what a request can make us store and echo back in events
// and Art 16 notifications; they are not legal limits (the domain owns those).
export const NAME_MAX = 300;
export const ADDRESS_MAX = 500;
export const TEXT_MAX = 4000;
/** Item descriptions and licence conditions: a sentence or a paragraph, not a document. */
export const SHORT_TEXT_MAX = 1000;
/** Client-chosen ids (flagId, usageId) and principal names (caseworker, assignee). */
export const ID_MAX = 200;
/** Annex I entries are at most a dozen characters (5D002.c.3.a); the domain parses the format. */
export const CONTROL_ENTRY_MAX = 40;
export const UNIT_MAX = 40;
/** EORI is at most 17 characters; national identifiers with separators run a little longer. */
export const IDENTIFIER_VALUE_MAX = 50;
/** Customs office (8) and MRN (18) with room for spaces; the domain checks the formats. */
export const CUSTOMS_OFFICE_MAX = 20;
export const DECLARATION_REFERENCE_MAX = 40;

export const ITEMS_MAX = 200;
export const OTHER_PARTIES_MAX = 50;
export const CONDITIONS_MAX = 50;

// Sums are kept in whole thousandths (libs/domain amounts.ts); above 10^12 those stop being exact doubles.
export const AMOUNT_MAX = 1_000_000_000_000;
// A sanity bound, not the legal limit per kind (the domain enforces that): kinds without a legal cap
// would otherwise accept a number of months whose end date no Date can hold.
export const VALIDITY_MONTHS_MAX = 240;

export const COUNTRY_CODE = /^[A-Z]{2}$/;
export const CURRENCY_CODE = /^[A-Z]{3}$/;
export const HS_CODE = /^\d{8}$/;

/** Member-state codes as accepted: ISO alpha-2, plus 'EL' for Greece as EU publications write it. */
export const MEMBER_STATE_INPUT_CODES: readonly string[] = [...MEMBER_STATE_CODES, 'EL'];

/**
 * The members of a string union as a list that fails to compile while one is missing, for the unions
 * the domain exports only as types: the list follows the type instead of drifting from it.
 */
export function everyValueOf<T extends string>() {
  return <const A extends readonly T[]>(
    values: A & ([Exclude<T, A[number]>] extends [never] ? unknown : { readonly missing: Exclude<T, A[number]> }),
  ): A => values;
}

export const IDENTIFIER_SCHEMES = everyValueOf<ExporterIdentifierScheme>()(['EORI', 'OTHER']);
export const OTHER_PARTY_ROLES = everyValueOf<OtherPartyRole>()(['AGENT', 'BROKER', 'INTERMEDIATE_CONSIGNEE', 'OTHER']);
export const CLASSIFICATION_KINDS = everyValueOf<'LISTED' | 'NOT_LISTED'>()(['LISTED', 'NOT_LISTED']);
export const APPLICATION_STATUSES = everyValueOf<ApplicationStatus>()([
  'SUBMITTED',
  'UNDER_ASSESSMENT',
  'DECISION_PROPOSED',
  'GRANTED',
  'DENIED',
  'WITHDRAWN',
]);
export const LICENCE_STATUSES = everyValueOf<LicenceStatus>()([
  'ACTIVE',
  'SUSPENDED',
  'REVOKED',
  'ANNULLED',
  'EXPIRED',
]);

/**
 * May be left out, but not sent as null: for optional fields whose domain type has no null
 * (`reasoning?: string`). @IsOptional would let null through to the domain.
 */
export function OptionalNotNull(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}

/** Must be present; null is a meaningful value (`memberStateOfEstablishment: null` = outside the EU). */
export function RequiredNullable(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== null);
}

/**
 * Fails when the property is present while `condition` on the whole object is false: for the field of
 * the other branch of a discriminated union, which whitelisting alone would let through.
 */
export function AllowedOnlyWhen<T extends object>(condition: (object: T) => boolean, when: string): PropertyDecorator {
  return (target: object, propertyKey: string | symbol) => {
    registerDecorator({
      name: 'allowedOnlyWhen',
      target: target.constructor,
      propertyName: String(propertyKey),
      constraints: [when],
      validator: {
        validate: (_value: unknown, args: ValidationArguments) => condition(args.object as T),
        defaultMessage: (args: ValidationArguments) => `${args.property} is allowed only when ${when}`,
      },
    });
  };
}

/**
 * Query strings carry 'true' / 'false'; anything else is passed on unchanged so @IsBoolean rejects it.
 * Reads the raw value (obj[key]) so an implicit conversion (Boolean('false') === true) cannot interfere.
 */
export function booleanFromQuery({ obj, key }: TransformFnParams): unknown {
  const raw = (obj as Record<string, unknown>)[key];
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  return raw;
}

/**
 * A finite number with at most three decimals. Replaces class-validator's
 * `IsNumber({ maxDecimalPlaces })`, which throws a TypeError (a 500) on numbers JSON writes in
 * exponent notation such as 5e-324 or 1e-7.
 */
export function IsAmount(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAmount',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' &&
          Number.isFinite(value) &&
          (value === 0 || Math.abs(value) >= 0.001) &&
          Math.abs(value * 1000 - Math.round(value * 1000)) < 1e-6,
        defaultMessage: buildMessage(
          (prefix) => `${prefix}$property must be a number with at most three decimals`,
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}

/** Optional Art 15 grounds on a licence action: a list of distinct grounds, never null. */
export function OptionalArt15Grounds(example: readonly Art15Ground[]): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ enum: ART15_GROUNDS, isArray: true, maxItems: ART15_GROUNDS.length, example }),
    OptionalNotNull(),
    IsArray(),
    ArrayMaxSize(ART15_GROUNDS.length),
    ArrayUnique(),
    IsIn(ART15_GROUNDS, { each: true }),
  );
}
