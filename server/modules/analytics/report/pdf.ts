import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Language } from '../../../../common/roles.js';
import type { PublicNationalReport, PublicReportFigure } from '../../../../common/schemas/national-report.js';
import type { Figure, NationalReport } from './build.js';
import { DEMO_NOTE } from './sections.js';

// Fonts ship with the project (DejaVu, fonts/LICENSE-DejaVu.txt): the report must not depend on
// what a server has installed, and the PDF standard fonts have no Kazakh letters.
const FONTS = path.resolve(import.meta.dirname, 'fonts');
const REGULAR = path.join(FONTS, 'DejaVuSans.ttf');
const BOLD = path.join(FONTS, 'DejaVuSans-Bold.ttf');

const LABELS = {
  year: { kk: 'Жыл', ru: 'Год', en: 'Year' },
  previous: { kk: 'Бір жыл бұрынғы сол күндер', ru: 'Те же дни годом ранее', en: 'Same days a year earlier' },
  change: { kk: 'өзгеріс', ru: 'изменение', en: 'change' },
  source: { kk: 'Дереккөз', ru: 'Источник', en: 'Source' },
  noValue: { kk: 'деректер жоқ', ru: 'нет данных', en: 'no data' },
  demo: { kk: 'демо', ru: 'демо', en: 'demo' },
  generated: { kk: 'Жасалған уақыты', ru: 'Сформирован', en: 'Generated' },
  'fewer-than-5': { kk: '5-тен аз', ru: 'менее 5', en: 'fewer than 5' },
  withheld: { kk: 'көрсетілмейді', ru: 'не показано', en: 'not shown' },
  atLeast: { kk: 'кемінде {n}', ru: 'не менее {n}', en: 'at least {n}' },
} as const;

/** The staff's report prints exact numbers; the public's prints its published cells (see portal/national-report.ts). */
type Printable = NationalReport | PublicNationalReport;
type PrintableFigure = Figure | PublicReportFigure;

/** A value as published: the number, "fewer than 5" or "not shown", or "at least" a total that leaves hidden cells out. */
function publishedText(
  figure: PrintableFigure,
  language: Language,
  value: number | null,
  hidden: PublicReportFigure['suppressed'],
  hiddenParts: number,
): string {
  if (hidden) return LABELS[hidden][language];
  if (value === 0 && hiddenParts > 0) return LABELS.withheld[language];
  const text = formatValue(figure, language, value);
  return value !== null && hiddenParts > 0 ? LABELS.atLeast[language].replace('{n}', text) : text;
}

function valueText(figure: PrintableFigure, language: Language): string {
  if (!('suppressed' in figure)) return formatValue(figure, language, figure.value);
  return publishedText(figure, language, figure.value, figure.suppressed, figure.hiddenParts);
}

const LOCALES: Record<Language, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

function formatValue(figure: Figure, language: Language, value: number | null): string {
  if (value === null) return LABELS.noValue[language];
  const digits = figure.unit === 'count' ? 0 : 1;
  const text = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(
    value,
  );
  return figure.unit === 'percent' ? `${text}%` : text;
}

function formatChange(change: number, language: Language): string {
  const text = new Intl.NumberFormat(LOCALES[language], {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(change);
  return `${text}%`;
}

function previousText(figure: PrintableFigure, language: Language): string {
  const hidden = 'suppressed' in figure ? figure.previousSuppressed : null;
  if (figure.previous === null && !hidden) return '';
  const change = figure.change === null ? '' : `; ${LABELS.change[language]} ${formatChange(figure.change, language)}`;
  const previous =
    'suppressed' in figure
      ? publishedText(figure, language, figure.previous, hidden, figure.previousHiddenParts)
      : formatValue(figure, language, figure.previous);
  return ` (${LABELS.previous[language]}: ${previous}${change})`;
}

/**
 * The National Report as a PDF (A4), in one language, with simple drawn bar charts: the staff's
 * with exact numbers, or the public's with its suppressed cells in words.
 */
export function renderReportPdf(report: Printable, language: Language): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `${report.title[language]} ${report.year}`, Author: 'Aman' },
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 100;

  doc.font('bold').fontSize(20).text(report.title[language]);
  doc.moveDown(0.3).font('regular').fontSize(13).text(`${report.area[language]} · ${LABELS.year[language]} ${report.year}`);
  doc.fontSize(9).fillColor('#555').text(`${LABELS.generated[language]}: ${report.generatedAt}`).fillColor('black');
  doc.moveDown(0.5).font('bold').fontSize(10).text(report.comparison.statement[language]);
  if ('smallCounts' in report) doc.moveDown(0.5).font('regular').fontSize(10).text(report.smallCounts[language]);
  if (report.demoData) doc.moveDown(0.5).font('bold').fontSize(10).fillColor('#a00').text(DEMO_NOTE[language]).fillColor('black');

  report.sections.forEach((section, index) => {
    doc
      .moveDown(1.2)
      .font('bold')
      .fontSize(14)
      .text(`${index + 1}. ${section.title[language]}`);
    if (section.note)
      doc.moveDown(0.2).font('regular').fontSize(10).fillColor('#444').text(section.note[language]).fillColor('black');
    for (const figure of section.figures) {
      const previous = previousText(figure, language);
      const demo = figure.demo ? ` [${LABELS.demo[language]}]` : '';
      doc.moveDown(0.3).font('regular').fontSize(11).text(`${figure.label[language]}: `, { continued: true });
      doc.font('bold').text(valueText(figure, language), { continued: true });
      doc.font('regular').text(`${previous}${demo}`);
      doc.fontSize(7).fillColor('#666').text(`${LABELS.source[language]}: ${figure.source}`).fillColor('black');
    }
    if (section.chart) drawBars(doc, section.chart.label[language], section.chart.months, section.chart.values, width);
  });
  doc.end();
  return done;
}

function drawBars(doc: PDFKit.PDFDocument, title: string, labels: string[], values: number[], width: number): void {
  const height = 110;
  if (doc.y + height + 40 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.moveDown(0.6).font('bold').fontSize(10).text(title);
  // Room above the tallest bar for its value label.
  const top = doc.y + 12;
  const left = doc.page.margins.left;
  const max = Math.max(1, ...values);
  const slot = width / Math.max(1, values.length);
  values.forEach((value, i) => {
    const bar = (value / max) * height;
    doc.rect(left + i * slot + 2, top + height - bar, slot - 4, bar).fill('#2f6f9f');
    doc.fillColor('black').font('regular').fontSize(6);
    doc.text(String(value), left + i * slot, top + height - bar - 8, { width: slot, align: 'center' });
    doc.text(labels[i]!.slice(5), left + i * slot, top + height + 2, { width: slot, align: 'center' });
  });
  doc.x = left;
  doc.y = top + height + 14;
}
