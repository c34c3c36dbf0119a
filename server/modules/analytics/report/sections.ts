import type { CategoryCode } from '../../../../common/categories.js';
import type { Text } from '../indicator-definitions.js';

/** One section of the National Report, in the order of the concept's review of the situation. */
export interface SectionPlan {
  id: string;
  title: Text;
  categories: readonly CategoryCode[];
  /** What the data cannot show, said plainly in the report. */
  gap: Text | null;
}

export const REPORT_TITLE: Text = {
  kk: 'Қоғамдық қауіпсіздіктің жай-күйі туралы ұлттық баяндама',
  ru: 'Национальный доклад о состоянии общественной безопасности',
  en: 'National Report on the State of Public Safety',
};

export const NO_DATA: Text = {
  kk: 'Aman-да бұл бөлімге деректер жоқ; сандар ойдан шығарылмайды.',
  ru: 'В Aman нет данных для этого раздела; цифры не придумываются.',
  en: 'Aman holds no data for this section; no figures are invented.',
};

export const DEMO_NOTE: Text = {
  kk: 'Назар аударыңыз: баяндамада демонстрациялық деректер бар (оқиғалар тарихы мен сауалнамалар ойдан жасалған).',
  ru: 'Внимание: доклад содержит демонстрационные данные (история происшествий и опросы сгенерированы).',
  en: 'Note: this report contains demonstration data (the incident history and surveys are generated).',
};

