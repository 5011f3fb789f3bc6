import { runDbBench } from './db.bench-page';
import { runLibraryGridBench } from './library-grid.bench-page';
import { runScanBench } from './scan.bench-page';

// The runner loads this bundle into a real Chromium page and calls these.
Object.assign(globalThis, { rosterAuditBench: { runDbBench, runLibraryGridBench, runScanBench } });
