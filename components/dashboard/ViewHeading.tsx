import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';

/** Which page is shown; a view's heading takes focus when it changes, so keyboard and screen reader users land on it. */
export const PageKey = createContext('');

/** The main heading of a view: focused on route change. */
export function ViewHeading({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  const pageKey = useContext(PageKey);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, [pageKey]);
  return (
    <header className="view-header">
      <h1 id="view-heading" tabIndex={-1} ref={ref}>
        {children}
      </h1>
      {actions && <div className="view-actions">{actions}</div>}
    </header>
  );
}
