import type { Language } from '../../common/roles.js';

interface ErrorDefinition {
  status: number;
  title: Record<Language, string>;
}

/**
 * The one catalogue of error codes. Codes are stable strings that clients may rely on; the
 * problem+json `title` is the translation in the caller's language.
 */
export const ERRORS = {
  'request.invalid': {
    status: 400,
    title: {
      kk: 'Сұрау дұрыс емес',
      ru: 'Некорректный запрос',
      en: 'The request is not valid',
    },
  },
  'request.too_large': {
    status: 413,
    title: {
      kk: 'Сұрау тым үлкен',
      ru: 'Слишком большой запрос',
      en: 'The request is too large',
    },
  },
  'request.unsupported_media_type': {
    status: 415,
    title: {
      kk: 'Бұл мазмұн түрі қабылданбайды',
      ru: 'Этот тип содержимого не поддерживается',
      en: 'This content type is not supported',
    },
  },
  'request.rate_limited': {
    status: 429,
    title: {
      kk: 'Сұраулар тым көп. Сәл кейінірек қайталаңыз',
      ru: 'Слишком много запросов. Повторите немного позже',
      en: 'Too many requests. Try again a little later',
    },
  },
  'auth.required': {
    status: 401,
    title: {
      kk: 'Жүйеге кіру қажет',
      ru: 'Требуется вход в систему',
      en: 'Sign-in is required',
    },
  },
  'auth.session_expired': {
    status: 401,
    title: {
      kk: 'Сессия аяқталды. Қайта кіріңіз',
      ru: 'Сеанс истёк. Войдите снова',
      en: 'Your session has ended. Please sign in again',
    },
  },
  'auth.invalid_credentials': {
    status: 401,
    title: {
      kk: 'Логин, құпиясөз немесе растау коды қате',
      ru: 'Неверный логин, пароль или код подтверждения',
      en: 'The username, password or verification code is wrong',
    },
  },
  'auth.locked': {
    status: 423,
    title: {
      kk: 'Тіркелгі уақытша бұғатталған. 10 минуттан кейін қайталаңыз немесе әкімшіге хабарласыңыз',
      ru: 'Учётная запись временно заблокирована. Повторите через 10 минут или обратитесь к администратору',
      en: 'The account is temporarily locked. Try again in 10 minutes or ask an administrator',
    },
  },
  'auth.throttled': {
    status: 429,
    title: {
      kk: 'Бұл мекенжайдан сәтсіз кіру әрекеттері тым көп. Кейінірек қайталаңыз',
      ru: 'Слишком много неудачных попыток входа с этого адреса. Повторите позже',
      en: 'Too many failed sign-ins from this address. Try again later',
    },
  },
  'auth.api_key_invalid': {
    status: 401,
    title: {
      kk: 'API кілті жарамсыз',
      ru: 'Недействительный ключ API',
      en: 'The API key is not valid',
    },
  },
  'auth.forbidden': {
    status: 403,
    title: {
      kk: 'Бұл әрекетке рұқсатыңыз жоқ',
      ru: 'У вас нет прав на это действие',
      en: 'You are not allowed to do this',
    },
  },
  'auth.csrf': {
    status: 403,
    title: {
      kk: 'Сұрау басқа сайттан жіберілген',
      ru: 'Запрос отправлен с другого сайта',
      en: 'The request came from another site',
    },
  },
  'password.too_short': {
    status: 422,
    title: {
      kk: 'Құпиясөз кемінде 8 таңбадан тұруы керек',
      ru: 'Пароль должен содержать не менее 8 символов',
      en: 'The password must be at least 8 characters long',
    },
  },
  'password.too_long': {
    status: 422,
    title: {
      kk: 'Құпиясөз 128 таңбадан аспауы керек',
      ru: 'Пароль должен быть не длиннее 128 символов',
      en: 'The password must be at most 128 characters long',
    },
  },
  'password.common': {
    status: 422,
    title: {
      kk: 'Бұл құпиясөз тым кең таралған. Басқасын таңдаңыз',
      ru: 'Этот пароль слишком распространён. Выберите другой',
      en: 'This password is too common. Choose another one',
    },
  },
  'user.not_found': {
    status: 404,
    title: {
      kk: 'Пайдаланушы табылмады',
      ru: 'Пользователь не найден',
      en: 'User not found',
    },
  },
  'user.username_taken': {
    status: 409,
    title: {
      kk: 'Бұл логин бос емес',
      ru: 'Этот логин уже занят',
      en: 'This username is already taken',
    },
  },
  'jurisdiction.invalid': {
    status: 422,
    title: {
      kk: 'Юрисдикция дұрыс көрсетілмеген',
      ru: 'Юрисдикция указана неверно',
      en: 'The jurisdiction is not valid',
    },
  },
  'jurisdiction.outside': {
    status: 403,
    title: {
      kk: 'Бұл сіздің юрисдикцияңыздан тыс',
      ru: 'Это за пределами вашей юрисдикции',
      en: 'This is outside your jurisdiction',
    },
  },
  'api_key.not_found': {
    status: 404,
    title: {
      kk: 'API кілті табылмады',
      ru: 'Ключ API не найден',
      en: 'API key not found',
    },
  },
  'geo.outside_kazakhstan': {
    status: 422,
    title: {
      kk: 'Нүкте Қазақстан аумағынан тыс',
      ru: 'Точка находится за пределами Казахстана',
      en: 'The point is outside Kazakhstan',
    },
  },
  'geo.invalid_coordinates': {
    status: 400,
    title: {
      kk: 'Координаттар дұрыс емес (бойлық −180…180, ендік −90…90)',
      ru: 'Неверные координаты (долгота −180…180, широта −90…90)',
      en: 'The coordinates are not valid (longitude −180…180, latitude −90…90)',
    },
  },
  'iin.invalid': {
    status: 422,
    title: {
      kk: 'ЖСН дұрыс емес: 12 цифр және бақылау цифры',
      ru: 'Неверный ИИН: 12 цифр с контрольной цифрой',
      en: 'The IIN is not valid: 12 digits with a check digit',
    },
  },
  'incident.not_found': {
    status: 404,
    title: {
      kk: 'Оқиға табылмады',
      ru: 'Происшествие не найдено',
      en: 'Incident not found',
    },
  },
  'category.unknown': {
    status: 400,
    title: {
      kk: 'Мұндай санат жоқ',
      ru: 'Такой категории нет',
      en: 'There is no such category',
    },
  },
  'category.not_reportable': {
    status: 422,
    title: {
      kk: 'Бұл санат бойынша азаматтар хабарлама жібере алмайды',
      ru: 'По этой категории граждане не могут подавать сообщения',
      en: 'Citizens cannot report in this category',
    },
  },
  'report.anonymous_with_contact': {
    status: 400,
    title: {
      kk: 'Жасырын хабарламада байланыс деректері болмауы керек',
      ru: 'Анонимное сообщение не должно содержать контактных данных',
      en: 'An anonymous report must not carry contact details',
    },
  },
  'report.occurred_in_future': {
    status: 400,
    title: {
      kk: 'Оқиға уақыты болашақта болуы мүмкін емес',
      ru: 'Время происшествия не может быть в будущем',
      en: 'The time of the incident cannot be in the future',
    },
  },
  'report.not_found': {
    status: 404,
    title: {
      kk: 'Бұл бақылау коды бойынша хабарлама табылмады',
      ru: 'Сообщение с таким кодом отслеживания не найдено',
      en: 'No report has this tracking code',
    },
  },
  'idempotency.mismatch': {
    status: 422,
    title: {
      kk: 'Бұл Idempotency-Key кілті басқа сұрауға қолданылған',
      ru: 'Этот ключ Idempotency-Key уже использован для другого запроса',
      en: 'This Idempotency-Key was already used for a different request',
    },
  },
  'idempotency.in_flight': {
    status: 409,
    title: {
      kk: 'Осы Idempotency-Key кілтімен жіберілген сұрау әлі өңделуде. Сәл кейінірек қайталаңыз',
      ru: 'Запрос с этим ключом Idempotency-Key ещё обрабатывается. Повторите немного позже',
      en: 'A request with this Idempotency-Key is still being processed. Try again a little later',
    },
  },
  'sos.signature_invalid': {
    status: 401,
    title: {
      kk: 'SOS құрылғысының қолтаңбасы жоқ немесе дұрыс емес',
      ru: 'Подпись SOS-устройства отсутствует или неверна',
      en: 'The SOS device signature is missing or wrong',
    },
  },
  'sos.stale': {
    status: 401,
    title: {
      kk: 'Сұрау уақыты сервер уақытынан 60 секундтан артық ерекшеленеді',
      ru: 'Время запроса отличается от времени сервера более чем на 60 секунд',
      en: 'The request time differs from the server clock by more than 60 seconds',
    },
  },
  'sos.replay': {
    status: 409,
    title: {
      kk: 'Бұл қолтаңбасы бар сұрау бұрын қабылданған',
      ru: 'Запрос с этой подписью уже был принят',
      en: 'A request with this signature was already accepted',
    },
  },
  'sos.device_unknown': {
    status: 403,
    title: {
      kk: 'Бұл кілт тіркелген SOS құрылғысына тиесілі емес',
      ru: 'Этот ключ не принадлежит зарегистрированному SOS-устройству',
      en: 'This key does not belong to a registered SOS device',
    },
  },
  'sos.device_not_found': {
    status: 404,
    title: {
      kk: 'SOS құрылғысы табылмады',
      ru: 'SOS-устройство не найдено',
      en: 'SOS device not found',
    },
  },
  'resource.not_found': {
    status: 404,
    title: {
      kk: 'Табылмады',
      ru: 'Не найдено',
      en: 'Not found',
    },
  },
  'server.unavailable': {
    status: 503,
    title: {
      kk: 'Қызмет әлі дайын емес',
      ru: 'Сервис ещё не готов',
      en: 'The service is not ready yet',
    },
  },
  'server.internal': {
    status: 500,
    title: {
      kk: 'Ішкі қате. Біз оны тіркедік',
      ru: 'Внутренняя ошибка. Мы её зарегистрировали',
      en: 'Internal error. It has been logged',
    },
  },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERRORS;

/** A failure the caller can act on; the error handler turns it into problem+json. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}

export function errorTitle(code: ErrorCode, language: Language): string {
  return ERRORS[code].title[language];
}
