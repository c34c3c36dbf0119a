import { categoryByCode, type CategoryCode } from '../../../../common/categories.js';
import type { Language } from '../../../../common/roles.js';

type Texts = Record<Language, string>;

/** A GeoReport v2 attribute: a question the client asks when filing a request of the service. */
export interface ServiceAttribute {
  code: string;
  datatype: 'string' | 'number' | 'text' | 'singlevaluelist';
  required: boolean;
  description: Texts;
  values?: { key: string; name: Texts }[];
}

/** An Open311 service: a non-emergency matter a third-party app may file, mapped onto one incident category. */
export interface Open311Service {
  code: string;
  category: CategoryCode;
  name: Texts;
  description: Texts;
  keywords: string;
  group: 'public order' | 'roads' | 'tip-off';
  /**
   * A tip-off names a place where someone sells drugs or alcohol or behaves suspiciously; its
   * description stays with the police and is never published, so the reporter is not exposed.
   */
  confidential: boolean;
  attributes: ServiceAttribute[];
}

const value = (key: string, en: string, ru: string, kk: string) => ({ key, name: { kk, ru, en } });

/**
 * The services Aman offers through Open311. Each maps onto a category of `common/categories.ts`
 * that the catalogue marks `open311` and not `sensitive` (the tests hold every entry to that):
 * emergencies go to 102/112 and never through a third-party app.
 */
