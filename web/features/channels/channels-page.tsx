import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../common/roles.js';
import { Link, navigate, usePath } from '../../src/router.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { useMe } from '../auth/session.js';
import { DevicesPanel } from './devices-panel.js';
import { SosAlertsPanel } from './sos-alerts-panel.js';
import './channels.css';

/**
 * The parts of the section, and who may open each (the server checks the same roles). Devices
 * are managed by administrators of a district or wider (`deviceAdmins` on the server).
 */
const TABS = [
  { id: 'alerts', roles: ['operator', 'supervisor'], beatLevel: true },
  { id: 'buttons', roles: ['admin'], beatLevel: false },
  { id: 'cameras', roles: ['admin'], beatLevel: false },
] as const satisfies readonly { id: string; roles: readonly Role[]; beatLevel: boolean }[];

type Tab = (typeof TABS)[number]['id'];

/**
 * The channels section: the control centre's SOS alerts, and for administrators the SOS buttons
 * and cameras that feed the queue. Each part has its own path (/channels/buttons …).
 */
export function ChannelsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const path = usePath();
  const allowed = TABS.filter(
    (tab) =>
      tab.roles.some((role) => (me.roles as readonly string[]).includes(role)) &&
      (tab.beatLevel || me.jurisdiction.level !== 'beat'),
  );
  const requested = path.split('/')[2];
  const current = allowed.find((tab) => tab.id === requested) ?? allowed[0];

  useEffect(() => {
    if (current && requested !== current.id) navigate(`/channels/${current.id}`, { replace: true });
  }, [current, requested]);

  const title = t('sections.channels');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {allowed.length > 1 ? (
        <nav className="channels-tabs" aria-label={t('channels.tabsLabel')}>
          <ul className="channels-tabs__list">
            {allowed.map((tab) => (
              <li key={tab.id}>
                <Link
                  to={`/channels/${tab.id}`}
                  className="channels-tabs__link"
                  aria-current={tab.id === current?.id ? 'page' : undefined}
                >
                  {t(`channels.tabs.${tab.id}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {current ? <TabContent key={current.id} tab={current.id} /> : <p>{t('channels.districtAdminsOnly')}</p>}
    </>
  );
}

function TabContent({ tab }: { tab: Tab }) {
  switch (tab) {
    case 'alerts':
      return <SosAlertsPanel />;
    case 'buttons':
      return <DevicesPanel kind="sos-button" />;
    case 'cameras':
      return <DevicesPanel kind="camera" />;
  }
}
