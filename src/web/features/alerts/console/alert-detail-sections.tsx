import { useEffect, useState, type ReactNode } from 'react';
import { Anchor, Badge, Group, Image, List, Paper, SimpleGrid, Stack, Table, Tabs, Text, Timeline, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../components/data-table';
import { LANGUAGE_NAMES } from '../../../i18n';
import { useLabels } from '../../../lib/labels';
import type { Locale } from '../../../api/types';
import { fetchPhotoUrl, type AlertView, type PreAlertView } from './alerts-api';

/** A titled panel of the detail page. */
export function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** A label and its value. */
function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" fw={700} c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </div>
  );
}

/** The child's photo, fetched with the session and shown from a data: URL. */
function AlertPhoto({ alert }: { alert: AlertView }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const photoId = alert.photo && !alert.photo.deleted ? alert.photo.id : null;
  useEffect(() => {
    if (!photoId) return;
    let live = true;
    void fetchPhotoUrl(alert.id).then(
      (u) => live && setUrl(u),
      () => live && setUrl(null),
    );
    return () => {
      live = false;
      setUrl(null);
    };
  }, [alert.id, photoId]);
  if (!photoId) return <Text size="sm">{alert.photo?.deleted ? t('alerts.photo.removed') : t('alerts.photo.none')}</Text>;
  return url ? <Image src={url} alt={t('alerts.photo.alt', { name: alert.content?.child.name ?? '' })} maw={220} radius="md" data-testid="alert-photo" /> : null;
}

