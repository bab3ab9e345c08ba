import { describe, expect, it } from 'vitest';

import { isValidEmail, isValidPostalCode, normalizeFrenchPhone } from '../../../src/renderer/src/domain/contact';

describe('isValidPostalCode', () => {
  it.each([
    ['93200', true, 'Saint-Denis'],
    ['75004', true, 'Paris'],
    ['01000', true, 'Bourg-en-Bresse, leading zero'],
    ['20000', true, 'Ajaccio, Corse-du-Sud'],
    ['20200', true, 'Bastia, Haute-Corse'],
    ['95000', true, 'Cergy'],
    ['97400', true, 'Saint-Denis de La Réunion'],
    ['97600', true, 'Mamoudzou, Mayotte'],
    ['98000', true, 'Monaco'],
    ['98800', true, 'Nouméa'],
    ['00100', false, 'no department 00'],
    ['96000', false, 'no department 96'],
    ['99000', false, 'no department 99'],
    ['9320', false, 'four digits'],
    ['932000', false, 'six digits'],
    ['93 200', false, 'space (fields remove it first)'],
    ['2A000', false, 'Corsica codes are numeric'],
    ['', false, 'empty'],
  ])('%j → %s (%s)', (postalCode, expected) => {
    expect(isValidPostalCode(postalCode)).toBe(expected);
  });
});

describe('isValidEmail', () => {
  it.each([
    ['contact@asso-quartier.fr', true],
    ['marie.dupont@exemple.fr', true],
    ['tresorier+subventions@mon-asso.org', true],
    ['Prenom.NOM@Exemple.FR', true],
    ['president@sous.domaine.asso.fr', true],
    ['contact@asso', false],
    ['contact.asso.fr', false],
    ['contact@@asso.fr', false],
    ['contact @asso.fr', false],
    ['@asso.fr', false],
    ['', false],
  ])('%j → %s', (email, expected) => {
    expect(isValidEmail(email)).toBe(expected);
  });
});

describe('normalizeFrenchPhone', () => {
  it.each([
    ['01 23 45 67 89', '01 23 45 67 89'],
    ['0123456789', '01 23 45 67 89'],
    ['01.23.45.67.89', '01 23 45 67 89'],
    ['01-23-45-67-89', '01 23 45 67 89'],
    ['  06 12 34 56 78  ', '06 12 34 56 78'],
    ['01\u00a023\u00a045\u00a067\u00a089', '01 23 45 67 89'],
    ['+33 1 23 45 67 89', '01 23 45 67 89'],
    ['+33123456789', '01 23 45 67 89'],
    ['+33 (0)1 23 45 67 89', '01 23 45 67 89'],
    ['+33 01 23 45 67 89', '01 23 45 67 89'],
    ['0033 1 23 45 67 89', '01 23 45 67 89'],
    ['0033 (0)6 12 34 56 78', '06 12 34 56 78'],
    ['09 70 12 34 56', '09 70 12 34 56'],
    ['02 62 12 34 56', '02 62 12 34 56'],
    ['+262 6 92 12 34 56', '+262 6 92 12 34 56'],
    ['+262692123456', '+262 6 92 12 34 56'],
    ['00262 692 12 34 56', '+262 6 92 12 34 56'],
    ['+262 (0)6 92 12 34 56', '+262 6 92 12 34 56'],
    ['+262 0692 12 34 56', '+262 6 92 12 34 56'],
    ['+590 590 12 34 56', '+590 5 90 12 34 56'],
    ['+594 694 12 34 56', '+594 6 94 12 34 56'],
    ['+596 696 12 34 56', '+596 6 96 12 34 56'],
    ['+269 639 12 34 56', '+269 6 39 12 34 56'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeFrenchPhone(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['01 23 45 67 8', 'nine digits'],
    ['01 23 45 67 890', 'eleven digits'],
    ['1 23 45 67 89', 'no trunk 0'],
    ['00 23 45 67 89', 'read as an international prefix, then too short'],
    ['+33 0 23 45 67 89', 'a 0 after the country code leaves eight digits'],
    ['+32 2 123 45 67', 'Belgium is not handled'],
    ['+44 20 7946 0958', 'United Kingdom is not handled'],
    ['+262 6 92 12 34 5', 'overseas with eight digits'],
    ['+262 6 92 12 34 567', 'overseas with ten digits'],
    ['01 23 45 67 8a', 'letter'],
    ['01/23/45/67/89', 'slashes'],
    ['+33 1 23 (0)4 5 67 89', 'parentheses in the middle'],
    ['++33 1 23 45 67 89', 'double plus'],
  ])('%j → null (%s)', (input) => {
    expect(normalizeFrenchPhone(input)).toBeNull();
  });
});
