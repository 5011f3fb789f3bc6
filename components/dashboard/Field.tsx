import { useId, type ReactNode } from 'react';

/**
 * A label beside its control rather than around it: a wrapping label would make a select's name
 * include its chosen option, so "Finding" would not name the finding filter exactly.
 */
export function Field({ label, children, className = 'field' }: { label: string; children: (id: string) => ReactNode; className?: string }) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
