import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import { firstDistrictAndBeat } from '../geo/index.js';
import type { ChiefReportContent } from './chief-report-schema.js';
import { questionTextHash } from './chief-report-screen.js';
import * as store from './chief-report-store.js';

const DEMO_REGION = '750000000'; // Almaty, where the demo's accounts work

const REGION_REPORT: ChiefReportContent = {
  kk: {
    title: 'Алматы қаласы полиция департаменті бастығының тоқсандық есебі',
    body:
      'Тоқсан ішінде 102 нөміріне түскен қоңыраулардың 94 пайызына патруль 10 минут ішінде жетті.\n\n' +
      'Ұялы телефон ұрлығы өткен жылдың осы кезеңімен салыстырғанда 12 пайызға азайды: базарлар мен аялдамаларда ' +
      'жаяу патруль күшейтілді.\n\nКелесі тоқсанның басымдықтары: интернет-алаяқтықтың алдын алу, мектеп маңындағы ' +
      'жол қауіпсіздігі және тұрғындармен кездесулер.',
  },
  ru: {
    title: 'Квартальный отчёт начальника департамента полиции города Алматы',
    body:
      'За квартал патруль прибыл в течение 10 минут по 94 процентам вызовов на номер 102.\n\n' +
      'Кражи мобильных телефонов снизились на 12 процентов к тому же периоду прошлого года: усилено пешее ' +
      'патрулирование на рынках и остановках.\n\nПриоритеты следующего квартала: профилактика интернет-мошенничества, ' +
      'безопасность дорожного движения у школ и встречи с жителями.',
  },
  en: {
    title: 'Quarterly report of the head of the Almaty City Police Department',
    body:
      'Over the quarter, a patrol arrived within 10 minutes for 94 per cent of calls to 102.\n\n' +
      'Mobile phone thefts fell by 12 per cent on the same period last year, with more foot patrols at markets and ' +
      'bus stops.\n\nPriorities for the next quarter: preventing online fraud, road safety near schools, and meetings ' +
      'with residents.',
  },
};

const DISTRICT_REPORT: ChiefReportContent = {
  kk: {
    title: 'Аудандық полиция басқармасы бастығының есебі',
    body:
      'Учаскелік полиция инспекторлары тоқсанда тұрғындармен 18 кездесу өткізді.\n\n' +
      'Көшелердегі тонау 7 пайызға азайды. Ең жиі өтініш — аулалардағы жарықтандыру: әкімдікпен бірге 40 шам орнатылды.',
  },
  ru: {
    title: 'Отчёт начальника районного управления полиции',
    body:
      'Участковые инспекторы провели за квартал 18 встреч с жителями.\n\n' +
      'Уличные грабежи снизились на 7 процентов. Самая частая просьба — освещение дворов: вместе с акиматом ' +
      'установлено 40 фонарей.',
  },
  en: {
    title: 'Report of the head of the district police department',
    body:
      'District inspectors held 18 meetings with residents over the quarter.\n\n' +
      'Street robberies fell by 7 per cent. The most frequent request was lighting in courtyards: 40 lamps were put ' +
      'up together with the akimat.',
  },
};

function lastQuarter(now: Date): { start: string; end: string } {
  const quarterStart = Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3 - 3, 1);
  const start = new Date(quarterStart);
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 0));
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}

/** Two published reports in the demo region (its city and first district), one question answered. Idempotent. */
export async function seedDemoChiefReports(db: Db, now: Date): Promise<void> {
  const existing = await db
    .selectFrom('portal_chief_reports')
    .select('id')
    .where('region_id', '=', DEMO_REGION)
    .limit(1)
    .executeTakeFirst();
  if (existing) return;
  const { districtId } = await firstDistrictAndBeat(db, DEMO_REGION);
  const period = lastQuarter(now);
  const published = new Date(now.getTime() - 7 * 24 * 3600_000);
  await db.transaction().execute(async (trx) => {
    for (const [area, content] of [
      [null, REGION_REPORT],
      [districtId, DISTRICT_REPORT],
    ] as const) {
      const id = await store.insertReport(trx, {
        regionId: DEMO_REGION,
        districtId: area,
        periodStart: period.start,
        periodEnd: period.end,
        content,
        now: published,
        by: null,
      });
      await store.setReportPublished(trx, id, published, null);
      if (area === null) continue;
      const text = 'Когда во дворах на нашей улице поставят освещение? Вечером там темно и страшно ходить.';
      const questionId = await store.insertQuestion(trx, {
        report_id: id,
        // A code nobody holds: the demo question is not followed by anyone.
        tracking_hash: createHash('sha256').update(randomBytes(16)).digest('hex'),
        display_name: 'Айгүл',
        text,
        text_hash: questionTextHash(text),
        language: 'ru',
        email_enc: null,
        flags: [],
        received_at: new Date(published.getTime() + 24 * 3600_000),
      });
      await store.setModerated(trx, questionId, {
        state: 'approved',
        now: new Date(published.getTime() + 2 * 24 * 3600_000),
        by: null,
        answer:
          'Спасибо за вопрос. Ваш двор включён в план акимата на следующий месяц; до тех пор участковый инспектор ' +
          'добавил его в маршрут вечернего патрулирования.',
      });
    }
  });
}
