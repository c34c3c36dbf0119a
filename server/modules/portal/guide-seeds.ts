import type { Db } from '../../db/connection.js';
import type { GuideContent } from './guide-schema.js';
import * as store from './guide-store.js';

interface SeedGuide {
  slug: string;
  quickExit: boolean;
  content: Required<GuideContent>;
}

const POLICE = { kk: 'Полиция', ru: 'Полиция', en: 'Police' };
const EMERGENCY = { kk: 'Бірыңғай құтқару қызметі', ru: 'Единая служба спасения', en: 'Emergency services' };
const contact = (names: Record<'kk' | 'ru' | 'en', string>, phone: string) => ({ names, phone });

/** Contacts written once with their names in each language. */
function localise(
  slug: string,
  quickExit: boolean,
  contacts: ReturnType<typeof contact>[],
  texts: Record<'kk' | 'ru' | 'en', { title: string; summary: string; steps: string[] }>,
): SeedGuide {
  const content = {} as Required<GuideContent>;
  for (const language of ['kk', 'ru', 'en'] as const) {
    content[language] = { ...texts[language], contacts: contacts.map((c) => ({ name: c.names[language], phone: c.phone })) };
  }
  return { slug, quickExit, content };
}

/** The first published versions of the six "what to do" guides; staff edit them from there. */
export const SEED_GUIDES: SeedGuide[] = [
  localise('phone-stolen', false, [contact(POLICE, '102')], {
    kk: {
      title: 'Телефонымды ұрлатып алдым',
      summary: 'Телефон ұрланса немесе жоғалса, SIM-картаны, банк қосымшаларын және аккаунттарды тез бұғаттаңыз.',
      steps: [
        'Ұялы байланыс операторына қоңырау шалып, SIM-картаны бұғаттатыңыз.',
        'Банкке хабарласып, телефондағы банк қосымшалары мен карталарды бұғаттаңыз.',
        'Басқа құрылғыдан пошта мен әлеуметтік желілердің құпиясөздерін ауыстырыңыз.',
        'Телефонның IMEI нөмірін табыңыз (қорапта немесе түбіртекте) және 102-ге хабарлаңыз немесе осы сайттан арыз беріңіз.',
        'Арыздың тіркелген нөмірін сақтаңыз: ол сақтандыру мен телефонды қайтару үшін керек.',
      ],
    },
    ru: {
      title: 'У меня украли телефон',
      summary: 'Если телефон украли или он потерялся, быстро заблокируйте SIM-карту, банковские приложения и аккаунты.',
      steps: [
        'Позвоните оператору связи и заблокируйте SIM-карту.',
        'Свяжитесь с банком и заблокируйте банковские приложения и карты, привязанные к телефону.',
        'С другого устройства смените пароли от почты и социальных сетей.',
        'Найдите IMEI телефона (на коробке или в чеке) и сообщите в полицию по 102 или подайте заявление на этом сайте.',
        'Сохраните номер зарегистрированного заявления: он нужен для страховки и возврата телефона.',
      ],
    },
    en: {
      title: 'My phone was stolen',
      summary: 'If your phone is stolen or lost, block the SIM card, banking apps and accounts quickly.',
      steps: [
        'Call your mobile operator and have the SIM card blocked.',
        'Contact your bank and block the banking apps and cards linked to the phone.',
        'From another device, change the passwords of your e-mail and social media.',
        'Find the phone’s IMEI (on the box or the receipt) and tell the police on 102 or report it on this site.',
        'Keep the number of your registered report: you need it for insurance and to get the phone back.',
      ],
    },
  }),
  localise('online-fraud', false, [contact(POLICE, '102')], {
    kk: {
      title: 'Мені интернетте алдап кетті',
      summary: 'Ақша алаяқтарға кетсе, әр минут маңызды: алдымен банкке, содан кейін полицияға хабарлаңыз.',
      steps: [
        'Картаңыздың артындағы нөмір бойынша банкке бірден қоңырау шалып, картаны бұғаттаңыз және аударымды тоқтатуды сұраңыз.',
        'Алаяқпен хат алмасуды, чектерді, сілтемелерді және телефон нөмірлерін өшірмеңіз: скриншот жасаңыз.',
        '102-ге хабарлаңыз немесе осы сайттан арыз беріңіз; аударым сомасы мен уақытын көрсетіңіз.',
        'Егер алаяққа кодтарды айтсаңыз, банк қосымшасы мен пошта құпиясөздерін ауыстырыңыз.',
        'Есіңізде болсын: банк қызметкері ешқашан SMS-кодты, CVV-ді немесе құпиясөзді сұрамайды.',
      ],
    },
    ru: {
      title: 'Меня обманули в интернете',
      summary: 'Если деньги ушли мошенникам, важна каждая минута: сначала сообщите в банк, затем в полицию.',
      steps: [
        'Сразу позвоните в банк по номеру на обороте карты, заблокируйте карту и попросите остановить перевод.',
        'Не удаляйте переписку, чеки, ссылки и номера телефонов мошенника: сделайте скриншоты.',
        'Сообщите в полицию по 102 или подайте заявление на этом сайте; укажите сумму и время перевода.',
        'Если вы сообщили мошеннику коды, смените пароли от банковского приложения и почты.',
        'Помните: сотрудник банка никогда не спрашивает SMS-код, CVV или пароль.',
      ],
    },
    en: {
      title: 'I was defrauded online',
      summary: 'If money went to fraudsters, every minute counts: tell your bank first, then the police.',
      steps: [
        'Call your bank at once on the number on the back of your card, block the card and ask them to stop the transfer.',
        'Do not delete the messages, receipts, links or the fraudster’s phone numbers: take screenshots.',
        'Tell the police on 102 or report it on this site, with the amount and the time of the transfer.',
        'If you told the fraudster any codes, change the passwords of your banking app and e-mail.',
        'Remember: bank staff never ask for an SMS code, the CVV or a password.',
      ],
    },
  }),
  localise(
    'domestic-violence',
    true,
    [
      contact(POLICE, '102'),
      contact(
        {
          kk: 'Отбасы, әйелдер және балалар мәселелері бойынша байланыс орталығы',
          ru: 'Контакт-центр по вопросам семьи, женщин и детей',
          en: 'Contact centre for family, women and children',
        },
        '111',
      ),
      contact(EMERGENCY, '112'),
    ],
    {
      kk: {
        title: 'Тұрмыстық зорлық-зомбылық',
        summary: 'Сіз кінәлі емессіз, және көмек бар. Қауіп төніп тұрса, дереу 102-ге қоңырау шалыңыз.',
        steps: [
          'Қауіп төніп тұрса, қауіпсіз жерге шығып, 102 немесе 112 нөміріне қоңырау шалыңыз.',
          'Кеңес пен қолдау үшін 111 нөміріне тегін қоңырау шалыңыз: олар дағдарыс орталығын табуға көмектеседі.',
          'Жарақаттар болса, дәрігерге қаралыңыз: анықтама кейін дәлел болады.',
          'Құжаттарды, дәрі-дәрмекті, телефонның зарядтағышын және аздаған ақшаны бір жерге жинап қойыңыз.',
          'Полиция қорғау нұсқамасын шығара алады: учаскелік инспектордан сұраңыз.',
        ],
      },
      ru: {
        title: 'Домашнее насилие',
        summary: 'Вы не виноваты, и помощь есть. Если вам угрожает опасность, сразу звоните 102.',
        steps: [
          'Если вам угрожает опасность, уйдите в безопасное место и позвоните 102 или 112.',
          'За советом и поддержкой бесплатно звоните 111: там помогут найти кризисный центр.',
          'Если есть травмы, обратитесь к врачу: справка потом станет доказательством.',
          'Сложите в одно место документы, лекарства, зарядку для телефона и немного денег.',
          'Полиция может вынести защитное предписание: спросите участкового инспектора.',
        ],
      },
      en: {
        title: 'Domestic violence',
        summary: 'It is not your fault, and help is there. If you are in danger, call 102 now.',
        steps: [
          'If you are in danger, get to a safe place and call 102 or 112.',
          'For advice and support call 111, free of charge: they help you find a crisis centre.',
          'If you are hurt, see a doctor: the medical record is evidence later.',
          'Keep your documents, medicines, a phone charger and some money together in one place.',
          'The police can issue a protection order: ask your district inspector.',
        ],
      },
    },
  ),
  localise(
    'road-accident',
    false,
    [
      contact(EMERGENCY, '112'),
      contact({ kk: 'Жедел жәрдем', ru: 'Скорая помощь', en: 'Ambulance' }, '103'),
      contact(POLICE, '102'),
    ],
    {
      kk: {
        title: 'Жол-көлік оқиғасына тап болдым',
        summary: 'Алдымен адамдардың қауіпсіздігі, содан кейін құжаттар.',
        steps: [
          'Көлікті тоқтатып, апаттық дабылды қосыңыз және авариялық белгіні қойыңыз.',
          'Зардап шеккендер болса, 103 немесе 112 нөміріне қоңырау шалып, алғашқы көмек көрсетіңіз.',
          'Полицияға 102 арқылы хабарлаңыз; адамдар зардап шексе, көлікті орнынан қозғалтпаңыз.',
          'Көліктердің орнын, зақымдарды және нөмірлерді суретке түсіріңіз, куәгерлердің байланысын жазып алыңыз.',
          'Сақтандыру компанияңызға хабарлаңыз.',
        ],
      },
      ru: {
        title: 'Я попал в дорожно-транспортное происшествие',
        summary: 'Сначала безопасность людей, потом документы.',
        steps: [
          'Остановитесь, включите аварийную сигнализацию и выставьте знак аварийной остановки.',
          'Если есть пострадавшие, позвоните 103 или 112 и окажите первую помощь.',
          'Сообщите в полицию по 102; если есть пострадавшие, не перемещайте машину.',
          'Сфотографируйте положение машин, повреждения и номера, запишите контакты свидетелей.',
          'Сообщите в свою страховую компанию.',
        ],
      },
      en: {
        title: 'I was in a road accident',
        summary: 'People’s safety first, paperwork after.',
        steps: [
          'Stop, switch on the hazard lights and put out the warning triangle.',
          'If anyone is hurt, call 103 or 112 and give first aid.',
          'Tell the police on 102; if anyone is hurt, do not move the car.',
          'Photograph the positions of the cars, the damage and the number plates, and note witnesses’ contacts.',
          'Tell your insurance company.',
        ],
      },
    },
  ),
  localise(
    'child-missing',
    false,
    [
      contact(POLICE, '102'),
      contact(
        {
          kk: 'Балалар мен жастарға арналған сенім телефоны',
          ru: 'Телефон доверия для детей и молодёжи',
          en: 'Helpline for children and young people',
        },
        '150',
      ),
    ],
    {
      kk: {
        title: 'Балам жоғалып кетті',
        summary: 'Күтпеңіз: баланы іздеу бірден басталады, «үш тәулік күту» деген ереже жоқ.',
        steps: [
          'Бірден 102-ге қоңырау шалыңыз. Полиция баланы іздеуді дереу бастайды.',
          'Баланың жақын арадағы суретін, киімін, бойын және соңғы көрген жерін айтыңыз.',
          'Баланың достарына, мұғалімдеріне, туыстарына қоңырау шалыңыз; телефон нөмірлерін полицияға беріңіз.',
          'Біреу үйде қалсын: бала оралуы немесе қоңырау шалуы мүмкін.',
          'Бала табылғаннан кейін оған және сізге 150 сенім телефоны көмектесе алады.',
        ],
      },
      ru: {
        title: 'Пропал ребёнок',
        summary: 'Не ждите: поиск ребёнка начинается сразу, правила «ждать трое суток» нет.',
        steps: [
          'Сразу звоните 102. Полиция начнёт поиск немедленно.',
          'Назовите приметы ребёнка: недавнее фото, одежду, рост и место, где его видели последний раз.',
          'Позвоните друзьям ребёнка, учителям, родственникам; передайте их номера полиции.',
          'Пусть кто-то останется дома: ребёнок может вернуться или позвонить.',
          'Когда ребёнок найдётся, ему и вам поможет телефон доверия 150.',
        ],
      },
      en: {
        title: 'My child is missing',
        summary: 'Do not wait: the search for a child starts at once; there is no “wait three days” rule.',
        steps: [
          'Call 102 at once. The police start searching immediately.',
          'Describe your child: a recent photo, clothes, height and where they were last seen.',
          'Call your child’s friends, teachers and relatives; give their numbers to the police.',
          'Let someone stay at home: the child may come back or call.',
          'Once your child is found, the 150 helpline can support them and you.',
        ],
      },
    },
  ),
  localise(
    'lost-documents',
    false,
    [
      contact(POLICE, '102'),
      contact(
        {
          kk: 'Электрондық үкімет байланыс орталығы',
          ru: 'Контакт-центр электронного правительства',
          en: 'E-government contact centre',
        },
        '1414',
      ),
    ],
    {
      kk: {
        title: 'Құжаттарымды жоғалттым',
        summary: 'Жеке куәлікті немесе төлқұжатты жоғалтсаңыз, оны басқа біреу пайдаланбауы үшін тез хабарлаңыз.',
        steps: [
          'Құжат ұрланған деп ойласаңыз, 102-ге хабарлаңыз немесе осы сайттан арыз беріңіз.',
          'Жеке куәлікті қалпына келтіру үшін халыққа қызмет көрсету орталығына (ХҚКО) немесе eGov арқылы өтініш беріңіз.',
          'Банкке хабарлап, құжатыңыз бойынша несие рәсімделмеуін қадағалаңыз.',
          'Сұрақтар болса, 1414 нөміріне қоңырау шалыңыз.',
        ],
      },
      ru: {
        title: 'Я потерял документы',
        summary:
          'Если вы потеряли удостоверение личности или паспорт, быстро сообщите об этом, чтобы им не воспользовались другие.',
        steps: [
          'Если вы думаете, что документ украли, сообщите в полицию по 102 или подайте заявление на этом сайте.',
          'Для восстановления удостоверения обратитесь в ЦОН или подайте заявку через eGov.',
          'Сообщите в банк и следите, чтобы на ваш документ не оформили кредит.',
          'Если есть вопросы, звоните 1414.',
        ],
      },
      en: {
        title: 'I lost my documents',
        summary: 'If you lose your identity card or passport, report it quickly so nobody else can use it.',
        steps: [
          'If you think the document was stolen, tell the police on 102 or report it on this site.',
          'To replace an identity card, apply at a public service centre (TsON) or through eGov.',
          'Tell your bank, and watch that no loan is taken out in your name.',
          'For questions, call 1414.',
        ],
      },
    },
  ),
];

/** Adds each seed guide whose slug is not there yet, as a published first version. Idempotent. */
export async function seedPortalGuides(db: Db, now: Date): Promise<void> {
  for (const guide of SEED_GUIDES) {
    await db.transaction().execute(async (trx) => {
      const id = await store.insertGuide(trx, {
        slug: guide.slug,
        kind: 'what-to-do',
        quickExit: guide.quickExit,
        now,
        by: null,
      });
      if (id)
        await store.insertVersion(trx, { guideId: id, version: 1, content: guide.content, now, by: null, publishedAt: now });
    });
  }
}
