import { useMemo, useState } from 'react';
import { Accordion, Badge, Box, Button, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TaxonomyModule } from '../../../../domain/helpline/taxonomy';
import { LANGUAGE_NAMES } from '../../../i18n';
import { LOCALES } from '../../../lib/enums';
import type { TaxonomyCodeView } from './taxonomy-api';
import { pickLabel } from '../../helpline/use-helpline-reference';

/** A colour per module, used for its badge. */
export const MODULE_COLOURS: Record<TaxonomyModule, string> = { chi: 'blue', thb: 'red', missing: 'orange', non_counselling: 'teal', non_data: 'gray' };

function byOrder(a: TaxonomyCodeView, b: TaxonomyCodeView): number {
  return a.sort - b.sort || a.code.localeCompare(b.code);
}

/** The label of a code in `language`, else in English, else the code. */
export function codeLabel(code: TaxonomyCodeView, language: string): string {
  return pickLabel(code.labels, language, code.code);
}

interface TreeProps {
  codes: readonly TaxonomyCodeView[];
  /** True when the viewed version is the draft (codes can be changed). */
  editable: boolean;
  canEdit: (code: TaxonomyCodeView) => boolean;
  canAddLocal: boolean;
  onEdit: (code: TaxonomyCodeView) => void;
  onAddLocal: (mapsTo: TaxonomyCodeView) => void;
}

/** Which languages a code has a label in: filled badges, outlined for the missing ones. */
function LanguageBadges({ code }: { code: TaxonomyCodeView }) {
  const { t } = useTranslation();
  return (
    <Group gap={2} role="group" aria-label={t('taxonomy.languagesPresent', { languages: LOCALES.filter((l) => code.labels[l]).join(', ') })}>
      {LOCALES.map((locale) => (
        <Tooltip key={locale} label={code.labels[locale] ? `${LANGUAGE_NAMES[locale]}: ${code.labels[locale]}` : t('taxonomy.missingLabel', { language: LANGUAGE_NAMES[locale] })}>
          <Badge size="xs" radius="sm" tt="lowercase" variant={code.labels[locale] ? 'light' : 'outline'} color={code.labels[locale] ? 'blue' : 'gray'} c="dark.9" aria-hidden="true">
            {locale}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}

/** One code: code, label, badges, and the buttons the reader may use. */
function CodeRow({ code, depth, props }: { code: TaxonomyCodeView; depth: number; props: TreeProps }) {
  const { t, i18n } = useTranslation();
  const isLocal = code.countryCode !== null;
  return (
    <Group
      justify="space-between"
      wrap="wrap"
      gap="xs"
      py={6}
      pl={depth * 24}
      data-code={code.code}
      style={{ borderTop: '1px solid var(--mantine-color-gray-2)', opacity: code.active ? 1 : 0.65 }}
    >
      <Stack gap={2} style={{ flex: '1 1 320px' }}>
        <Group gap="xs" wrap="wrap">
          {isLocal && (
            <Badge color="grape" variant="filled" size="sm" data-testid="local-badge">
              {t('taxonomy.localOf', { country: code.countryCode })}
            </Badge>
          )}
          <Text size="sm" ff="monospace" fw={600}>
            {code.code}
          </Text>
          {!code.active && (
            <Badge color="gray" variant="outline" c="dark.9" size="sm">
              {t('taxonomy.inactive')}
            </Badge>
          )}
        </Group>
        <Text size="sm">{codeLabel(code, i18n.language)}</Text>
        <LanguageBadges code={code} />
      </Stack>
      {props.editable && (
        <Group gap="xs">
          {!isLocal && depth > 0 && props.canAddLocal && (
            <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} aria-hidden="true" />} onClick={() => props.onAddLocal(code)} aria-label={t('taxonomy.addLocalFor', { code: code.code })}>
              {t('taxonomy.addLocal')}
            </Button>
          )}
          {props.canEdit(code) && (
            <Button size="compact-sm" variant="default" leftSection={<IconPencil size={14} aria-hidden="true" />} onClick={() => props.onEdit(code)} aria-label={t('taxonomy.editCode', { code: code.code })}>
              {t('common.edit')}
            </Button>
          )}
        </Group>
      )}
    </Group>
  );
}

/** The codes of a version as groups → codes → the countries' local sub-codes, with a filter. */
export function TaxonomyTree(props: TreeProps) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState('');
  const [opened, setOpened] = useState<string[]>([]);
  const { codes } = props;

  const tree = useMemo(() => {
    const regional = codes.filter((c) => c.countryCode === null);
    const groups = regional.filter((c) => c.parentCode === null).sort(byOrder);
    const childrenOf = (code: string) => regional.filter((c) => c.parentCode === code).sort(byOrder);
    const localsOf = (code: string) => codes.filter((c) => c.countryCode !== null && c.mapsTo === code).sort(byOrder);
    return groups.map((group) => ({ group, children: childrenOf(group.code).map((child) => ({ code: child, locals: localsOf(child.code) })), locals: localsOf(group.code) }));
  }, [codes]);

  const needle = filter.trim().toLowerCase();
  const matches = (c: TaxonomyCodeView) => !needle || c.code.toLowerCase().includes(needle) || Object.values(c.labels).some((l) => l.toLowerCase().includes(needle));
  const visible = tree
    .map((g) => ({
      ...g,
      children: g.children.filter((child) => matches(g.group) || matches(child.code) || child.locals.some(matches)),
    }))
    .filter((g) => matches(g.group) || g.children.length > 0 || g.locals.some(matches));

  return (
    <Stack gap="sm">
      <TextInput
        label={t('taxonomy.filter')}
        placeholder={t('taxonomy.filterHint')}
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
        maw={420}
      />
      {visible.length === 0 && <Text c="dimmed">{t('common.nothingFound')}</Text>}
      <Accordion multiple variant="separated" value={needle ? visible.map((g) => g.group.code) : opened} onChange={setOpened} data-testid="taxonomy-tree">
        {visible.map(({ group, children, locals }) => (
          <Accordion.Item key={group.code} value={group.code} data-group={group.code}>
            <Accordion.Control>
              <Group gap="sm" wrap="wrap">
                <Text fw={700}>{codeLabel(group, i18n.language)}</Text>
                <Text size="sm" ff="monospace" c="dimmed">
                  {group.code}
                </Text>
                <Badge color={MODULE_COLOURS[group.module]} variant="light" c="dark.9" size="sm">
                  {t(`taxonomy.modules.${group.module}`)}
                </Badge>
                <Text size="sm" c="dimmed">
                  {t('taxonomy.codeCount', { n: children.length })}
                </Text>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Box>
                <CodeRow code={group} depth={0} props={props} />
                {locals.map((local) => (
                  <CodeRow key={local.code} code={local} depth={1} props={props} />
                ))}
                {children.map(({ code, locals: childLocals }) => (
                  <Box key={code.code}>
                    <CodeRow code={code} depth={1} props={props} />
                    {childLocals.map((local) => (
                      <CodeRow key={local.code} code={local} depth={2} props={props} />
                    ))}
                  </Box>
                ))}
              </Box>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}
