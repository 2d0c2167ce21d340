import { useMemo } from 'react';
import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TaxonomyView } from '../../../api/taxonomy.schemas';
import { currentLocale } from '../../i18n';
import { useApiQuery } from '../../lib/use-api-query';

/**
 * Taxonomy codes an article is linked to (the console suggests it while these categories are logged):
 * the active codes of the published taxonomy, grouped by their top-level group, searchable by code or label.
 */
export function TaxonomyCodePicker({ value, onChange, error }: { value: string[]; onChange: (codes: string[]) => void; error?: string }) {
  const { t } = useTranslation();
  const taxonomy = useApiQuery<TaxonomyView>('/api/taxonomy');
  const lang = currentLocale();
  const data = useMemo(() => {
    const codes = (taxonomy.data?.codes ?? []).filter((c) => c.active);
    const parents = new Set(codes.map((c) => c.parentCode).filter((p): p is string => p !== null));
    const byCode = new Map(codes.map((c) => [c.code, c]));
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const code of codes) {
      if (code.parentCode === null && parents.has(code.code)) continue;
      const top = code.code.split('.')[0] ?? code.code;
      const topCode = byCode.get(top);
      const group = topCode ? (topCode.labels[lang] ?? topCode.labels.en ?? top) : top;
      const label = `${code.labels[lang] ?? code.labels.en ?? code.code} (${code.code})`;
      groups.set(group, [...(groups.get(group) ?? []), { value: code.code, label }]);
    }
    // Codes already linked stay visible even if the taxonomy no longer has them.
    const known = new Set(codes.map((c) => c.code));
    const orphans = value.filter((v) => !known.has(v)).map((v) => ({ value: v, label: v }));
    return [...[...groups].map(([group, items]) => ({ group, items })), ...(orphans.length ? [{ group: '—', items: orphans }] : [])];
  }, [taxonomy.data, lang, value]);
  return (
    <MultiSelect
      label={t('knowledge.fields.taxonomyCodes')}
      description={t('knowledge.fields.taxonomyCodesHint')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      hidePickedOptions
      maxValues={50}
      nothingFoundMessage={t('common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      error={error}
      data-testid="taxonomy-codes"
    />
  );
}
