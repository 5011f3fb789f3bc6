import type { Problem } from '@/lib/problem';
import { technicalDetail } from '@/lib/problem-text';
import { useI18n } from './i18n-context';

/**
 * The technical detail of a failure (an unexpected error's exception, the browser's own text, in
 * English as it was written), collapsed under "details": never the message itself. Given a problem,
 * its detail when its sentence does not say it.
 */
export function ProblemDetail({ problem, detail }: { problem?: Problem | undefined; detail?: string | undefined }) {
  const { t } = useI18n();
  const shown = detail ?? (problem && technicalDetail(problem));
  if (!shown) return null;
  return (
    <details className="problem-detail small muted">
      <summary>{t('problemDetail')}</summary>
      <code>{shown}</code>
    </details>
  );
}
