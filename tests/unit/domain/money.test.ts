import { describe, expect, it } from 'vitest';

import {
  centsToEurosText,
  centsToWholeEuros,
  formatCents,
  formatWholeEuros,
  isCents,
  parseEurosToCents,
  parseWholeEuros,
} from '../../../src/renderer/src/domain/money';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

// The one cents ↔ text pair every form uses: what a form shows, it reads back as the same amount.
describe('centsToEurosText ↔ parseEurosToCents', () => {
  it.each([
    [0, '0,00'],
    [1, '0,01'],
    [50, '0,50'],
    [100, '1,00'],
    [123_456, '1 234,56'],
    [100_000_000, '1 000 000,00'],
    [123_456_789, '1 234 567,89'],
  ])('%i cents ↔ %j', (cents, text) => {
    expect(centsToEurosText(cents)).toBe(text);
    expect(parseEurosToCents(text)).toEqual({ ok: true, cents });
  });

  it.each([
    [0, '0'],
    [100, '1'],
    [123_400, '1 234'],
    [100_000_000, '1 000 000'],
    [123_456, '1 234,56'],
  ])('in whole euros (Cerfa budgets, compte-rendu), %i cents ↔ %j, an older amount with cents keeping them', (cents, text) => {
    expect(centsToEurosText(cents, { wholeEuros: true })).toBe(text);
    expect(parseEurosToCents(text)).toEqual({ ok: true, cents });
  });

  it('shows no amount as an empty input, and an empty input is refused as no amount', () => {
    expect(centsToEurosText(undefined)).toBe('');
    expect(centsToEurosText(Number.NaN)).toBe('');
    expect(parseEurosToCents('')).toEqual({ ok: false, error: 'saisissez un montant (ex. 1 234,56).' });
    expect(parseEurosToCents('   ')).toEqual({ ok: false, error: 'saisissez un montant (ex. 1 234,56).' });
  });

  it('keeps the sign of a negative amount so that the form refuses it instead of dropping it', () => {
    expect(centsToEurosText(-123_456)).toBe('-1 234,56');
    expect(centsToEurosText(-1)).toBe('-0,01');
    expect(parseEurosToCents('-1 234,56')).toEqual({ ok: false, error: 'les montants ne peuvent pas être négatifs.' });
    expect(parseEurosToCents('\u22121 234,56')).toEqual({ ok: false, error: 'les montants ne peuvent pas être négatifs.' });
  });

  it.each([
    ['12,345', '2 chiffres au plus après la virgule (les centimes).'],
    ['1.234,5', 'une seule virgule, avant les centimes (ex. 1 234,56).'],
    ['1,234.5', 'une seule virgule, avant les centimes (ex. 1 234,56).'],
    ['12 34,00', 'les espaces ne séparent que les milliers, par groupes de 3 chiffres (ex. 1 234,56).'],
  ])('refuses %j: %s', (text, error) => {
    expect(parseEurosToCents(text)).toEqual({ ok: false, error });
  });

  it.each([
    ['1 234,56', 123_456],
    [`1${NBSP}234,56`, 123_456],
    [`1${NNBSP}234,56`, 123_456],
    [`1${NNBSP}234${NNBSP}567,89${NBSP}€`, 123_456_789],
    ['  1 234,56  ', 123_456],
  ])('reads %j, spaces of every kind, as %i cents', (text, cents) => {
    expect(parseEurosToCents(text)).toEqual({ ok: true, cents });
  });

  it('reads back what formatCents shows on a screen', () => {
    for (const cents of [0, 1, 123_456, 123_456_789]) expect(parseEurosToCents(formatCents(cents))).toEqual({ ok: true, cents });
  });
});

