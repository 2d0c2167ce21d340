import { Badge, Chip, Group, MultiSelect, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CategoryGroup } from '../use-helpline-reference';

interface CategoryPickerProps {
  groups: CategoryGroup[];
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
}

/**
 * The contact's categories: the trafficking (THB) codes as toggles on top, every category in a
 * searchable list grouped by taxonomy group below (type, then Enter).
 */
export function CategoryPicker({ groups, value, onChange, error }: CategoryPickerProps) {
  const { t } = useTranslation();
  const thb = groups.filter((g) => g.module === 'thb');
  const data = groups.map((g) => ({ group: g.label, items: g.items }));
  return (
    <Stack gap="md">
      <MultiSelect
        label={t('contactFields.labels.categories')}
        description={t('console.categoriesHint')}
        data={data}
        value={value}
        onChange={onChange}
        searchable
        clearable
        selectFirstOptionOnChange
        hidePickedOptions
        maxValues={20}
        nothingFoundMessage={t('common.nothingFound')}
        clearButtonProps={{ 'aria-label': t('console.clearField', { field: t('contactFields.labels.categories') }) }}
        comboboxProps={{ withinPortal: true }}
        error={error}
        withAsterisk
        data-autofocus
      />
      {thb.map((group) => (
        <Paper key={group.code} withBorder p="sm" radius="md" bg="red.0" component="fieldset" style={{ margin: 0 }}>
          <Group gap="xs" mb="xs" component="legend" style={{ padding: 0 }}>
            <Badge color="red.9" variant="filled">
              {t('console.thb')}
            </Badge>
            <Text size="sm" fw={600} span>
              {group.label}
            </Text>
          </Group>
          <Chip.Group multiple value={value} onChange={onChange}>
            <Group gap="xs">
              {group.items.map((item) => (
                <Chip key={item.value} value={item.value} color="red.9" variant="outline" size="sm">
                  {item.label}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Paper>
      ))}
    </Stack>
  );
}
