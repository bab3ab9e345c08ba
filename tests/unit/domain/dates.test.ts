import { describe, expect, it } from 'vitest';

import {
  compareIso,
  dateFromIso,
  formatDateLong,
  formatDateShort,
  formatIsoFromDate,
  isIsoDate,
  parseFrenchDate,
  todayIso,
} from '../../../src/renderer/src/domain/dates';

describe('isIsoDate', () => {
  it.each([
    ['2026-11-24', true, 'an ordinary date'],
    ['2024-02-29', true, 'leap year'],
    ['2000-02-29', true, 'divisible by 400: leap'],
    ['1900-02-28', true, 'last day of February 1900'],
    ['2026-01-31', true, 'January has 31 days'],
    ['2026-04-30', true, 'April has 30 days'],
    ['2026-12-31', true, 'last day of the year'],
    ['2026-02-29', false, 'not a leap year'],
    ['1900-02-29', false, 'divisible by 100 but not 400: not leap'],
    ['2026-02-30', false, 'February 30'],
    ['2026-04-31', false, 'April 31'],
    ['2026-13-01', false, 'month 13'],
    ['2026-00-10', false, 'month 0'],
    ['2026-11-00', false, 'day 0'],
    ['2026-11-32', false, 'day 32'],
    ['2026-1-24', false, 'one-digit month'],
    ['26-11-24', false, 'two-digit year'],
    ['24/11/2026', false, 'French form'],
    ['2026-11-24T00:00', false, 'a time is not a date'],
    [' 2026-11-24', false, 'leading space'],
    ['', false, 'empty'],
  ])('%j → %s (%s)', (s, expected) => {
    expect(isIsoDate(s)).toBe(expected);
  });
});

describe('parseFrenchDate', () => {
  it.each([
    ['24/11/2026', '2026-11-24'],
    ['01/03/2026', '2026-03-01'],
    ['1/3/2026', '2026-03-01'],
    ['29/02/2024', '2024-02-29'],
    ['24.11.2026', '2026-11-24'],
    ['24-11-2026', '2026-11-24'],
    [' 24/11/2026 ', '2026-11-24'],
    ['31/12/1999', '1999-12-31'],
  ])('%j → %j', (input, expected) => {
    expect(parseFrenchDate(input)).toBe(expected);
  });

  it.each([
    ['24/11/26', 'two-digit years are refused: 1926 or 2026?'],
    ['29/02/2026', 'not a leap year'],
    ['31/04/2026', 'April has 30 days'],
    ['11/24/2026', 'month first (American order)'],
    ['00/11/2026', 'day 0'],
    ['2026-11-24', 'ISO is not the French form'],
    ['24 novembre 2026', 'month in words'],
    ['24/11/20266', 'five-digit year'],
    ['', 'empty'],
  ])('%j → null (%s)', (input) => {
    expect(parseFrenchDate(input)).toBeNull();
  });
});

describe('formatDateShort and formatDateLong', () => {
  it.each([
    ['2026-11-24', '24 nov. 2026', '24 novembre 2026'],
    ['2026-01-05', '5 janv. 2026', '5 janvier 2026'],
    ['2026-02-14', '14 févr. 2026', '14 février 2026'],
    ['2026-03-31', '31 mars 2026', '31 mars 2026'],
    ['2026-05-08', '8 mai 2026', '8 mai 2026'],
    ['2026-06-30', '30 juin 2026', '30 juin 2026'],
    ['2026-07-14', '14 juil. 2026', '14 juillet 2026'],
    ['2026-08-15', '15 août 2026', '15 août 2026'],
    ['2026-09-21', '21 sept. 2026', '21 septembre 2026'],
    ['2026-12-25', '25 déc. 2026', '25 décembre 2026'],
    ['2027-01-01', '1er janv. 2027', '1er janvier 2027'],
    ['2024-02-29', '29 févr. 2024', '29 février 2024'],
  ])('%s → %j / %j', (iso, short, long) => {
    expect(formatDateShort(iso)).toBe(short);
    expect(formatDateLong(iso)).toBe(long);
  });

  it.each(['2026-02-30', '24/11/2026', ''])('throws on %j, which no schema lets through', (iso) => {
    expect(() => formatDateShort(iso)).toThrow(RangeError);
    expect(() => formatDateLong(iso)).toThrow(RangeError);
  });
});

describe('dateFromIso and formatIsoFromDate', () => {
  it.each([
    ['2026-11-24', 2026, 10, 24],
    ['2024-02-29', 2024, 1, 29],
    ['0026-11-24', 26, 10, 24],
  ])('%s is local midnight of that day and formats back', (iso, year, monthIndex, day) => {
    const date = dateFromIso(iso);
    expect([date.getFullYear(), date.getMonth(), date.getDate()]).toEqual([year, monthIndex, day]);
    expect([date.getHours(), date.getMinutes(), date.getSeconds()]).toEqual([0, 0, 0]);
    expect(formatIsoFromDate(date)).toBe(iso);
  });

  it.each([
    [new Date(2026, 10, 24, 23, 59), '2026-11-24'],
    [new Date(2026, 0, 1, 0, 0), '2026-01-01'],
    [new Date(2024, 1, 29, 12, 0), '2024-02-29'],
  ])('formatIsoFromDate(%s) → %s, the local calendar day', (date, iso) => {
    expect(formatIsoFromDate(date)).toBe(iso);
  });
});

describe('todayIso', () => {
  it('reads the local calendar day of the given clock', () => {
    expect(todayIso(new Date(2026, 10, 24, 8, 30))).toBe('2026-11-24');
  });

  it('defaults to the current clock', () => {
    expect(todayIso()).toBe(formatIsoFromDate(new Date()));
  });
});

describe('compareIso', () => {
  it.each([
    ['2026-11-24', '2026-11-25', -1],
    ['2026-11-25', '2026-11-24', 1],
    ['2026-11-24', '2026-11-24', 0],
    ['2025-12-31', '2026-01-01', -1],
    ['2026-02-01', '2026-10-01', -1],
  ])('compareIso(%s, %s) → %i', (a, b, expected) => {
    expect(compareIso(a, b)).toBe(expected);
  });

  it('sorts dates chronologically', () => {
    expect(['2026-10-01', '2025-12-31', '2026-02-01'].sort(compareIso)).toEqual(['2025-12-31', '2026-02-01', '2026-10-01']);
  });
});
