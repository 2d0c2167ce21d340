import type { KpiView } from '../../../../api/helpline.schemas';
import { apiGet, queryString } from '../../../api/client';

export type { KpiView };

/** The period presets of the KPI page. */
export const PERIODS = ['today', 'last7', 'last30', 'custom'] as const;
export type Period = (typeof PERIODS)[number];

/** A time range, as ISO instants. */
export interface Range {
  from: string;
  to: string;
}

function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

/** Local midnight of a YYYY-MM-DD date, or null when it is not a date. */
function parseDay(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** YYYY-MM-DD of a date in local time (the value of a date input). */
export function dayValue(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/**
 * The range of a preset, in the browser's time zone: today so far, or the last 7 / 30 days including
 * today. A custom range runs from the start of `fromDay` to the end of `toDay`; null when invalid.
 */
export function rangeOf(period: Period, now: Date, fromDay: string, toDay: string): Range | null {
  const today = startOfDay(now);
  const tomorrow = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1);
  if (period === 'today') return { from: today.toISOString(), to: tomorrow.toISOString() };
  if (period === 'last7' || period === 'last30') {
    const days = period === 'last7' ? 7 : 30;
    const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1));
    return { from: from.toISOString(), to: tomorrow.toISOString() };
  }
  const from = parseDay(fromDay);
  const to = parseDay(toDay);
  if (!from || !to || to < from) return null;
  const end = new Date(to.getFullYear(), to.getMonth(), to.getDate() + 1);
  return { from: from.toISOString(), to: end.toISOString() };
}

/** Path of the KPIs for a range, optionally of one desk. */
export function kpisPath(range: Range, organisationId: string | null): string {
  return `/api/helpline/kpis${queryString({ from: range.from, to: range.to, organisationId })}`;
}

/** Typed calls of the KPI endpoint. */
export const kpisApi = {
  kpis: (range: Range, organisationId: string | null) => apiGet<KpiView>(kpisPath(range, organisationId)),
};
