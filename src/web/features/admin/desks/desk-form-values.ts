import { randomId } from '@mantine/hooks';
import type { TFunction } from 'i18next';
import { isTimeZone, WEEKDAYS, type DeskInput, type DeskView, type PhoneService, type Weekday } from './desks-api';

/** One opening period of a day, as the time inputs hold it ("HH:MM", 24-hour clock; "24:00" is midnight). */
export interface SlotValue {
  from: string;
  to: string;
}

/** A day of the week in the form: closed days keep their periods so ticking them again restores them. */
export interface DayValue {
  open: boolean;
  /** One or two periods. */
  slots: SlotValue[];
}

export interface PhoneValue {
  key: string;
  number: string;
  service: PhoneService;
}

export interface DeskValues {
  organisationId: string;
  name: string;
  timeZone: string;
  alwaysOpen: boolean;
  days: Record<Weekday, DayValue>;
  phoneNumbers: PhoneValue[];
  publicIntake: boolean;
  confirmed: boolean;
}

export const OFFICE_SLOT: SlotValue = { from: '09:00', to: '17:00' };
const PHONE_PATTERN = /^\+?[\d\s()-]{3,30}$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Tidy a typed time: "9" → "09:00", "930" → "09:30", "9.30" → "09:30"; anything else is left as typed. */
export function normaliseTime(text: string): string {
  const match = /^(\d{1,2})(?:[:.h]?(\d{2}))?$/.exec(text.trim());
  if (!match) return text.trim();
  return `${(match[1] ?? '').padStart(2, '0')}:${match[2] ?? '00'}`;
}

function closedWeek(): Record<Weekday, DayValue> {
  return Object.fromEntries(WEEKDAYS.map((day) => [day, { open: false, slots: [{ ...OFFICE_SLOT }] }])) as Record<Weekday, DayValue>;
}

/** Monday to Friday 09:00–17:00: the start when a desk stops being open around the clock. */
export function officeWeek(): Record<Weekday, DayValue> {
  const week = closedWeek();
  for (const day of WEEKDAYS.slice(0, 5)) week[day].open = true;
  return week;
}

export function newPhone(service: PhoneService = 'desk'): PhoneValue {
  return { key: randomId(), number: '', service };
}

/** The form's values for a desk, or for a new desk of an organisation. */
export function toValues(desk: DeskView | null, organisationId = '', timeZone = ''): DeskValues {
  if (!desk) {
    return { organisationId, name: '', timeZone, alwaysOpen: false, days: officeWeek(), phoneNumbers: [], publicIntake: false, confirmed: false };
  }
  const alwaysOpen = Object.keys(desk.openingHours).length === 0;
  const days = alwaysOpen ? officeWeek() : closedWeek();
  if (!alwaysOpen) {
    for (const day of WEEKDAYS) {
      const slots = desk.openingHours[day] ?? [];
      if (slots.length > 0) days[day] = { open: true, slots: slots.slice(0, 2).map(([from, to]) => ({ from, to })) };
    }
  }
  return {
    organisationId: desk.organisationId,
    name: desk.name,
    timeZone: desk.timeZone,
    alwaysOpen,
    days,
    phoneNumbers: desk.phoneNumbers.map((p) => ({ key: randomId(), number: p.number, service: p.service })),
    publicIntake: desk.publicIntake,
    confirmed: !desk.needsReview,
  };
}

/** A closing time of "00:00" is taken as midnight at the end of the day. */
const closing = (to: string) => (to === '00:00' ? '24:00' : to);

/** The PUT body for the form's values. */
export function toBody(values: DeskValues): DeskInput {
  const openingHours: DeskInput['openingHours'] = {};
  if (!values.alwaysOpen) {
    for (const day of WEEKDAYS) {
      const { open, slots } = values.days[day];
      if (open) openingHours[day] = slots.map((s) => [s.from, closing(s.to)] as [string, string]);
    }
  }
  return {
    name: values.name.trim(),
    timeZone: values.timeZone.trim(),
    openingHours,
    phoneNumbers: values.phoneNumbers.map((p) => ({ number: p.number.trim(), service: p.service })),
    publicIntake: values.publicIntake,
    needsReview: !values.confirmed,
  };
}

/** Problems the browser can find before sending, keyed by form path. */
export function validateDesk(values: DeskValues, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.organisationId) errors.organisationId = t('validation.required');
  if (values.name.trim().length < 2) errors.name = t('validation.nameLength');
  if (!isTimeZone(values.timeZone)) errors.timeZone = t('desks.timeZoneInvalid');
  if (!values.alwaysOpen) {
    let anyOpen = false;
    for (const day of WEEKDAYS) {
      const { open, slots } = values.days[day];
      if (!open) continue;
      anyOpen = true;
      slots.forEach((slot, index) => {
        const path = `days.${day}.slots.${index}`;
        const fromOk = TIME_PATTERN.test(slot.from) && slot.from !== '24:00';
        if (!fromOk) errors[`${path}.from`] = slot.from ? t('desks.timeInvalid') : t('validation.required');
        if (!TIME_PATTERN.test(slot.to)) errors[`${path}.to`] = slot.to ? t('desks.timeInvalid') : t('validation.required');
        else if (fromOk && slot.from >= closing(slot.to)) errors[`${path}.to`] = t('desks.closesBeforeOpening');
      });
      const [first, second] = slots;
      if (first && second && second.from && closing(first.to) > second.from && !errors[`days.${day}.slots.1.from`]) {
        errors[`days.${day}.slots.1.from`] = t('desks.periodsOverlap');
      }
    }
    if (!anyOpen) errors.days = t('desks.noOpenDay');
  }
  values.phoneNumbers.forEach((phone, index) => {
    if (!PHONE_PATTERN.test(phone.number.trim())) errors[`phoneNumbers.${index}.number`] = t('desks.numberInvalid');
  });
  return errors;
}

/** The form path of a field the server complained about ("body.openingHours.sat.0.1" → "days.sat.slots.0.to"). */
export function formPath(serverPath: string): string {
  const path = serverPath.replace(/^body\./, '');
  const hours = /^openingHours\.(\w+)(?:\.(\d+)(?:\.(\d+))?)?/.exec(path);
  if (!hours) return path;
  const [, day, slot, end] = hours;
  if (slot === undefined) return 'days';
  return `days.${day}.slots.${slot}.${end === '0' ? 'from' : 'to'}`;
}
