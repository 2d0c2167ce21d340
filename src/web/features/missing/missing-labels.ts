import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FOUND_CONDITIONS, FOUND_OUTCOMES, MISSING_CLOSE_REASONS, MISSING_STATUSES, MISSING_TYPES } from '../../../domain/missing/missing-workflow';

const LISTS = { type: MISSING_TYPES, status: MISSING_STATUSES, outcome: FOUND_OUTCOMES, condition: FOUND_CONDITIONS, closeReason: MISSING_CLOSE_REASONS } as const;
export type MissingList = keyof typeof LISTS;

/** Translated names of the missing-child enumerations and select options. */
export function useMissingLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      label: (list: MissingList, value: string) => t(`missing.${list}.${value}`),
      options: (list: MissingList) => LISTS[list].map((value) => ({ value, label: t(`missing.${list}.${value}`) })),
      unit: (u: 'm' | 'h' | 'd', n: number) => t(`missing.units.${u}`, { count: n }),
    }),
    [t],
  );
}
