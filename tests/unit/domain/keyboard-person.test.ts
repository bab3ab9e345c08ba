import { describe, expect, it } from 'vitest';
import { knownSpelling, personNameSchema, withPersonName } from '../../../src/renderer/src/domain/keyboard-person';

describe('personNameSchema', () => {
  it.each([
    ['Marie', { success: true, data: 'Marie' }],
    ['  Karim   Benali ', { success: true, data: 'Karim Benali' }],
    ['x'.repeat(60), { success: true, data: 'x'.repeat(60) }],
  ])('accepts %j', (input, expected) => {
    expect(personNameSchema.safeParse(input)).toMatchObject(expected);
  });

  it.each([
    ['', 'Votre nom\u00a0: champ obligatoire.'],
    ['   ', 'Votre nom\u00a0: champ obligatoire.'],
    ['x'.repeat(61), 'Votre nom\u00a0: 60 caractères au maximum.'],
  ])('refuses %j with « %s »', (input, message) => {
    const parsed = personNameSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(message);
  });
});

describe('withPersonName', () => {
  it('adds a name and sorts in French order', () => {
    expect(withPersonName(['Zoé', 'Émile'], 'Aïcha')).toEqual(['Aïcha', 'Émile', 'Zoé']);
  });
  it('does not add a name twice when only its case differs', () => {
    expect(withPersonName(['Marie'], 'marie')).toEqual(['Marie']);
    expect(knownSpelling(['Marie'], 'MARIE')).toBe('Marie');
    expect(knownSpelling(['Marie'], 'Karim')).toBe('Karim');
  });
});