/** Photo, child, last seen, suspect, vehicle and the texts per language (or a note once redacted). */
export function ContentPanel({ alert, photoAction }: { alert: AlertView; photoAction?: ReactNode }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const content = alert.content;
  const langs = Object.keys(content?.texts ?? {});
  return (
    <Panel id="alert-content" title={t('alerts.detail.content')}>
      {!content ? (
        <Text size="sm">{t('alerts.detail.redacted', { date: labels.dateTime(alert.redactedAt) })}</Text>
      ) : (
        <>
          <Group align="flex-start" gap="lg" wrap="wrap">
            <Stack gap="xs">
              <AlertPhoto alert={alert} />
              {photoAction}
            </Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ flex: 1, minWidth: 280 }}>
              <Field label={t('alerts.fields.childName')}>{content.child.name}</Field>
              <Field label={t('alerts.fields.age')}>{content.child.ageYears ?? '—'}</Field>
              <Field label={t('alerts.fields.gender')}>{t(`alerts.gender.${content.child.gender}`)}</Field>
              <Field label={t('alerts.fields.childDescription')}>{content.child.description}</Field>
              <Field label={t('alerts.fields.lastSeenAt')}>{labels.dateTime(content.lastSeen.at)}</Field>
              <Field label={t('alerts.fields.lastSeenPlace')}>{content.lastSeen.place}</Field>
              <Field label={t('alerts.fields.suspect')}>{content.suspect ?? '—'}</Field>
              <Field label={t('alerts.fields.vehicle')}>{content.vehicle ?? '—'}</Field>
            </SimpleGrid>
          </Group>
          {langs.length > 0 && (
            <Tabs defaultValue={langs[0]}>
              <Tabs.List>
                {langs.map((l) => (
                  <Tabs.Tab key={l} value={l}>
                    {LANGUAGE_NAMES[l as Locale] ?? l}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {langs.map((l) => {
                const text = content.texts[l as Locale];
                return (
                  <Tabs.Panel key={l} value={l} pt="sm" lang={l}>
                    <Stack gap="xs">
                      <Field label={t('alerts.fields.headline')}>{text?.headline}</Field>
                      <Field label={t('alerts.fields.description')}>{text?.description}</Field>
                      <Field label={t('alerts.fields.instruction')}>{text?.instruction}</Field>
                    </Stack>
                  </Tabs.Panel>
                );
              })}
            </Tabs>
          )}
        </>
      )}
    </Panel>
  );
}

/** The area: description, countries, circles and polygons. */
export function AreaPanel({ alert }: { alert: AlertView }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { area } = alert;
  return (
    <Panel id="alert-area" title={t('alerts.form.areaTitle')}>
      <Field label={t('alerts.fields.areaDescription')}>{area.description}</Field>
      <Field label={t('alerts.fields.countries')}>{area.countries.length ? area.countries.map((c) => labels.country(c)).join(', ') : '—'}</Field>
      {area.circles.length > 0 && (
        <Field label={t('alerts.form.circles')}>
          <Text size="sm" ff="monospace" component="span">
            {area.circles.join('\n')}
          </Text>
        </Field>
      )}
      {area.polygons.length > 0 && <Field label={t('alerts.fields.polygons')}>{t('alerts.detail.polygonCount', { count: area.polygons.length })}</Field>}
    </Panel>
  );
}

/** The criteria checklist: required ones marked, unmet required ones flagged. */
export function CriteriaPanel({ alert }: { alert: AlertView }) {
  const { t } = useTranslation();
  const required = new Set(alert.criteriaRequired);
  const missing = new Set(alert.criteriaMissing);
  const shown = [...new Set([...alert.criteriaRequired, ...(Object.keys(alert.criteria) as (keyof AlertView['criteria'])[])])];
  return (
    <Panel id="alert-criteria" title={t('alerts.form.criteriaTitle')}>
      <List spacing={6} size="sm" listStyleType="none" data-testid="criteria-list">
        {shown.map((c) => {
          const met = Boolean(alert.criteria[c]);
          return (
            <List.Item key={c} icon={met ? <IconCircleCheck size={18} color="var(--mantine-color-green-8)" aria-hidden="true" /> : <IconCircleX size={18} color="var(--mantine-color-red-8)" aria-hidden="true" />}>
              <Group gap="xs">
                <Text size="sm">{`${t(`alerts.criteria.${c}`)} — ${met ? t('alerts.detail.met') : t('alerts.detail.notMet')}`}</Text>
                {required.has(c) && (
                  <Badge size="xs" variant="outline" color="gray" c="dark.9" tt="none">
                    {t('alerts.detail.required')}
                  </Badge>
                )}
                {missing.has(c) && (
                  <Badge size="xs" variant="filled" color="red.9" tt="none" data-testid="criterion-missing">
                    {t('alerts.detail.missing')}
                  </Badge>
                )}
              </Group>
            </List.Item>
          );
        })}
      </List>
    </Panel>
  );
}

/** The issuing authority's decision. */
export function AuthorityPanel({ alert }: { alert: AlertView }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const a = alert.authority;
  return (
    <Panel id="alert-authority" title={t('alerts.form.authorityTitle')}>
      {a ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Field label={t('alerts.fields.authorityName')}>{a.name}</Field>
          <Field label={t('alerts.fields.authorityReference')}>{a.reference}</Field>
          <Field label={t('alerts.fields.authorityDecidedAt')}>{labels.dateTime(a.decidedAt)}</Field>
          <Field label={t('alerts.fields.authorityPerson')}>{a.person ?? '—'}</Field>
        </SimpleGrid>
      ) : (
        <Text size="sm">{t('alerts.detail.noAuthority')}</Text>
      )}
    </Panel>
  );
}

