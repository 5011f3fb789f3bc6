import { lazy, Suspense } from 'react';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '../i18n-context';
import { useHashRoute } from './hooks';
import { LATEST, navSection, routeHash, type Route, type ViewName } from './routes';
import { PageKey, ViewHeading } from './ViewHeading';

// Each view is its own chunk, loaded when its route is first shown: the roster's first rows do not
// wait for the compare, export or settings code (nor the file formats they carry) to be parsed and run.
const SnapshotsView = lazy(() => import('./SnapshotsView').then((m) => ({ default: m.SnapshotsView })));
const RosterView = lazy(() => import('./RosterView').then((m) => ({ default: m.RosterView })));
const FindingsView = lazy(() => import('./FindingsView').then((m) => ({ default: m.FindingsView })));
const SettingsView = lazy(() => import('./SettingsView').then((m) => ({ default: m.SettingsView })));
const CompareView = lazy(() => import('./CompareView').then((m) => ({ default: m.CompareView })));
const JoinView = lazy(() => import('./JoinView').then((m) => ({ default: m.JoinView })));
const ExportView = lazy(() => import('./ExportView').then((m) => ({ default: m.ExportView })));
const DataView = lazy(() => import('./DataView').then((m) => ({ default: m.DataView })));

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
          <Suspense fallback={<p className="muted">{t('loading')}</p>}>
            <View route={route} />
          </Suspense>
        </main>
      </div>
    </PageKey.Provider>
  );
}
