/**
 * Items a person would click to open: the rows of a master-detail list. Such a list may show no
 * address at all (a contact's name, badge and company), so it is found by being clickable and
 * repeated, never by its words; page furniture (navigation, tabs, menus, pagers) is left out.
 */
const ITEM_ROLES = new Set(['button', 'link', 'listitem', 'option', 'row', 'treeitem']);
/** Controls are never items of a list of people. */
const CONTROLS = new Set(['BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'OPTION', 'LABEL']);
const FURNITURE =
  'nav, header, footer, [role=navigation], [role=tablist], [role=menu], [role=menubar], [role=toolbar], [role=banner], [class*=pagination], [class*=Pagination], [class*=pager], [class*=breadcrumb]';

export function isClickableItem(element: Element): boolean {
  if (CONTROLS.has(element.tagName) || !hasSiblingOfTag(element)) return false;
  const role = element.getAttribute('role');
  if (role && ITEM_ROLES.has(role)) return true;
  if ((element.tagName === 'A' && element.hasAttribute('href')) || element.hasAttribute('onclick') || element.getAttribute('tabindex') === '0') return true;
  // Script frameworks attach click handlers out of sight; the pointer cursor is what they show.
  const view = element.ownerDocument.defaultView;
  return !!view && view.getComputedStyle(element).cursor === 'pointer';
}

/** Navigation, tabs, menus and pagers: clickable and repeated, but never a roster. */
export function isPageFurniture(element: Element): boolean {
  return element.closest(FURNITURE) !== null;
}

function hasSiblingOfTag(element: Element): boolean {
  const tag = element.tagName;
  return element.previousElementSibling?.tagName === tag || element.nextElementSibling?.tagName === tag;
}
