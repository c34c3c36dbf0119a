import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Language } from '../../../common/roles.js';
import type { CaseExport } from './case-export-schema.js';

// The project's own DejaVu fonts (fonts/LICENSE-DejaVu.txt beside them): the PDF standard fonts
// have no Kazakh letters, and a server's installed fonts cannot be relied on.
const FONTS = path.resolve(import.meta.dirname, '../analytics/report/fonts');

type Text = Record<Language, string>;
const L = {
  title: { kk: 'Іс', ru: 'Дело', en: 'Case' },
  redacted: {
    kk: 'Жасырылған көшірме: аты-жөндер, мекенжайлар, байланыстар, ЖСН және еркін мәтін жоқ',
    ru: 'Обезличенная выгрузка: без имён, адресов, контактов, ИИН и свободного текста',
    en: 'Redacted export: no names, addresses, contacts, IINs or free text',
  },
  full: {
    kk: 'Толық көшірме — құпия. Берілуі аудит журналында тіркелді',
    ru: 'Полная выгрузка — конфиденциально. Выдача записана в журнал аудита',
    en: 'Full export — confidential. Its issue is recorded in the audit log',
  },
  exported: { kk: 'Жасалған уақыты', ru: 'Сформировано', en: 'Exported' },
  area: { kk: 'Аумақ', ru: 'Территория', en: 'Area' },
  grade: { kk: 'Тәуекел деңгейі', ru: 'Уровень риска', en: 'Risk grade' },
  status: { kk: 'Күйі', ru: 'Статус', en: 'Status' },
  opened: { kk: 'Ашылған күні', ru: 'Открыто', en: 'Opened' },
  people: { kk: 'Адамдар', ru: 'Лица', en: 'People' },
  incidents: { kk: 'Оқиғалар', ru: 'Происшествия', en: 'Incidents' },
  assessments: { kk: 'Тәуекелді бағалау', ru: 'Оценки риска', en: 'Risk assessments' },
  orders: { kk: 'Қорғау нұсқамалары', ru: 'Защитные предписания', en: 'Protection orders' },
  referrals: { kk: 'Кеңеске жолдамалар', ru: 'Направления на совещание', en: 'Conference referrals' },
  decisions: { kk: 'Кеңес шешімдері', ru: 'Решения совещаний', en: 'Conference decisions' },
  actions: { kk: 'Қауіпсіздік жоспарының шаралары', ru: 'Меры плана безопасности', en: 'Safety-plan actions' },
  programmes: { kk: 'Агрессорға арналған бағдарламалар', ru: 'Программы для агрессора', en: 'Aggressor programmes' },
  outcomes: { kk: 'Нәтижелер', ru: 'Исходы', en: 'Outcomes' },
  timeline: { kk: 'Хронология', ru: 'Хронология', en: 'Timeline' },
  none: { kk: 'жоқ', ru: 'нет', en: 'none' },
} satisfies Record<string, Text>;

const ROLES: Record<string, Text> = {
  victim: { kk: 'Жәбірленуші', ru: 'Потерпевший', en: 'Victim' },
  aggressor: { kk: 'Агрессор', ru: 'Агрессор', en: 'Aggressor' },
  child: { kk: 'Бала', ru: 'Ребёнок', en: 'Child' },
  other: { kk: 'Басқа', ru: 'Другое', en: 'Other' },
};

const day = (iso: string) => iso.slice(0, 10);

function lines(data: CaseExport, language: Language): [keyof typeof L, string[]][] {
  const role = (r: string) => ROLES[r]?.[language] ?? r;
  return [
    [
      'people',
      data.people.map((p) =>
        [`${role(p.role)} ${p.initials}`, p.name, p.iin, p.address, p.phone]
          .filter((v) => v !== undefined && v !== null)
          .join(' · '),
      ),
    ],
    ['incidents', data.incidents.map((i) => day(i.occurredAt))],
    [
      'assessments',
      data.assessments.map((a) =>
        [`${day(a.assessedAt)}: ${a.finalGrade} (${a.yesCount}, ${a.instrumentVersion}, ${a.reason})`, a.rationale]
          .filter(Boolean)
          .join(' — '),
      ),
    ],
    [
      'orders',
      data.orders.map((o) => `${o.kind}: ${day(o.issuedAt)} – ${day(o.expiresAt)}; ${o.conditions.join(', ')}; ${o.violations}`),
    ],
    ['referrals', data.referrals.map((r) => `${day(r.referredAt)}: ${r.criteria.join(', ')}${r.isRepeat ? ' (repeat)' : ''}`)],
    ['decisions', data.decisions.map((d) => [day(d.decidedAt), d.decision].filter(Boolean).join(': '))],
    [
      'actions',
      data.actions.map((a) =>
        [`${a.agency}: ${day(a.dueAt)}${a.completedAt ? ` ✓ ${day(a.completedAt)}` : ''}`, a.description]
          .filter(Boolean)
          .join(' — '),
      ),
    ],
    [
      'programmes',
      data.programmes.map((p) =>
        [
          `${p.providerKind}, ${p.basis}: ${p.attended}/${p.sessionsPlanned}, −${p.missed}; ${p.status}${p.endedAt ? ` ${day(p.endedAt)}` : ''}${p.breachRecorded ? ' !' : ''}`,
          p.provider,
          ...(p.missedReasons ?? []),
        ]
          .filter(Boolean)
          .join(' — '),
      ),
    ],
    ['outcomes', data.outcomes.map((o) => `${day(o.occurredAt)}: ${o.kind}`)],
    ['timeline', data.timeline.map((e) => `${e.at.slice(0, 16).replace('T', ' ')} ${e.kind}`)],
  ];
}

/** The case export as a printable A4 PDF in one language; what it holds is exactly the JSON export's. */
export function renderCaseExportPdf(data: CaseExport, language: Language): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `${L.title[language]} ${data.caseNumber}`, Author: 'Aman' },
  });
  doc.registerFont('regular', path.join(FONTS, 'DejaVuSans.ttf'));
  doc.registerFont('bold', path.join(FONTS, 'DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('bold').fontSize(18).text(`${L.title[language]} ${data.caseNumber}`);
  doc
    .moveDown(0.3)
    .font('bold')
    .fontSize(10)
    .fillColor(data.redacted ? '#333' : '#a00')
    .text(data.redacted ? L.redacted[language] : L.full[language])
    .fillColor('black');
  doc.moveDown(0.3).font('regular').fontSize(10);
  for (const [label, value] of [
    [L.exported[language], data.exportedAt.slice(0, 16).replace('T', ' ')],
    [L.area[language], `${data.regionId} / ${data.districtId} / ${data.beatId}`],
    [L.grade[language], data.riskGrade ?? L.none[language]],
    [L.status[language], data.status],
    [L.opened[language], day(data.openedAt)],
  ] as const)
    doc.text(`${label}: ${value}`);
  for (const [key, items] of lines(data, language)) {
    doc.moveDown(0.8).font('bold').fontSize(12).text(L[key][language]);
    doc.font('regular').fontSize(10);
    if (items.length === 0) doc.text(L.none[language]);
    for (const item of items) doc.text(`• ${item}`);
  }
  doc.end();
  return done;
}
