import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '../i18n-context';
import { useHashRoute } from './hooks';
import { LATEST, navSection, routeHash, type Route, type ViewName } from './routes';
import { SnapshotsView } from './SnapshotsView';
import { RosterView } from './RosterView';
import { FindingsView } from './FindingsView';
import { SettingsView } from './SettingsView';
import { CompareView } from './CompareView';
import { JoinView } from './JoinView';
import { ExportView } from './ExportView';
import { DataView } from './DataView';
import { PageKey, ViewHeading } from './ViewHeading';

const NAV: { view: ViewName; label: MessageKey; route: Route }[] = [
  { view: 'snapshots', label: 'navAudits', route: { view: 'snapshots' } },
  { view: 'compare', label: 'navCompare', route: { view: 'compare' } },
  { view: 'join', label: 'navJoin', route: { view: 'join' } },
  { view: 'export', label: 'navExport', route: { view: 'export', snapshot: LATEST } },
  { view: 'settings', label: 'navSettings', route: { view: 'settings' } },
  { view: 'data', label: 'navData', route: { view: 'data' } },
];

function View({ route }: { route: Route }) {
  const { t } = useI18n();
  switch (route.view) {
    case 'snapshots':
      return <SnapshotsView />;
    case 'roster':
      return <RosterView key={`${route.snapshot}|${route.finding ?? ''}`} snapshotRef={route.snapshot} initialFinding={route.finding} />;
    case 'findings':
      return <FindingsView snapshotRef={route.snapshot} />;
    case 'settings':
      return <SettingsView key={route.domains ?? ''} proposed={route.domains} />;
    case 'compare':
      return <CompareView a={route.a} b={route.b} />;
    case 'join':
      return <JoinView />;
    case 'export':
      return <ExportView snapshotRef={route.snapshot} formatId={route.format} />;
    case 'data':
      return <DataView />;
    case 'not-found':
      return (
        <>
          <ViewHeading>{t('notFoundTitle')}</ViewHeading>
          <p>
            <a href={routeHash({ view: 'snapshots' })}>{t('navAudits')}</a>
          </p>
        </>
      );
  }
}

export function DashboardApp() {
  const { t } = useI18n();
  const route = useHashRoute();
  const section = navSection(route.view);
  // Focus follows the page, not its query: changing a format or a compared audit stays where the user is.
  const pageKey = `${route.view}|${'snapshot' in route ? route.snapshot : ''}`;

  return (
    <PageKey.Provider value={pageKey}>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // A plain `#main` would replace the route; move focus instead.
          event.preventDefault();
          (document.getElementById('view-heading') ?? document.getElementById('main'))?.focus();
        }}
      >
        {t('skipToContent')}
      </a>
      <div className="shell">
        <nav className="sidebar" aria-label={t('navLabel')}>
          <p className="brand">
            <span className="brand-mark" aria-hidden="true">
              RA
            </span>
            {t('appName')}
          </p>
          <ul>
            {NAV.map((item) => (
              <li key={item.view}>
                <a href={routeHash(item.route)} aria-current={section === item.view ? 'page' : undefined}>
                  {t(item.label)}
                </a>
              </li>
            ))}
          </ul>
          <p className="sidebar-note muted">{t('privacyNote')}</p>
        </nav>
        <main id="main" tabIndex={-1}>
          <View route={route} />
        </main>
      </div>
    </PageKey.Provider>
  );
}
