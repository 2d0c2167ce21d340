import { Children, type ReactNode } from 'react';
import { Table, Text, type TableProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface DataTableProps extends Omit<TableProps, 'children'> {
  /** The column headings, in order. */
  columns: readonly string[];
  /** Adds a last column for row buttons, whose heading only screen readers hear. */
  actions?: boolean;
  /** Below this width (in pixels) the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  /** `data-testid` of the table. */
  testId?: string;
  /** Shown in one row across the table when `children` renders no rows; without it, an empty body. */
  emptyText?: string;
  /** Marks the table as being updated (`aria-busy`), e.g. while a new page of rows loads. */
  busy?: boolean;
  /** Tighter rows, for a short table inside a section or dialog rather than a whole page's list. */
  compact?: boolean;
  /** The body rows (`Table.Tr`). */
  children?: ReactNode;
}

/**
 * A list shown as a table: headings, an optional actions column, a row saying the list is empty,
 * and sideways scrolling on narrow screens. Striped and bordered; other `Table` props pass through.
 */
export function DataTable({ columns, actions = false, minWidth, testId, emptyText, busy, compact = false, children, ...tableProps }: DataTableProps) {
  const { t } = useTranslation();
  const empty = Children.toArray(children).length === 0;
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped withTableBorder verticalSpacing={compact ? undefined : 'sm'} {...tableProps} aria-busy={busy} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column, index) => (
              <Table.Th key={index}>{column}</Table.Th>
            ))}
            {actions && (
              <Table.Th>
                <span className="victor-visually-hidden">{t('common.actions')}</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {empty && emptyText !== undefined && (
            <Table.Tr>
              <Table.Td colSpan={columns.length + (actions ? 1 : 0)}>
                <Text size="sm" py="md" ta="center">
                  {emptyText}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {children}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