/** The CAP messages published for the alert, with their deliveries and public links. */
export function MessagesPanel({ alert }: { alert: AlertView }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const yes = (v: boolean) => (v ? t('alerts.yes') : t('alerts.no'));
  return (
    <Panel id="alert-messages" title={t('alerts.messages.title')}>
      <DataTable
        columns={[t('alerts.messages.seq'), t('alerts.messages.type'), t('alerts.messages.status'), t('alerts.messages.scope'), t('alerts.messages.sent'), t('alerts.messages.reason'), t('alerts.messages.public'), t('alerts.messages.redacted'), t('alerts.messages.deliveries'), t('alerts.messages.document')]}
        minWidth={900}
        compact
        testId="alert-messages"
        emptyText={t('alerts.messages.none')}
      >
        {alert.messages.map((m) => (
          <Table.Tr key={m.id}>
            <Table.Td>{m.seq}</Table.Td>
            <Table.Td>{m.msgType}</Table.Td>
            <Table.Td>{m.capStatus}</Table.Td>
            <Table.Td>{m.scope}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{labels.dateTime(m.sent)}</Table.Td>
            <Table.Td>{m.reason}</Table.Td>
            <Table.Td>{yes(m.public)}</Table.Td>
            <Table.Td>{yes(m.redacted)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('alerts.messages.deliveryCounts', m.deliveries)}</Table.Td>
            <Table.Td>
              {m.capUrl ? (
                <Anchor href={m.capUrl} target="_blank" rel="noreferrer" size="sm" aria-label={t('alerts.messages.openCap', { seq: m.seq })}>
                  <Group gap={4} wrap="nowrap">
                    {t('alerts.messages.cap')}
                    <IconExternalLink size={14} aria-hidden="true" />
                  </Group>
                </Anchor>
              ) : (
                '—'
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Panel>
  );
}

/** A pre-alert's status in words. */
export function PreAlertStatusBadge({ status }: { status: PreAlertView['status'] }) {
  const { t } = useTranslation();
  const color = status === 'declined' || status === 'withdrawn' ? 'gray' : status === 'issued' ? 'red' : status === 'acknowledged' ? 'teal' : 'blue';
  return (
    <Badge size="sm" variant="light" color={color} c="dark.9" tt="none" style={{ minWidth: 'max-content' }}>
      {t(`alerts.preAlertStatus.${status}`)}
    </Badge>
  );
}

/** The pre-alerts sent to neighbouring desks, and the origin alert when this one answers another country's. */
export function PreAlertsPanel({ alert }: { alert: AlertView }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Panel id="alert-prealerts" title={t('alerts.detail.preAlerts')}>
      {alert.origin && (
        <Text size="sm">
          {t('alerts.detail.origin', { country: labels.country(alert.origin.countryCode) })}{' '}
          <Anchor component={Link} to={`/alerts/${alert.origin.alertId}`} size="sm" fw={700}>
            {alert.origin.reference}
          </Anchor>
        </Text>
      )}
      <DataTable columns={[t('alerts.preAlert.to'), t('alerts.fields.status'), t('alerts.preAlert.sentAt'), t('alerts.preAlert.answered'), t('alerts.fields.note'), t('alerts.preAlert.neighbourAlert')]} minWidth={760} compact emptyText={t('alerts.preAlert.noneSent')}>
        {alert.preAlerts.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td>{labels.country(p.toCountry)}</Table.Td>
            <Table.Td>
              <PreAlertStatusBadge status={p.status} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{labels.dateTime(p.sentAt)}</Table.Td>
            <Table.Td>{p.answeredAt ? `${labels.dateTime(p.answeredAt)} · ${p.answeredBy?.displayName ?? '—'}` : '—'}</Table.Td>
            <Table.Td>{p.note ?? '—'}</Table.Td>
            <Table.Td>
              {p.neighbourAlertId ? (
                <Anchor component={Link} to={`/alerts/${p.neighbourAlertId}`} size="sm">
                  {t('alerts.preAlert.openNeighbourAlert')}
                </Anchor>
              ) : (
                '—'
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Panel>
  );
}

/** The alert's history, newest first. */
export function HistoryPanel({ alert }: { alert: AlertView }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const events = [...alert.events].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  const kindLabel = (kind: string) => (i18n.exists(`alerts.events.${kind}`) ? t(`alerts.events.${kind}`) : kind);
  return (
    <Panel id="alert-history" title={t('alerts.detail.history')}>
      {events.length === 0 ? (
        <Text size="sm">{t('alerts.detail.noHistory')}</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={events.length}>
          {events.map((e) => (
            <Timeline.Item key={e.id} title={kindLabel(e.kind)}>
              <Text size="xs">{`${labels.dateTime(e.at)} · ${e.actor?.displayName ?? t('alerts.detail.system')}`}</Text>
              {e.comment && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {e.comment}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Panel>
  );
}
