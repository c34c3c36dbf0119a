import type { Language } from '../../../../common/roles.js';

type Texts = Record<Language, string>;

// GeoReport v2 answers errors in its own shape, `[{"code": <HTTP status>, "description"}]`, not as
// problem+json; these are its descriptions, in the request's language like every Aman error.
const OPEN311_ERRORS = {
  api_key_missing: {
    status: 403,
    text: {
      kk: 'api_key берілмеген: сұранысты жасау мүмкін емес.',
      ru: 'Не передан api_key: создать обращение нельзя.',
      en: 'api_key not provided: cannot create the request.',
    },
  },
  api_key_invalid: {
    status: 403,
    text: {
      kk: 'api_key жарамсыз немесе кері қайтарылған.',
      ru: 'api_key недействителен или отозван.',
      en: 'Invalid or revoked api_key.',
    },
  },
  api_key_outside: {
    status: 403,
    text: {
      kk: 'Бұл api_key осы жердегі сұраныстарға арналмаған.',
      ru: 'Этот api_key не действует для обращений в этом месте.',
      en: 'This api_key may not file requests at this location.',
    },
  },
  argument_missing: {
    status: 400,
    text: {
      kk: 'Міндетті аргумент берілмеген: {name}.',
      ru: 'Не передан обязательный аргумент: {name}.',
      en: 'Missing required argument: {name}.',
    },
  },
  argument_invalid: {
    status: 400,
    text: { kk: 'Аргумент дұрыс емес: {name}.', ru: 'Неверный аргумент: {name}.', en: 'Invalid argument: {name}.' },
  },
  location_missing: {
    status: 400,
    text: {
      kk: 'Орын берілмеген: lat пен long немесе address_string керек.',
      ru: 'Не указано место: нужны lat и long или address_string.',
      en: 'No location: lat and long, or address_string, are required.',
    },
  },
  address_not_found: {
    status: 400,
    text: {
      kk: 'address_string бойынша Қазақстандағы орын табылмады.',
      ru: 'По address_string не найдено место в Казахстане.',
      en: 'address_string matches no place in Kazakhstan.',
    },
  },
  outside_kazakhstan: {
    status: 400,
    text: { kk: 'Нүкте Қазақстаннан тыс.', ru: 'Точка вне Казахстана.', en: 'The point is outside Kazakhstan.' },
  },
  form_expected: {
    status: 415,
    text: {
      kk: 'Сұранысты application/x-www-form-urlencoded түрінде жіберіңіз.',
      ru: 'Отправьте обращение как application/x-www-form-urlencoded.',
      en: 'Send the request as application/x-www-form-urlencoded.',
    },
  },
  range_too_long: {
    status: 400,
    text: {
      kk: 'start_date мен end_date арасы 90 күннен аспауы керек.',
      ru: 'Между start_date и end_date должно быть не больше 90 дней.',
      en: 'start_date and end_date may be at most 90 days apart.',
    },
  },
  service_not_found: {
    status: 404,
    text: { kk: 'Мұндай қызмет жоқ: {name}.', ru: 'Нет такой услуги: {name}.', en: 'No such service: {name}.' },
  },
  request_not_found: {
    status: 404,
    text: { kk: 'Мұндай сұраныс жоқ.', ru: 'Нет такого обращения.', en: 'No such service request.' },
  },
  not_found: {
    status: 404,
    text: { kk: 'Мұндай жол жоқ.', ru: 'Нет такого пути.', en: 'No such path.' },
  },
  rate_limited: {
    status: 429,
    text: {
      kk: 'Бұл кілттен сұраныстар тым көп. Кейінірек қайталаңыз.',
      ru: 'Слишком много обращений с этим ключом. Повторите позже.',
      en: 'Too many requests with this key. Try again later.',
    },
  },
  internal: {
    status: 500,
    text: { kk: 'Сервер қатесі.', ru: 'Ошибка сервера.', en: 'Server error.' },
  },
} satisfies Record<string, { status: number; text: Texts }>;

export type Open311ErrorCode = keyof typeof OPEN311_ERRORS;

/** A refusal in GeoReport v2's terms: an HTTP status and a description. */
export class Open311Error extends Error {
  constructor(
    readonly code: Open311ErrorCode,
    readonly argument?: string,
  ) {
    super(code);
    this.name = 'Open311Error';
  }

  get status(): number {
    return OPEN311_ERRORS[this.code].status;
  }

  describe(language: Language): string {
    return OPEN311_ERRORS[this.code].text[language].replace('{name}', this.argument ?? '');
  }
}
