import type { ConsoleProfile } from './profile';
import type { ConsoleId, MemberRowInput } from '../model';
import { ROWS_ARE_OUTSIDERS } from '../outsider-consoles';
import type { TenantCues } from '../tenant-cues';
import { findAddress } from './address';
import { cleanText } from './text';

/**
 * The page's frame around the roster, where consoles show who is signed in and to which tenant:
 * a header, a banner, a top bar or a global navigation bar.
 */
const FRAME = 'header, [role=banner], [class*=header], [class*=Header], [class*=topBar], [class*=topbar], [class*=TopBar], [class*=gnb], [class*=GNB]';
/** Where a frame names the tenant when the profile does not say. */
const TENANT_IN_FRAME = '[data-tenant], [class*=tenant], [class*=Tenant]';
/** A frame that holds a list's rows or column heads is part of the roster, not the page's frame. */
const ROSTER_PARTS = 'table, thead, tr, th, [role=grid], [role=row], [role=columnheader], li, [role=listitem]';
/** Longer than any header: a "frame" with this much text is a layout wrapper around the roster. */
const MAX_FRAME_TEXT = 400;

function frames(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll(FRAME)).filter(
    (element) => !element.closest(ROSTER_PARTS) && element.querySelector(ROSTER_PARTS) === null && (element.textContent ?? '').length <= MAX_FRAME_TEXT,
  );
}

/** An address in the element's text, or in a title, label or mailto link inside it (an account icon). */
function addressIn(element: Element): string {
  // Text node by text node: the address must not run into the logo beside it (`LINE WORKSadmin@…`).
  const walker = element.ownerDocument.createTreeWalker(element, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const shown = findAddress(cleanText(node.nodeValue));
    if (shown) return shown;
  }
  for (const inner of Array.from(element.querySelectorAll('[title], [aria-label], a[href^="mailto:"]'))) {
    const found =
      findAddress(inner.getAttribute('title') ?? '') || findAddress(inner.getAttribute('aria-label') ?? '') || findAddress(inner.getAttribute('href') ?? '');
    if (found) return found;
  }
  return '';
}

/** A name that reads as a domain (`examplecorp.co.jp`), not as a company name. */
function asDomain(text: string): string | undefined {
  const trimmed = text.trim().toLowerCase();
  return /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u.test(trimmed) ? trimmed : undefined;
}

/** Reads the page's frame for the signed-in admin's address, the tenant's name and its domain. */
export function readTenantCues(doc: Document, profile: ConsoleProfile): TenantCues {
  const cues: TenantCues = {};
  const around = frames(doc);
  const named = profile.tenantSelector
    ? doc.querySelector(profile.tenantSelector)
    : around.map((frame) => frame.querySelector(TENANT_IN_FRAME)).find((found) => found);
  const tenantName = cleanText(named?.getAttribute('data-tenant') || named?.textContent).slice(0, 253);
  if (tenantName) cues.tenantName = tenantName;
  const domain = named?.getAttribute('data-tenant-domain') ?? named?.getAttribute('data-domain') ?? undefined;
  const tenantDomain = (domain && asDomain(domain)) ?? asDomain(tenantName);
  if (tenantDomain) cues.tenantDomain = tenantDomain.slice(0, 253);
  for (const frame of around) {
    const address = addressIn(frame);
    if (address) {
      cues.adminAddress = address.slice(0, 320);
      break;
    }
  }
  return cues;
}

function domainOf(address: string): string {
  return address
    .slice(address.search(/[@＠]/) + 1)
    .normalize('NFKC')
    .toLowerCase();
}

/**
 * The tenant: as the page names it, else the domain of the signed-in admin, else the most common
 * domain among the rows (not on a contacts roster, whose rows are other tenants), else the host.
 */
export function chooseTenant(cues: TenantCues, console: ConsoleId, rows: readonly MemberRowInput[], url: string): string {
  if (cues.tenantName) return cues.tenantName;
  if (cues.tenantDomain) return cues.tenantDomain;
  if (cues.adminAddress) return domainOf(cues.adminAddress).slice(0, 253);
  if (!ROWS_ARE_OUTSIDERS.includes(console)) {
    const tally = new Map<string, number>();
    for (const row of rows) {
      const address = findAddress(row.email || row.identifier || '');
      const domain = address ? domainOf(address) : '';
      if (domain) tally.set(domain, (tally.get(domain) ?? 0) + 1);
    }
    const common = [...tally].sort((a, b) => b[1] - a[1])[0];
    if (common) return common[0].slice(0, 253);
  }
  try {
    return new URL(url).hostname || 'unknown';
  } catch {
    return 'unknown';
  }
}
