import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../common/categories.js';
import { mentionsChild, triageReport } from './triage.js';

const web = (category: Parameters<typeof triageReport>[0]['category'], description = 'Something happened') =>
  triageReport({ category, description, source: 'web' });

describe('triage', () => {
  it('gives each category its default priority when nothing raises it', () => {
    for (const c of CATEGORIES) {
      if (['domestic-violence', 'offences-against-children', 'emergency-sos'].includes(c.code)) continue;
      expect(web(c.code).priority, c.code).toBe(c.defaultPriority);
    }
  });

  it('makes domestic violence, offences against children and SOS P1', () => {
    expect(web('domestic-violence')).toMatchObject({ priority: 1, reasons: expect.arrayContaining(['domestic-violence']) });
    expect(web('offences-against-children').reasons).toContain('child');
    expect(web('emergency-sos').reasons).toContain('sos');
  });

  it('makes an SOS channel P1 whatever its category', () => {
    expect(triageReport({ category: 'noise', description: 'button pressed', source: 'sos' }).priority).toBe(1);
  });

  it('raises a noise complaint that mentions a child to P1, in each language', () => {
    for (const text of [
      'Көршінің баласы түні бойы жылап жатыр',
      'Соседи кричат на ребёнка всю ночь',
      'За стеной плачут дети',
      'A child has been screaming next door for hours',
    ]) {
      expect(web('noise', text), text).toMatchObject({ priority: 1, reasons: expect.arrayContaining(['child']) });
    }
  });

  it('does not take a card balance or a detail for a child', () => {
    expect(mentionsChild('С карты списали весь баланс')).toBe(false);
    expect(mentionsChild('Картадағы баланс жоғалды')).toBe(false);
    expect(mentionsChild('Украли детали от машины')).toBe(false);
    expect(mentionsChild('The kidnapper? no, a kidney stone')).toBe(false);
    expect(web('internet-fraud', 'С карты списали весь баланс').priority).toBe(2);
  });

  it('says why in its reasons, category first', () => {
    expect(web('noise', 'Music after midnight').reasons).toEqual(['category:noise:P4']);
  });
});
