import { useEffect } from 'react';
import { Paper, Tabs, Text, Textarea } from '@mantine/core';
import { IconAlertCircle, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../domain/helpline/contact-fields';
import type { CategoryGroup } from '../use-helpline-reference';
import { CallerTab } from './caller-tab';
import { CategoryPicker } from './category-picker';
import { ActionsTab, ChildTab, InformationTab, OutcomeTab } from './coded-tabs';
import type { FieldErrors } from './code-select';
import type { DraftFields } from './draft-storage';

export const TABS = ['caller', 'child', 'categories', 'information', 'actions', 'outcome'] as const;
export type TabKey = (typeof TABS)[number];

const TAB_OF_FIELD: Record<string, TabKey> = {
  channel: 'caller',
  direction: 'caller',
  language: 'caller',
  callerType: 'caller',
  callerSector: 'caller',
  callerAgeBand: 'caller',
  callerGender: 'caller',
  region: 'caller',
  callerId: 'caller',
  consentCallback: 'caller',
  consentConfidentiality: 'caller',
  callbackPhone: 'caller',
  startedAt: 'caller',
  childAgeBand: 'child',
  childGender: 'child',
  caseId: 'child',
  categories: 'categories',
  informationGiven: 'information',
  actionsTaken: 'actions',
  outcome: 'outcome',
  nonDataType: 'outcome',
  endedAt: 'outcome',
};

/** The tab that shows a field (notes are outside the tabs: null). */
export function tabOfField(path: string): TabKey | null {
  return TAB_OF_FIELD[path.split('.')[0] ?? ''] ?? null;
}

/** The id of a tab's panel (Mantine derives it from the Tabs id). */
export function panelId(tab: TabKey): string {
  return `contact-tabs-panel-${tab}`;
}

interface ContactFormProps {
  fields: DraftFields;
  update: (patch: Partial<DraftFields>) => void;
  errors: FieldErrors;
  tab: TabKey;
  onTabChange: (tab: TabKey) => void;
  categoryGroups: CategoryGroup[];
  /** Each change moves the focus to the first field of the current tab (after Alt+N, Alt+1…6, errors). */
  focusTick: number;
}

/** The tabs of a contact (Alt+1…6) and its notes, always in view. */
export function ContactForm({ fields, update, errors, tab, onTabChange, categoryGroups, focusTick }: ContactFormProps) {
  const { t } = useTranslation();
  useEffect(() => {
    if (focusTick === 0) return;
    const panel = document.getElementById(panelId(tab));
    panel?.querySelector<HTMLElement>('[data-autofocus], input:not([type=hidden]):not([disabled]), textarea, button:not([disabled])')?.focus();
    // Only a new request moves the focus, not a tab picked with the mouse.
  }, [focusTick]);
  const tabErrors = new Set(Object.keys(errors).map(tabOfField));
  const props = { fields, update, errors };
  return (
    <>
      <Paper withBorder radius="md" p="md">
        <Tabs id="contact-tabs" value={tab} onChange={(value) => value && onTabChange(value as TabKey)} keepMounted={false}>
          <Tabs.List mb="md">
            {TABS.map((key, index) => (
              <Tabs.Tab
                key={key}
                value={key}
                aria-keyshortcuts={`Alt+${index + 1}`}
                color={tabErrors.has(key) ? 'red' : undefined}
                rightSection={tabErrors.has(key) ? <IconAlertCircle size={16} color="var(--mantine-color-red-9)" aria-label={t('console.tabHasErrors')} role="img" /> : undefined}
                data-error={tabErrors.has(key) || undefined}
              >
                {t(`console.tabs.${key}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="caller">
            <CallerTab {...props} />
          </Tabs.Panel>
          <Tabs.Panel value="child">
            <ChildTab {...props} />
          </Tabs.Panel>
          <Tabs.Panel value="categories">
            <CategoryPicker groups={categoryGroups} value={fields.categories} onChange={(categories) => update({ categories })} error={errors.categories} />
          </Tabs.Panel>
          <Tabs.Panel value="information">
            <InformationTab {...props} />
          </Tabs.Panel>
          <Tabs.Panel value="actions">
            <ActionsTab {...props} />
          </Tabs.Panel>
          <Tabs.Panel value="outcome">
            <OutcomeTab {...props} />
          </Tabs.Panel>
        </Tabs>
      </Paper>
      <Textarea
        label={t('contactFields.labels.notes')}
        description={
          <Text span size="xs" c="dimmed">
            <IconLock size={12} aria-hidden="true" /> {t('console.notesHint')}
          </Text>
        }
        value={fields.notes ?? ''}
        onChange={(event) => update({ notes: event.currentTarget.value })}
        maxLength={LIMITS.notes}
        autosize
        minRows={4}
        maxRows={14}
        error={errors.notes}
      />
    </>
  );
}
