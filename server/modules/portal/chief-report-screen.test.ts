import { describe, expect, it } from 'vitest';
import { maskContacts, normaliseQuestion, screenQuestion } from './chief-report-screen.js';

const screen = (text: string, displayName?: string) => screenQuestion({ text, displayName, isDuplicate: false });

describe('the question screen', () => {
  it('flags abuse in Russian, Kazakh and English, also in the display name and with ё written as е', () => {
    expect(screen('Почему начальник такой мудак?')).toEqual(['profanity']);
    expect(screen('Заебали эти пробки у школы')).toEqual(['profanity']);
    expect(screen('Сен ақымақсың ба, бастық?')).toEqual(['profanity']);
    expect(screen('What the fuck is the police doing?')).toEqual(['profanity']);
    expect(screen('Нормальный вопрос про освещение', 'Сука')).toEqual(['profanity']);
    expect(screen('Ебаный свет опять не горит')).toEqual(['profanity']);
  });

  it('passes ordinary questions whose words only look like a listed stem', () => {
    for (const text of [
      'Бляха на форме у патрульного была без номера, это нормально?',
      'Мандарины на рынке продают без чеков, кто проверяет?',
      'Аманат болсын, қызметкерлерге рахмет! Жарық қашан болады?',
      'Секіруге арналған алаң қауіпсіз бе?',
      'When will the street lights on Abay Avenue be repaired?',
    ]) {
      expect(screen(text), text).toEqual([]);
    }
  });

  it('flags links, repeated characters, shouting and contact details', () => {
    expect(screen('Cheap loans at www.loans-now.com today')).toEqual(['link']);
    expect(screen('Подписывайтесь https://t.me/channel')).toEqual(['link']);
    expect(screen('Помогитеееееее, никто не отвечает на 102')).toEqual(['repeated-characters']);
    expect(screen('ПОЧЕМУ НЕТ ПАТРУЛЕЙ НА НАШЕЙ УЛИЦЕ НОЧЬЮ')).toEqual(['all-caps']);
    expect(screen('Call me back on +7 (701) 123-45-67 please')).toEqual(['contact-details']);
    expect(screen('Write to me: aigul.s@example.kz thanks')).toContain('contact-details');
    // An emergency number is not a person's phone.
    expect(screen('Why does 102 answer so slowly at night?')).toEqual([]);
  });

  it('masks e-mail addresses and phone numbers but keeps short numbers', () => {
    expect(maskContacts('Call +7 701 123 45 67 or 8(727)2501234, mail a.b@mail.kz; 102 is busy')).toBe(
      'Call […] or […], mail […]; 102 is busy',
    );
  });

  it('treats case, spacing, punctuation and ё as the same question for the duplicate check', () => {
    expect(normaliseQuestion('Когда  починят СВЕТ?!')).toBe(normaliseQuestion('когда починят свет'));
    expect(normaliseQuestion('Ещё вопрос')).toBe(normaliseQuestion('еще вопрос'));
  });
});