export const SECTIONS: readonly SectionPlan[] = [
  {
    id: 'overall',
    title: { kk: 'Қылмыстың жалпы динамикасы', ru: 'Общая динамика преступности', en: 'Overall crime dynamics' },
    categories: [],
    gap: null,
  },
  {
    id: 'violence-women-children',
    title: {
      kk: 'Әйелдер мен балаларға қатысты зорлық-зомбылық',
      ru: 'Насилие в отношении женщин и детей',
      en: 'Violence against women and children',
    },
    categories: ['domestic-violence', 'sexual-offences', 'offences-against-children'],
    gap: {
      kk: 'Жәбірленушінің жынысы мен жасын қызметкерлер белгілі болған кезде оқиғаға жазады; сандарға тек олар жазылған оқиғалар кіреді, жазылғандардың үлесі қасында берілген. Мұнда зорлық-зомбылық: зорлық қылмыстары, тұрмыстық зорлық, жыныстық қылмыстар, балаларға қарсы қылмыстар және адам саудасы.',
      ru: 'Пол и возраст потерпевшего сотрудники записывают в происшествие, когда они известны; в числа входят только происшествия, где они записаны, рядом дана доля записанных. Насилие здесь: насильственные преступления, бытовое насилие, половые преступления, преступления против детей и торговля людьми.',
      en: 'Staff record the victim’s sex and age on an incident once known; the counts include only incidents where they were recorded, and the share recorded is given beside them. Violence here means violent crime, domestic violence, sexual offences, offences against children and human trafficking.',
    },
  },
  {
    id: 'property',
    title: { kk: 'Меншікке қарсы қылмыстар', ru: 'Имущественные преступления', en: 'Property crime' },
    categories: [
      'burglary',
      'robbery',
      'vehicle-crime',
      'other-theft',
      'theft-from-the-person',
      'shoplifting',
      'bicycle-theft',
      'phone-theft',
      'livestock-theft',
    ],
    gap: null,
  },
  {
    id: 'cyber-fraud',
    title: { kk: 'Интернет-алаяқтық', ru: 'Интернет-мошенничество', en: 'Cyber fraud' },
    categories: ['fraud', 'internet-fraud', 'cyber-crime'],
    gap: null,
  },
  {
    id: 'drugs',
    title: { kk: 'Есірткі', ru: 'Наркотики', en: 'Drugs' },
    categories: ['drugs'],
    gap: null,
  },
  {
    id: 'public-places',
    title: {
      kk: 'Қоғамдық орындардағы құқық бұзушылықтар',
      ru: 'Правонарушения в общественных местах',
      en: 'Offences in public places',
    },
    categories: ['public-order', 'anti-social-behaviour'],
    gap: {
      kk: 'Оқиға орнының түрін қызметкерлер белгілі болған кезде жазады; қоғамдық орындардағы қылмыстарға тек орны жазылғандары кіреді (жазылғандардың үлесі берілген). Қоғамдық тәртіп пен қоғамға жат мінез-құлық санаттары да көрсетілген.',
      ru: 'Тип места сотрудники записывают, когда он известен; в преступления в общественных местах входят только те, где место записано (доля записанных дана). Показаны также категории «общественный порядок» и «антиобщественное поведение».',
      en: 'Staff record the type of place once known; crimes in public places include only those with the place recorded (the share recorded is given). The public-order and anti-social-behaviour categories are shown as well.',
    },
  },
  {
    id: 'under-influence',
    title: {
      kk: 'Мас күйінде жасалған құқық бұзушылықтар',
      ru: 'Правонарушения в состоянии опьянения',
      en: 'Offences under the influence',
    },
    categories: ['drunk-driving'],
    gap: {
      kk: 'Күдіктінің күйін қызметкерлер белгілі болған кезде жазады; сандарға тек ол жазылған қылмыстар кіреді (жазылғандардың үлесі берілген). Мас күйінде көлік жүргізу тіркелгендей көрсетілген.',
      ru: 'Состояние подозреваемого сотрудники записывают, когда оно известно; в числа входят только преступления, где оно записано (доля записанных дана). Вождение в нетрезвом виде показано как зарегистрировано.',
      en: 'Staff record the suspect’s state once known; the counts include only crimes where it was recorded (the share recorded is given). Drink-driving is shown as recorded.',
    },
  },
  {
    id: 'repeat-offending',
    title: { kk: 'Қайталама қылмыс', ru: 'Рецидивная преступность', en: 'Repeat offending' },
    categories: [],
    gap: {
      kk: 'Aman-да соттылық жазылмайды, сондықтан қайталама қылмыс деңгейі берілмейді. Оның орнына: құқық бұзушыларды бақылайтын профилактикалық есептегі адамдар (бас бостандығынан айыру орындарынан босатылғандар, әкімшілік қадағалаудағылар, әкімшілік құқық бұзушылықты қайталап жасағандар, алкогольден емделуге жіберілгендер) және қайталанған тұрмыстық зорлық (тәуекел жөніндегі кеңеске қайта жолдау, қорғау нұсқамаларын бұзу). Өңірлер есепті Aman-да әр уақытта жүргізе бастағандықтан, алдыңғы жылмен салыстыру берілмейді.',
      ru: 'В Aman не записываются судимости, поэтому уровень рецидива не приводится. Вместо него: лица на профилактическом учёте, который ведётся за правонарушителями (освобождённые из мест лишения свободы, под административным надзором, повторно совершившие административные правонарушения, направленные на лечение от алкоголизма), и повторное бытовое насилие (повторные направления на конференцию по рискам, нарушения защитных предписаний). Сравнения с предыдущим годом нет: регионы начали вести учёт в Aman в разное время.',
      en: 'Aman records no convictions, so no reoffending rate is given. Shown instead: the people on the preventive registers that follow offenders up (released from prison, under administrative supervision, repeat administrative offenders, referred for alcohol treatment), and repeat domestic abuse (repeat referrals to a risk conference, breaches of protection orders). There is no comparison with the year before: regions began keeping their registers in Aman at different times.',
    },
  },
  {
    id: 'juveniles',
    title: { kk: 'Кәмелетке толмағандар', ru: 'Несовершеннолетние', en: 'Juveniles' },
    categories: [],
    gap: {
      kk: 'Күдіктінің жасын қызметкерлер белгілі болған кезде жазады; санға тек ол жазылған қылмыстар кіреді (жазылғандардың үлесі берілген). Профилактикалық есептегі кәмелетке толмағандар мен қиын жағдайдағы отбасылар да алдыңғы жылмен салыстырусыз көрсетілген.',
      ru: 'Возраст подозреваемого сотрудники записывают, когда он известен; в число входят только преступления, где он записан (доля записанных дана). Показаны также несовершеннолетние и семьи в трудной жизненной ситуации на профилактическом учёте, без сравнения с предыдущим годом.',
      en: 'Staff record the suspect’s age once known; the count includes only crimes where it was recorded (the share recorded is given). The juveniles and families in difficult circumstances on the preventive register are shown as well, without comparison with the year before.',
    },
  },
  {
    id: 'road-safety',
    title: { kk: 'Жол қауіпсіздігі', ru: 'Безопасность дорожного движения', en: 'Road safety' },
    categories: ['road-accident', 'drunk-driving', 'dangerous-driving'],
    gap: {
      kk: 'Оқиғаларда қаза тапқандар мен жарақаттанғандар саны жазылмайды; өлім көрсеткіші индикатор бақылауларынан алынған.',
      ru: 'Число погибших и раненых в происшествиях не записывается; смертность взята из наблюдений индикатора.',
      en: 'Deaths and injuries are not recorded on incidents; the death rate comes from the indicator observations.',
    },
  },
  {
    id: 'indicators',
    title: { kk: 'Нысаналы индикаторлар', ru: 'Целевые индикаторы', en: 'Target indicators' },
    categories: [],
    gap: null,
  },
  {
    id: 'bodies',
    title: { kk: 'Әр органның атқарған жұмысы', ru: 'Что сделал каждый орган', en: 'What each body did' },
    categories: [],
    // What is counted and what is not: prevention/agency-work-read.ts has each measure's exact rule.
    gap: {
      kk: 'Aman-да жазылған тұрмыстық зорлық-зомбылықтың алдын алу жұмысы саналады: жыл ішінде тәуекел жөніндегі кеңестерде тапсырылған қауіпсіздік жоспары шаралары және олардың ішінде саналған күндердің соңына дейін және белгіленген мерзімде орындалғандары; қатысуы жазылған кеңестер, әр органның шақырылғаны мен қатысқаны; полиция берген қорғау нұсқамалары; нәтижесі жазылған профилактикалық есеп байланыстары; дағдарыс орталықтарына жолдамалар және қабылданғандары; агрессорларға арналған бағдарламаларға жазылу мен оларды толық өту. Органдардың Aman-нан тыс жұмысы және өз ведомстволарына берген есептері саналмайды. Өңірлер бұл жұмысты Aman-да әр уақытта жаза бастағандықтан, алдыңғы жылмен салыстыру берілмейді.',
      ru: 'Считается работа по профилактике бытового насилия, записанная в Aman: меры плана безопасности, порученные на конференциях по рискам в течение года, и из них выполненные до конца учтённых дней и в установленный срок; конференции с отмеченной явкой, приглашения и посещения каждого органа; защитные предписания, выданные полицией; контакты профилактического учёта с записанным результатом; направления в кризисные центры и принятые из них; зачисления в программы для агрессоров и их завершение. Работа органов вне Aman и их отчёты своим ведомствам не учитываются. Сравнения с предыдущим годом нет: регионы начали записывать эту работу в Aman в разное время.',
      en: 'Counted from the domestic-violence prevention work recorded in Aman: safety-plan actions assigned at risk conferences in the year and, of them, those completed by the end of the counted days and by their due date; conferences held with attendance recorded, and the conferences each body was invited to and attended; protection orders issued by the police; preventive-register contacts with an outcome recorded; crisis-centre referrals made and accepted; aggressor programme enrolments and completions. Work a body does outside Aman, and its reports to its own ministry, are not counted. There is no comparison with the year before: regions began recording this work in Aman at different times.',
    },
  },
];