export const OPEN311_SERVICES: readonly Open311Service[] = [
  {
    code: 'noise',
    category: 'noise',
    name: { kk: 'Шу және тыныштықты бұзу', ru: 'Шум и нарушение тишины', en: 'Noise' },
    description: {
      kk: 'Түнгі шу, қатты музыка, рұқсатсыз құрылыс жұмыстары.',
      ru: 'Шум ночью, громкая музыка, строительные работы в неположенное время.',
      en: 'Noise at night, loud music, building work at forbidden hours.',
    },
    keywords: 'noise, music, party, шум, шу',
    group: 'public order',
    confidential: false,
    attributes: [
      {
        code: 'noise_source',
        datatype: 'singlevaluelist',
        required: true,
        description: { kk: 'Шудың көзі қандай?', ru: 'Что шумит?', en: 'What is making the noise?' },
        values: [
          value('music', 'Music or a party', 'Музыка или вечеринка', 'Музыка немесе той'),
          value('construction', 'Building work', 'Строительные работы', 'Құрылыс жұмыстары'),
          value('vehicle', 'Vehicles or car alarms', 'Машины или автосигнализация', 'Көліктер немесе дабыл'),
          value('other', 'Something else', 'Другое', 'Басқа'),
        ],
      },
    ],
  },
  {
    code: 'vandalism',
    category: 'anti-social-behaviour',
    name: { kk: 'Вандализм және граффити', ru: 'Вандализм и граффити', en: 'Vandalism and graffiti' },
    description: {
      kk: 'Қабырғадағы жазулар, сындырылған орындықтар, аялдамалар немесе ойын алаңдары.',
      ru: 'Надписи на стенах, сломанные скамейки, остановки или детские площадки.',
      en: 'Graffiti, broken benches, bus shelters or playgrounds.',
    },
    keywords: 'vandalism, graffiti, damage, вандализм, граффити',
    group: 'public order',
    confidential: false,
    attributes: [
      {
        code: 'damaged_object',
        datatype: 'singlevaluelist',
        required: false,
        description: { kk: 'Не бүлінді?', ru: 'Что повреждено?', en: 'What was damaged?' },
        values: [
          value('graffiti', 'Graffiti on a wall', 'Надписи на стене', 'Қабырғадағы жазу'),
          value(
            'street-furniture',
            'Bench, shelter or playground',
            'Скамейка, остановка или площадка',
            'Орындық, аялдама немесе алаң',
          ),
          value('other', 'Something else', 'Другое', 'Басқа'),
        ],
      },
    ],
  },
  {
    code: 'abandoned-vehicle',
    category: 'anti-social-behaviour',
    name: { kk: 'Тасталған көлік', ru: 'Брошенный автомобиль', en: 'Abandoned vehicle' },
    description: {
      kk: 'Ұзақ уақыт бойы қозғалмай тұрған, бұзылған немесе нөмірсіз көлік.',
      ru: 'Автомобиль, который давно не двигается, разбит или без номеров.',
      en: 'A vehicle left for a long time, wrecked or without plates.',
    },
    keywords: 'abandoned, vehicle, car, брошенный, автомобиль',
    group: 'public order',
    confidential: false,
    attributes: [
      {
        code: 'days_seen',
        datatype: 'number',
        required: false,
        description: {
          kk: 'Көлік неше күннен бері тұр?',
          ru: 'Сколько дней стоит автомобиль?',
          en: 'For how many days has it stood there?',
        },
      },
    ],
  },
  {
    code: 'street-lighting',
    category: 'road-hazard',
    name: { kk: 'Көше жарығы істемейді', ru: 'Не горит уличное освещение', en: 'Street lighting out' },
    description: {
      kk: 'Көшеде немесе жаяу жүргіншілер өткелінде жарық жоқ. Ашық сымдар болса, 112-ге қоңырау шалыңыз.',
      ru: 'Не горят фонари на улице или у пешеходного перехода. Если видны оголённые провода, звоните 112.',
      en: 'Street or crossing lights out. If bare wires are exposed, call 112.',
    },
    keywords: 'street light, lighting, dark, фонарь, освещение',
    group: 'roads',
    confidential: false,
    attributes: [],
  },
  {
    code: 'road-hazard',
    category: 'road-hazard',
    name: { kk: 'Жолдағы қауіп', ru: 'Опасность на дороге', en: 'Road hazard' },
    description: {
      kk: 'Шұңқыр, ашық құдық, құлаған белгі немесе жолдағы кедергі.',
      ru: 'Яма, открытый люк, упавший знак или препятствие на дороге.',
      en: 'Pothole, open manhole, fallen sign or an obstacle on the road.',
    },
    keywords: 'pothole, manhole, sign, road, яма, люк',
    group: 'roads',
    confidential: false,
    attributes: [
      {
        code: 'hazard_type',
        datatype: 'singlevaluelist',
        required: true,
        description: { kk: 'Қандай қауіп?', ru: 'Какая опасность?', en: 'What kind of hazard?' },
        values: [
          value('pothole', 'Pothole', 'Яма', 'Шұңқыр'),
          value('manhole', 'Open manhole', 'Открытый люк', 'Ашық құдық'),
          value('sign', 'Missing or fallen sign', 'Нет знака или знак упал', 'Белгі жоқ немесе құлаған'),
          value('obstacle', 'Obstacle on the road', 'Препятствие на дороге', 'Жолдағы кедергі'),
        ],
      },
    ],
  },
  {
    code: 'suspicious-activity',
    category: 'anti-social-behaviour',
    name: { kk: 'Күдікті әрекет', ru: 'Подозрительная активность', en: 'Suspicious activity' },
    description: {
      kk: 'Қазір қауіп төнбейтін күдікті әрекет. Қауіп болса, 102-ге қоңырау шалыңыз.',
      ru: 'Подозрительная активность без непосредственной угрозы. При угрозе звоните 102.',
      en: 'Suspicious activity with no immediate threat. If someone is in danger, call 102.',
    },
    keywords: 'suspicious, activity, подозрительный',
    group: 'tip-off',
    confidential: true,
    attributes: [],
  },
  {
    code: 'drugs-sale',
    category: 'drugs',
    name: { kk: 'Есірткі сату туралы хабар', ru: 'Сообщение о продаже наркотиков', en: 'Drugs sale report' },
    description: {
      kk: 'Есірткі сату орны, қабырғадағы есірткі жарнамасы немесе «закладка».',
      ru: 'Место продажи наркотиков, реклама наркотиков на стенах или «закладки».',
      en: 'A place where drugs are sold, drug adverts painted on walls, or drop points.',
    },
    keywords: 'drugs, dealing, graffiti advert, наркотики, закладка, есірткі',
    group: 'tip-off',
    confidential: true,
    attributes: [
      {
        code: 'sign',
        datatype: 'singlevaluelist',
        required: false,
        description: { kk: 'Не көрдіңіз?', ru: 'Что вы видели?', en: 'What did you see?' },
        values: [
          value('dealing', 'Dealing in the street', 'Торговля на улице', 'Көшеде сату'),
          value('wall-advert', 'An advert on a wall', 'Реклама на стене', 'Қабырғадағы жарнама'),
          value('drop-point', 'A drop point', 'Закладка', 'Жасырын орын («закладка»)'),
        ],
      },
    ],
  },
  {
    code: 'illegal-alcohol-sale',
    category: 'illegal-alcohol-sale',
    name: { kk: 'Алкогольді заңсыз сату', ru: 'Незаконная продажа алкоголя', en: 'Illegal sale of alcohol' },
    description: {
      kk: 'Түнде, кәмелетке толмағандарға немесе лицензиясыз алкоголь сату.',
      ru: 'Продажа алкоголя ночью, несовершеннолетним или без лицензии.',
      en: 'Alcohol sold at night, to minors or without a licence.',
    },
    keywords: 'alcohol, minors, licence, алкоголь',
    group: 'tip-off',
    confidential: true,
    attributes: [
      {
        code: 'to_minors',
        datatype: 'singlevaluelist',
        required: false,
        description: {
          kk: 'Кәмелетке толмағандарға сатылды ма?',
          ru: 'Продают несовершеннолетним?',
          en: 'Is it sold to minors?',
        },
        values: [
          value('yes', 'Yes', 'Да', 'Иә'),
          value('no', 'No', 'Нет', 'Жоқ'),
          value('unknown', 'Not sure', 'Не знаю', 'Білмеймін'),
        ],
      },
    ],
  },
];

export function findService(code: string): Open311Service | undefined {
  return OPEN311_SERVICES.find((s) => s.code === code);
}

/** Whether the catalogue allows a category to be offered to third-party apps at all. */
export function isOfferable(service: Open311Service): boolean {
  const category = categoryByCode(service.category);
  return category.open311 && !category.sensitive && category.citizenReportable;
}
