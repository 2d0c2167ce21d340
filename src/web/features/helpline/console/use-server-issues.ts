import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiIssue } from '../../../api/client';
import type { FieldErrors } from './code-select';

/** Fields whose missing value has a translated message (console.issues.<field>). */
const TRANSLATED = new Set(['language', 'callerType', 'callerSector', 'categories', 'actionsTaken', 'outcome', 'callbackPhone', 'nonDataType', 'caseId', 'endedAt']);

/**
 * The problems the server found when finishing, by field: the server's (English) wording in English,
 * a translated message for the usual fields in other languages. Editing a field clears its problem.
 */
export function useServerIssues() {
  const { t, i18n } = useTranslation();
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const english = (i18n.resolvedLanguage ?? 'en') === 'en';

  const errors = useMemo<FieldErrors>(() => {
    const out: Record<string, string[]> = {};
    for (const issue of issues) {
      const field = issue.path.split('.')[0] || 'form';
      const text = !english && TRANSLATED.has(field) ? t(`console.issues.${field}`) : issue.message;
      out[field] = [...new Set([...(out[field] ?? []), text])];
    }
    return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.join(' · ')]));
  }, [issues, t, english]);

  const clearFor = useCallback((fields: string[]) => {
    setIssues((current) => {
      const next = current.filter((issue) => !fields.includes(issue.path.split('.')[0] ?? ''));
      return next.length === current.length ? current : next;
    });
  }, []);

  return { issues, setIssues, errors, clearFor };
}
