import { Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import { useLabels } from '../../lib/labels';
import type { InstrumentStatusView, InstrumentView } from './knowledge-api';
import { useKnowledgeLabels } from './knowledge-labels';

const STATUS_TEXT_COLOURS: Record<string, string> = {
  in_force: 'teal.9',
  ratified: 'teal.9',
  transposed: 'teal.9',
  signed: 'blue.9',
  not_signed: 'red.9',
  not_applicable: 'gray.8',
  unknown: 'gray.8',
};

/** The most telling date of a status: in force, else ratified, else signed. */
function keyDate(s: InstrumentStatusView): string | null {
  return s.inForceOn ?? s.ratifiedOn ?? s.signedOn;
}

interface StatusMatrixProps {
  instruments: InstrumentView[];
  countries: { value: string; label: string }[];
  /** Present for editors: a cell opens the country's status form. */
  onEdit?: (instrument: InstrumentView, country: string) => void;
}

/** Instruments × countries: the status in each country with its key date; "?" marks facts the country desk has to confirm. */
export function StatusMatrix({ instruments, countries, onEdit }: StatusMatrixProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const kb = useKnowledgeLabels();
  return (
    <DataTable columns={[t('knowledge.legal.instrument'), ...countries.map((c) => c.value)]} minWidth={260 + countries.length * 110} compact testId="status-matrix" className="victor-kb-matrix">
      {instruments.map((instrument) => (
        <Table.Tr key={instrument.id}>
          <Table.Th scope="row" style={{ whiteSpace: 'normal', minWidth: 220 }}>
            <Text size="sm" fw={600}>{instrument.shortTitle ?? instrument.title}</Text>
          </Table.Th>
          {countries.map((c) => {
            const status = instrument.statuses.find((s) => s.countryCode === c.value);
            const state = status?.status ?? 'unknown';
            const date = status ? keyDate(status) : null;
            const unsure = !status || status.needsReview;
            const label = `${c.label}: ${kb.label('instrumentStatus', state)}${date ? `, ${labels.date(date)}` : ''}${unsure ? ` — ${t('knowledge.legal.toConfirm')}` : ''}`;
            const content =
              state === 'unknown' ? (
                <Text size="xs" c="gray.7">
                  <span aria-hidden="true">{'?'}</span>
                  <span className="victor-visually-hidden">{`${kb.label('instrumentStatus', state)} (${t('knowledge.legal.toConfirm')})`}</span>
                </Text>
              ) : (
                <>
                  <Text size="xs" fw={600} c={STATUS_TEXT_COLOURS[state]}>
                    {kb.label('instrumentStatus', state)}
                    {unsure && <span aria-hidden="true">{' ?'}</span>}
                    {unsure && <span className="victor-visually-hidden">{` (${t('knowledge.legal.toConfirm')})`}</span>}
                  </Text>
                  {date && <Text size="xs">{labels.date(date)}</Text>}
                </>
              );
            return (
              <Table.Td key={c.value} data-testid={`cell-${instrument.slug}-${c.value}`}>
                <Tooltip label={label} withinPortal>
                  {onEdit && instrument.canEdit ? (
                    <UnstyledButton aria-label={t('knowledge.legal.setStatusFor', { label })} onClick={() => onEdit(instrument, c.value)}>
                      {content}
                    </UnstyledButton>
                  ) : (
                    <div>{content}</div>
                  )}
                </Tooltip>
              </Table.Td>
            );
          })}
        </Table.Tr>
      ))}
    </DataTable>
  );
}
