import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Problems the server named, by field (path of the API's issues). */
export type FieldErrors = Partial<Record<string, string>>;

/**
 * A keyboard-friendly Select of coded values: type to filter, Enter takes the first match, Escape
 * closes; the value is cleared with the clear button or by deleting the text.
 */
export function CodeSelect({ value, onChange, ...props }: Omit<SelectProps, 'onChange'> & { onChange: (value: string | null) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      searchable
      clearable
      selectFirstOptionOnChange
      allowDeselect={false}
      nothingFoundMessage={t('common.nothingFound')}
      clearButtonProps={{ 'aria-label': t('console.clearField', { field: typeof props.label === 'string' ? props.label : '' }) }}
      comboboxProps={{ withinPortal: true }}
      value={value ?? null}
      onChange={(next) => onChange(next)}
      {...props}
    />
  );
}
