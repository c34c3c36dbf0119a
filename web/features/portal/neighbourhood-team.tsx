import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import type { PublicTeam } from './neighbourhood-team-api.js';
import { formatDay, formatMeetingTime } from './neighbourhood-team-format.js';
import './neighbourhood-team.css';

type Member = PublicTeam['members'][number];

function Person({ member }: { member: Member }) {
  const { t } = useTranslation();
  return (
    <li className="team-member">
      {member.photoUrl ? (
        <img
          className="team-member__photo"
          src={member.photoUrl}
          alt={t('portal.team.photoAlt', { name: member.name })}
          width={120}
          height={120}
        />
      ) : (
        <span className="team-member__photo team-member__photo--none" aria-hidden="true" />
      )}
      <div className="team-member__text">
        <h3 className="team-member__name">{member.name}</h3>
        <p className="team-member__role">
          {t(`portal.team.positions.${member.position}`)}, {t(`portal.team.ranks.${member.rank}`)}
        </p>
        <dl className="team-member__details">
          {member.phone ? (
            <>
              <dt>{t('portal.team.phone')}</dt>
              <dd>
                <a href={`tel:${member.phone.replace(/[^+0-9]/g, '')}`}>{member.phone}</a>
              </dd>
            </>
          ) : null}
          {member.email ? (
            <>
              <dt>{t('portal.team.email')}</dt>
              <dd>
                <a href={`mailto:${member.email}`}>{member.email}</a>
              </dd>
            </>
          ) : null}
          {member.receptionPoint ? (
            <>
              <dt>{t('portal.team.receptionPoint')}</dt>
              <dd>{member.receptionPoint}</dd>
            </>
          ) : null}
          <dt>{t('portal.team.receptionHours')}</dt>
          <dd>
            {member.receptionHours.length === 0 ? (
              t('portal.team.noHours')
            ) : (
              <ul className="team-member__hours">
                {member.receptionHours.map((h) => (
                  <li key={`${h.day}-${h.from}`}>
                    {t('portal.team.hours', { day: t(`portal.team.days.${h.day}`), from: h.from, to: h.to })}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
        {member.bio ? <p>{member.bio}</p> : null}
      </div>
    </li>
  );
}

/** The neighbourhood page's team, priorities agreed with residents, and coming meetings. */
export function NeighbourhoodTeam({ team }: { team: PublicTeam }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <section aria-labelledby="n-team">
        <h2 id="n-team" className="portal-section-title">
          {t('portal.team.title')}
        </h2>
        {team.members.length === 0 ? (
          <p>{t('portal.team.none')}</p>
        ) : (
          <ul className="team-members" data-testid="team-members">
            {team.members.map((m) => (
              <Person key={m.id} member={m} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="n-priorities">
        <h2 id="n-priorities" className="portal-section-title">
          {t('portal.team.priorities.title')}
        </h2>
        <p>{t('portal.team.priorities.lead')}</p>
        {team.priorities.length === 0 ? (
          <p>{t('portal.team.priorities.none')}</p>
        ) : (
          <ul className="team-cards" data-testid="team-priorities">
            {team.priorities.map((p) => (
              <li key={p.id} className="team-card">
                <h3 className="team-card__title">{p.issue}</h3>
                <p className="field__hint">{t('portal.team.priorities.agreed', { date: formatDay(p.issueDate, language) })}</p>
                {p.action && p.actionDate ? (
                  <p>
                    <strong>{t('portal.team.priorities.done', { date: formatDay(p.actionDate, language) })}</strong> {p.action}
                  </p>
                ) : (
                  <p>{t('portal.team.priorities.pending')}</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="n-meetings">
        <h2 id="n-meetings" className="portal-section-title">
          {t('portal.team.meetings.title')}
        </h2>
        {team.meetings.length === 0 ? (
          <p>{t('portal.team.meetings.none')}</p>
        ) : (
          <ul className="team-cards" data-testid="team-meetings">
            {team.meetings.map((m) => {
              const when = formatMeetingTime(m.startsAt, m.endsAt, team.timeZone, language);
              return (
                <li key={m.id} className="team-card">
                  <h3 className="team-card__title">{m.title}</h3>
                  <p className="field__hint">{t(`portal.team.meetings.types.${m.type}`)}</p>
                  <p>
                    <time dateTime={m.startsAt}>{when.from}</time>–<time dateTime={m.endsAt}>{when.to}</time>
                  </p>
                  <p>{m.address}</p>
                  {m.description ? <p>{m.description}</p> : null}
                </li>
              );
            })}
          </ul>
        )}
        <p className="field__hint">{t('portal.team.meetings.localTime')}</p>
      </section>
    </>
  );
}
