import type { Language } from '../../../../common/roles.js';

/** Everything the bot says, in Kazakh, Russian and English. Error titles come from the error catalogue. */
export const TEXTS = {
  danger: {
    kk: '🚨 Қазір қауіп төніп тұр ма? 102 нөміріне (немесе 112) қоңырау шалыңыз.',
    ru: '🚨 Вы в опасности прямо сейчас? Звоните 102 (или 112).',
    en: '🚨 In danger now? Call 102 (or 112).',
  },
  chooseCategory: {
    kk: 'Не болды? Санатты таңдаңыз.',
    ru: 'Что случилось? Выберите категорию.',
    en: 'What happened? Choose a category.',
  },
  askDescription: {
    kk: 'Не болғанын қысқаша жазыңыз.',
    ru: 'Коротко опишите, что произошло.',
    en: 'Describe briefly what happened.',
  },
  descriptionTooLong: {
    kk: 'Сипаттама тым ұзын: 4000 таңбадан аспауы керек.',
    ru: 'Описание слишком длинное: не больше 4000 знаков.',
    en: 'The description is too long: 4000 characters at most.',
  },
  askLocation: {
    kk: 'Оқиға орнын жіберіңіз: төмендегі батырманы басыңыз немесе мекенжайды жазыңыз.',
    ru: 'Отправьте место происшествия: нажмите кнопку ниже или напишите адрес.',
    en: 'Send the place: press the button below or type the address.',
  },
  shareLocation: {
    kk: '📍 Орнымды жіберу',
    ru: '📍 Отправить моё местоположение',
    en: '📍 Send my location',
  },
  addressNotFound: {
    kk: 'Бұл мекенжай табылмады. Басқаша жазып көріңіз немесе геолокацияны жіберіңіз.',
    ru: 'Адрес не найден. Напишите его иначе или отправьте геопозицию.',
    en: 'That address was not found. Try writing it differently, or share your location.',
  },
  tryAnotherPlace: {
    kk: 'Басқа орынды жіберіңіз.',
    ru: 'Отправьте другое место.',
    en: 'Please send another place.',
  },
  place: { kk: 'Орны', ru: 'Место', en: 'Place' },
  sharedPoint: { kk: 'жіберілген геолокация', ru: 'отправленная геопозиция', en: 'shared location' },
  askMedia: {
    kk: 'Қаласаңыз, фото немесе дауыстық хабарлама жіберіңіз. Дайын болғанда «Жалғастыру» батырмасын басыңыз.',
    ru: 'При желании отправьте фото или голосовое сообщение. Когда закончите, нажмите «Продолжить».',
    en: 'If you like, send photos or voice messages. When you are done, press “Continue”.',
  },
  mediaReceived: { kk: 'Файл қабылданды', ru: 'Файл получен', en: 'File received' },
  continue: { kk: 'Жалғастыру', ru: 'Продолжить', en: 'Continue' },
  check: { kk: 'Тексеріп, жіберіңіз:', ru: 'Проверьте и отправьте:', en: 'Check and send:' },
  category: { kk: 'Санат', ru: 'Категория', en: 'Category' },
  description: { kk: 'Сипаттама', ru: 'Описание', en: 'Description' },
  files: { kk: 'Файлдар', ru: 'Файлы', en: 'Files' },
  send: { kk: 'Жіберу', ru: 'Отправить', en: 'Send' },
  cancel: { kk: 'Бас тарту', ru: 'Отменить', en: 'Cancel' },
  filed: {
    kk: 'Хабарлама тіркелді. Бақылау коды: {code}\nМәртебесін білу үшін: /status {code}',
    ru: 'Сообщение зарегистрировано. Код отслеживания: {code}\nУзнать статус: /status {code}',
    en: 'Your report is registered. Tracking code: {code}\nTo check its status: /status {code}',
  },
  cancelled: {
    kk: 'Хабарлама жіберілмеді. Жаңасын бастау үшін: /start',
    ru: 'Сообщение не отправлено. Начать заново: /start',
    en: 'The report was not sent. To start again: /start',
  },
  idle: {
    kk: 'Хабарлама жіберу үшін: /start\nМәртебесін білу үшін: /status КОД',
    ru: 'Отправить сообщение: /start\nУзнать статус: /status КОД',
    en: 'To report something: /start\nTo check a report: /status CODE',
  },
  statusUsage: {
    kk: 'Бақылау кодын былай жазыңыз: /status КОД',
    ru: 'Напишите код отслеживания так: /status КОД',
    en: 'Write the tracking code like this: /status CODE',
  },
  statusOf: { kk: 'Хабарлама {code}', ru: 'Сообщение {code}', en: 'Report {code}' },
  ratePrompt: {
    kk: 'Қызмет көрсету сапасын 1-ден 5-ке дейін бағалаңыз.',
    ru: 'Оцените качество обслуживания от 1 до 5.',
    en: 'Please rate the service from 1 to 5.',
  },
  rateThanks: { kk: 'Бағаңызға рахмет!', ru: 'Спасибо за оценку!', en: 'Thank you for your rating!' },
} satisfies Record<string, Record<Language, string>>;

export type TextKey = keyof typeof TEXTS;

/** A text in the chat's language, with `{name}` placeholders filled in. */
export function say(key: TextKey, language: Language, values: Record<string, string | number> = {}): string {
  return TEXTS[key][language].replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}

/** The language buttons name themselves, so a citizen finds theirs whatever the bot spoke first. */
export const LANGUAGE_NAMES: Record<Language, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

export const CHOOSE_LANGUAGE = 'Тілді таңдаңыз · Выберите язык · Choose a language';
