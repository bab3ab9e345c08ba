import { describe, expect, it } from 'vitest';
import {
  CALENDAR_YEAR,
  exerciseCalendar,
  exerciseContaining,
  exerciseLabel,
  exerciseShareCents,
  exerciseStartingIn,
  exercisesOverlapping,
  lastClosedExercise,
  proRataCents,
} from '../../../src/renderer/src/domain/exercise';

const SEPTEMBER = exerciseCalendar({ exerciseStart: '2025-09-01' });

describe('the association’s exercise', () => {
  it('is the calendar year when the profile gives no start', () => {
    expect(exerciseCalendar(undefined)).toEqual(CALENDAR_YEAR);
    expect(exerciseCalendar({ exerciseStart: '' })).toEqual(CALENDAR_YEAR);
    expect(exerciseStartingIn(CALENDAR_YEAR, 2026)).toEqual({ startYear: 2026, start: '2026-01-01', end: '2026-12-31' });
  });

  it('repeats the profile’s start day every year, ending on the eve of the next start', () => {
    expect(exerciseStartingIn(SEPTEMBER, 2025)).toEqual({ startYear: 2025, start: '2025-09-01', end: '2026-08-31' });
    const april = exerciseCalendar({ exerciseStart: '2023-04-15' });
    expect(exerciseStartingIn(april, 2027)).toEqual({ startYear: 2027, start: '2027-04-15', end: '2028-04-14' });
  });

  it('keeps a leap day inside the exercise that contains it', () => {
    const march = exerciseCalendar({ exerciseStart: '2020-03-01' });
    expect(exerciseStartingIn(march, 2027)).toEqual({ startYear: 2027, start: '2027-03-01', end: '2028-02-29' });
    expect(exerciseStartingIn(march, 2028).end).toBe('2029-02-28');
  });

  it('finds the exercise of a date: the eve of the start, the start, the day after', () => {
    expect(exerciseContaining(SEPTEMBER, '2026-08-31').startYear).toBe(2025);
    expect(exerciseContaining(SEPTEMBER, '2026-09-01').startYear).toBe(2026);
    expect(exerciseContaining(SEPTEMBER, '2026-09-02').startYear).toBe(2026);
    expect(exerciseContaining(CALENDAR_YEAR, '2026-12-31').startYear).toBe(2026);
    expect(exerciseContaining(CALENDAR_YEAR, '2027-01-01').startYear).toBe(2027);
  });

  it('lists the exercises a period overlaps', () => {
    expect(exercisesOverlapping(SEPTEMBER, '2025-09-01', '2026-08-31').map((e) => e.startYear)).toEqual([2025]);
    expect(exercisesOverlapping(SEPTEMBER, '2025-08-31', '2026-09-01').map((e) => e.startYear)).toEqual([2024, 2025, 2026]);
    expect(exercisesOverlapping(CALENDAR_YEAR, '2026-03-01', '2026-02-01')).toEqual([]);
  });

  it('names the last closed exercise, and labels exercises that straddle two years', () => {
    expect(lastClosedExercise(CALENDAR_YEAR, '2026-12-01').startYear).toBe(2025);
    expect(lastClosedExercise(CALENDAR_YEAR, '2027-01-01').startYear).toBe(2026);
    expect(lastClosedExercise(SEPTEMBER, '2026-08-31').startYear).toBe(2024);
    expect(lastClosedExercise(SEPTEMBER, '2026-09-01').startYear).toBe(2025);
    expect(exerciseLabel(exerciseStartingIn(SEPTEMBER, 2025))).toBe('2025-2026');
    expect(exerciseLabel(exerciseStartingIn(CALENDAR_YEAR, 2026))).toBe('2026');
  });
});

describe('pro rata temporis', () => {
  it('gives a September–August grant to two calendar exercises by days', () => {
    // 1 Sept 2025 – 31 Aug 2026: 365 days, 122 in 2025 and 243 in 2026.
    const period = { start: '2025-09-01', end: '2026-08-31' };
    const in2025 = exerciseShareCents(36_500_00, period, exerciseStartingIn(CALENDAR_YEAR, 2025));
    const in2026 = exerciseShareCents(36_500_00, period, exerciseStartingIn(CALENDAR_YEAR, 2026));
    expect(in2025).toBe(12_200_00);
    expect(in2026).toBe(24_300_00);
    // The same grant lies wholly within the association's own September–August exercise.
    expect(exerciseShareCents(36_500_00, period, exerciseStartingIn(SEPTEMBER, 2025))).toBe(36_500_00);
  });

  it('adds up to the amount, cent for cent, however the days divide', () => {
    const period = { start: '2024-02-29', end: '2027-02-28' };
    const shares = exercisesOverlapping(CALENDAR_YEAR, period.start, period.end).map((e) => exerciseShareCents(10_000_01, period, e));
    expect(shares).toHaveLength(4);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(10_000_01);
  });

  it('is nothing outside the period and everything over it', () => {
    expect(proRataCents(1000, '2026-01-01', '2026-12-31', '2027-01-01', '2027-12-31')).toBe(0);
    expect(proRataCents(1000, '2026-01-01', '2026-12-31', '2025-01-01', '2025-12-31')).toBe(0);
    expect(proRataCents(1000, '2026-01-01', '2026-12-31', '2020-01-01', '2030-12-31')).toBe(1000);
    // One day of a 365-day period.
    expect(proRataCents(365_00, '2026-01-01', '2026-12-31', '2026-12-31', '2026-12-31')).toBe(1_00);
  });
});
