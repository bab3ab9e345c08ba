import { describe, expect, it } from 'vitest';

import {
  isValidAlsaceMoselleRegister,
  isValidRna,
  isValidSiren,
  isValidSiret,
  normalizeIdentifier,
  sirenProblem,
  siretProblem,
} from '../../../src/renderer/src/domain/identifiers';

const WRONG_SIRET_KEY = 'la clé de contrôle est fausse — vérifiez les 14 chiffres.';

// Real establishments as quoted in public sources; each key was recomputed independently of this code.
const realSirets = [
  ['35600000000048', 'La Poste, siège (passes Luhn too)'],
  ['35600000009075', 'La Poste, Rennes (fails Luhn, digit sum 35)'],
  ['44306184100047', 'Google France, siège'],
  ['73282932000074', 'the SIRET quoted as an example in many French forms'],
  ['21750001600019', 'Commune de Paris, hôtel de ville'],
  ['13002526500013', 'Direction interministérielle du numérique (DINUM)'],
  ['77567227221138', 'Croix-Rouge française, an establishment'],
] as const;

describe('isValidSiret and siretProblem', () => {
  it.each(realSirets)('accepts %s (%s)', (siret) => {
    expect(isValidSiret(siret)).toBe(true);
    expect(siretProblem(siret)).toBeNull();
  });

  it.each([
    ['35600000000049', 'La Poste siège, last digit changed (digit sum 27)'],
    ['35600000009076', 'La Poste Rennes, last digit changed (digit sum 36)'],
    ['35603000000048', 'La Poste siège with a SIREN digit changed: no longer La Poste'],
    ['44306184100048', 'Google France, last digit changed'],
    ['73282932000075', 'example SIRET, last digit changed'],
    ['73285932000074', 'example SIRET, a SIREN digit changed'],
    ['21750001600010', 'Commune de Paris, last digit changed'],
    ['13005526500013', 'DINUM, a SIREN digit changed'],
    ['77567227221139', 'Croix-Rouge, last digit changed'],
  ])('refuses %s (%s) with the wrong-key problem', (siret) => {
    expect(isValidSiret(siret)).toBe(false);
    expect(siretProblem(siret)).toBe(WRONG_SIRET_KEY);
  });

  it('refuses a SIRET whose own key passes but whose SIREN part does not', () => {
    // 123456789 fails Luhn; the NIC 00007 makes the 14 digits pass it.
    expect(isValidSiret('12345678900007')).toBe(false);
    expect(siretProblem('12345678900007')).toBe('les 9 premiers chiffres (le SIREN) ont une clé de contrôle fausse — vérifiez-les.');
  });

  it.each([
    ['', '14 chiffres attendus.'],
    ['7', '14 chiffres attendus, 1 saisi.'],
    ['7328293200007', '14 chiffres attendus, 13 saisis.'],
    ['732829320000740', '14 chiffres attendus, 15 saisis.'],
    ['732829320', '14 chiffres attendus, 9 saisis.'],
  ])('refuses %j: %s', (siret, problem) => {
    expect(isValidSiret(siret)).toBe(false);
    expect(siretProblem(siret)).toBe(problem);
  });

  it.each(['7328293200007A', 'ABCDEFGHIJKLMN', '732 829 320 00074', '73282932000074 ', '-7328293200007'])(
    'refuses %j: only digits are expected in the stored form',
    (siret) => {
      expect(isValidSiret(siret)).toBe(false);
      expect(siretProblem(siret)).toBe('seuls des chiffres sont attendus (14 chiffres).');
    },
  );

  it('accepts typed forms once normalized', () => {
    expect(isValidSiret(normalizeIdentifier('732 829 320 00074'))).toBe(true);
    expect(isValidSiret(normalizeIdentifier('356.000.000-00048'))).toBe(true);
  });
});

describe('isValidSiren and sirenProblem', () => {
  it.each([
    ['356000000', 'La Poste'],
    ['443061841', 'Google France'],
    ['732829320', 'example SIREN'],
    ['217500016', 'Commune de Paris'],
    ['130025265', 'DINUM'],
    ['775672272', 'Croix-Rouge française'],
  ])('accepts %s (%s)', (siren) => {
    expect(isValidSiren(siren)).toBe(true);
    expect(sirenProblem(siren)).toBeNull();
  });

  it.each([
    ['732829321', 'la clé de contrôle est fausse — vérifiez les 9 chiffres.'],
    ['123456789', 'la clé de contrôle est fausse — vérifiez les 9 chiffres.'],
    ['', '9 chiffres attendus.'],
    ['73282932', '9 chiffres attendus, 8 saisis.'],
    ['73282932000074', '9 chiffres attendus, 14 saisis.'],
    ['73282932O', 'seuls des chiffres sont attendus (9 chiffres).'],
  ])('refuses %j: %s', (siren, problem) => {
    expect(isValidSiren(siren)).toBe(false);
    expect(sirenProblem(siren)).toBe(problem);
  });
});

describe('isValidRna', () => {
  it.each([
    ['W931234567', true],
    ['W751000017', true],
    ['W000000000', true],
    ['w931234567', false],
    ['W93123456', false],
    ['W9312345678', false],
    ['931234567', false],
    ['W93123456A', false],
    ['W 931234567', false],
    ['', false],
  ])('%j → %s', (rna, expected) => {
    expect(isValidRna(rna)).toBe(expected);
  });
});

describe('isValidAlsaceMoselleRegister', () => {
  it.each([
    ['Vol. 45 F° 12', true],
    ['TI Strasbourg 2015/123', true],
    ['Volume LXII n° 1234', true],
    ['Tribunal judiciaire de Metz - 12/2019', true],
    ['4', true],
    ['1234567890123456789012345678901234567890', true],
    ['12345678901234567890123456789012345678901', false],
    ['Strasbourg', false],
    ['', false],
    ['Vol. 45 #12', false],
    ['Vol_45', false],
  ])('%j → %s', (register, expected) => {
    expect(isValidAlsaceMoselleRegister(register)).toBe(expected);
  });
});

describe('normalizeIdentifier', () => {
  it.each([
    ['732 829 320 00074', '73282932000074'],
    ['732.829.320.00074', '73282932000074'],
    ['732-829-320-00074', '73282932000074'],
    ['732\u00a0829\u202f320 00074', '73282932000074'],
    ['  w93 123 4567 ', 'W931234567'],
    ['W931234567', 'W931234567'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeIdentifier(input)).toBe(expected);
  });
});