describe('parseEurosToCents', () => {
  it.each([
    ['1 234,56', 123_456],
    ['1234,56', 123_456],
    ['1234,5', 123_450],
    ['1234.56', 123_456],
    ['1 234 €', 123_400],
    ['1 234,56 €', 123_456],
    ['1234€', 123_400],
    [`1${NBSP}234,56${NBSP}€`, 123_456],
    [`1${NNBSP}234,56${NBSP}€`, 123_456],
    ['12 345 678,90', 1_234_567_890],
    ['0,05', 5],
    ['0', 0],
    ['007', 700],
    ['  42  ', 4_200],
    ['1234567', 123_456_700],
  ])('%j → %i cents', (input, cents) => {
    expect(parseEurosToCents(input)).toEqual({ ok: true, cents });
  });

  it.each([
    ['-12,50', 'les montants ne peuvent pas être négatifs.'],
    ['\u221212,50', 'les montants ne peuvent pas être négatifs.'],
    ['- 5', 'les montants ne peuvent pas être négatifs.'],
    ['12,345', '2 chiffres au plus après la virgule (les centimes).'],
    ['1.234', '2 chiffres au plus après la virgule (les centimes).'],
    ['', 'saisissez un montant (ex. 1 234,56).'],
    ['   ', 'saisissez un montant (ex. 1 234,56).'],
    ['€', 'saisissez un montant (ex. 1 234,56).'],
    ['douze', 'seuls des chiffres, des espaces et une virgule sont acceptés (ex. 1 234,56).'],
    ['12 euros', 'seuls des chiffres, des espaces et une virgule sont acceptés (ex. 1 234,56).'],
    ['1e3', 'seuls des chiffres, des espaces et une virgule sont acceptés (ex. 1 234,56).'],
    ['+12', 'seuls des chiffres, des espaces et une virgule sont acceptés (ex. 1 234,56).'],
    ['1.234,56', 'une seule virgule, avant les centimes (ex. 1 234,56).'],
    ['1,234.56', 'une seule virgule, avant les centimes (ex. 1 234,56).'],
    ['12 34', 'les espaces ne séparent que les milliers, par groupes de 3 chiffres (ex. 1 234,56).'],
    ['1234 567', 'les espaces ne séparent que les milliers, par groupes de 3 chiffres (ex. 1 234,56).'],
    ['1234,', 'des chiffres sont attendus après la virgule (ex. 1 234,56).'],
    ['12, 50', 'des chiffres sont attendus après la virgule (ex. 1 234,56).'],
    [',50', 'un chiffre est attendu avant la virgule (ex. 0,50).'],
    ['99999999999999999', 'montant trop grand.'],
  ])('%j is refused: %s', (input, error) => {
    expect(parseEurosToCents(input)).toEqual({ ok: false, error });
  });
});

describe('parseWholeEuros', () => {
  it.each([
    ['1 234', 123_400],
    ['1234 €', 123_400],
    ['1 234,00', 123_400],
    ['0', 0],
  ])('%j → %i cents', (input, cents) => {
    expect(parseWholeEuros(input)).toEqual({ ok: true, cents });
  });

  it.each([
    ['1 234,56', 'montant en euros entiers attendu, sans centimes (ex. 1 234).'],
    ['12,5', 'montant en euros entiers attendu, sans centimes (ex. 1 234).'],
    ['-1 234', 'les montants ne peuvent pas être négatifs.'],
    ['1,234', '2 chiffres au plus après la virgule (les centimes).'],
  ])('%j is refused: %s', (input, error) => {
    expect(parseWholeEuros(input)).toEqual({ ok: false, error });
  });
});

describe('formatCents', () => {
  it.each([
    [123_456, `1${NBSP}234,56${NBSP}€`],
    [0, `0,00${NBSP}€`],
    [5, `0,05${NBSP}€`],
    [100, `1,00${NBSP}€`],
    [99_999, `999,99${NBSP}€`],
    [123_456_789, `1${NBSP}234${NBSP}567,89${NBSP}€`],
    [-250_000, `-2${NBSP}500,00${NBSP}€`],
  ])('%i → %j', (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });

  it('never uses the narrow no-break space that Roboto lacks', () => {
    expect(formatCents(123_456_789)).not.toContain(NNBSP);
  });

  it.each(['1 234,56', '0,05', '12 345 678,90'])('reads back what it writes: %j', (typed) => {
    const parsed = parseEurosToCents(typed);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parseEurosToCents(formatCents(parsed.cents))).toEqual(parsed);
  });
});

describe('formatWholeEuros and centsToWholeEuros', () => {
  it.each([
    [123_456, 1_235, `1${NBSP}235${NBSP}€`],
    [123_449, 1_234, `1${NBSP}234${NBSP}€`],
    [123_450, 1_235, `1${NBSP}235${NBSP}€`],
    [12_350, 124, `124${NBSP}€`],
    [250, 3, `3${NBSP}€`],
    [49, 0, `0${NBSP}€`],
    [0, 0, `0${NBSP}€`],
    [2_300_000, 23_000, `23${NBSP}000${NBSP}€`],
    [-12_350, -124, `-124${NBSP}€`],
    [-49, 0, `0${NBSP}€`],
  ])('%i cents → %i € → %j (halves away from zero)', (cents, euros, text) => {
    expect(centsToWholeEuros(cents)).toBe(euros);
    expect(formatWholeEuros(cents)).toBe(text);
  });
});

describe('isCents', () => {
  it.each([
    [0, true],
    [123_456, true],
    [Number.MAX_SAFE_INTEGER, true],
    [-1, false],
    [12.5, false],
    [Number.MAX_SAFE_INTEGER + 1, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
    ['1234', false],
    [null, false],
    [undefined, false],
  ])('%j → %s', (value, expected) => {
    expect(isCents(value)).toBe(expected);
  });
});
