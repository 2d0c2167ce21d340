import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../lib/labels';
import { useReferralLabels } from './referral-labels';
import type { HandoffView } from './referrals-api';

/** The minimum dataset a hand-off carries, field by field (never names or addresses). */
export function HandoffDataset({ dataset }: { dataset: HandoffView['dataset'] }) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const format = useLabels();
  const rows: [string, string][] = [];
  if (dataset.ageBand) rows.push([t('referrals.dataset.ageBand'), labels.label('ageBand', dataset.ageBand)]);
  if (dataset.presumedMinor !== undefined) rows.push([t('referrals.dataset.presumedMinor'), dataset.presumedMinor ? t('referrals.consent.yes') : t('referrals.consent.no')]);
  if (dataset.gender !== undefined) rows.push([t('referrals.dataset.gender'), labels.gender(dataset.gender)]);
  if (dataset.nationality !== undefined) rows.push([t('referrals.dataset.nationality'), dataset.nationality ? format.country(dataset.nationality) : '—']);
  if (dataset.languages) rows.push([t('referrals.dataset.languages'), dataset.languages.map((l) => l.toUpperCase()).join(', ') || '—']);
  if (dataset.formsOfExploitation) rows.push([t('referrals.dataset.forms'), dataset.formsOfExploitation.map((f) => labels.label('forms', f)).join(', ') || '—']);
  if (dataset.concernLevel !== undefined) rows.push([t('referrals.dataset.concern'), dataset.concernLevel ? labels.label('concern', dataset.concernLevel) : '—']);
  if (dataset.urgency) rows.push([t('referrals.fields.urgency'), labels.label('urgency', dataset.urgency)]);
  return (
    <div data-testid="handoff-dataset">
      <List size="sm" spacing={2}>
        {rows.map(([label, value]) => (
          <List.Item key={label}>
            <Text span size="sm" fw={600}>
              {label}:
            </Text>{' '}
            {value}
          </List.Item>
        ))}
      </List>
      {dataset.summary && (
        <Text size="sm" mt={6} style={{ whiteSpace: 'pre-wrap' }}>
          <Text span size="sm" fw={600}>
            {t('referrals.dataset.summary')}:
          </Text>{' '}
          {dataset.summary}
        </Text>
      )}
    </div>
  );
}
