import type { ReactNode } from 'react';
import { Paper, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The filters above a list: a region named "Filters" for screen readers, `columns` fields a row on wider screens. */
export function FilterPanel({ columns, children }: { columns: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('common.filters')}>
      <SimpleGrid cols={{ base: 1, sm: columns }} spacing="sm">
        {children}
      </SimpleGrid>
    </Paper>
  );
}
