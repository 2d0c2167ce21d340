import { useEffect, useState } from 'react';
import { Badge, Button, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../components/notify';
import { useLabels } from '../../lib/labels';
import { pickEventDetails } from './case-helpers';
import { useCaseLabels, type CaseList } from './case-labels';
import { casesApi, type CaseView, type TimelineEntry } from './cases-api';
import { FULL_BADGE } from './case-badges';

/** The list whose labels name a value of an entry's data, by the data key. */
const DETAIL_LISTS: Record<string, CaseList> = { status: 'status', priority: 'priority', concern: 'concern', concernLevel: 'concern', closureReason: 'closureReason', traffickingStatus: 'traffickingStatus' };

/** Entries whose data holds a move `from` → `to`, and the list that labels both ends. */
const MOVE_LISTS: Partial<Record<TimelineEntry['kind'], CaseList>> = { status_changed: 'status', priority_changed: 'priority' };

/** One entry as a sentence with its actor and time, the non-personal details, and the comment if any. */
function Entry({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const caseLabels = useCaseLabels();
  const details = pickEventDetails(entry.data);
  const moveList = MOVE_LISTS[entry.kind];
  const move = moveList && typeof entry.data.from === 'string' && typeof entry.data.to === 'string' ? { list: moveList, from: entry.data.from, to: entry.data.to } : null;
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        {caseLabels.event(entry.kind, entry.actor?.displayName ?? t('cases.timeline.system'))}
      </Text>
      <Group gap={4}>
        <Text size="xs" c="dimmed" component="time" dateTime={entry.at}>
          {labels.dateTime(entry.at)}
        </Text>
        {move ? (
          <Badge size="xs" variant="light" styles={FULL_BADGE}>
            {`${caseLabels.label(move.list, move.from)} → ${caseLabels.label(move.list, move.to)}`}
          </Badge>
        ) : (
          details
            .filter((d) => DETAIL_LISTS[d.key])
            .map((d) => (
              <Badge key={d.key} size="xs" variant="light" styles={FULL_BADGE}>
                {caseLabels.label(DETAIL_LISTS[d.key]!, d.value)}
              </Badge>
            ))
        )}
      </Group>
      {entry.comment && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} pl="xs" data-testid="timeline-comment">
          {`“${entry.comment}”`}
        </Text>
      )}
    </Stack>
  );
}

/** Everything that happened on the case, newest first, in pages ("show older"). */
export function TimelinePanel({ caseView }: { caseView: CaseView }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<TimelineEntry[]>(caseView.timeline.items);
  const [cursor, setCursor] = useState<string | null>(caseView.timeline.nextCursor);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    setItems(caseView.timeline.items);
    setCursor(caseView.timeline.nextCursor);
  }, [caseView.timeline]);
  const older = async () => {
    if (!cursor) return;
    setLoading(true);
    try {
      const page = await casesApi.timeline(caseView.id, cursor);
      setItems((previous) => [...previous, ...page.items.filter((e) => !previous.some((p) => p.id === e.id))]);
      setCursor(page.nextCursor);
    } catch (error) {
      notifyError(error);
    } finally {
      setLoading(false);
    }
  };
  return (
    <Stack gap="md" component="section" aria-labelledby="timeline-title">
      <Title order={2} size="h4" id="timeline-title">
        {t('cases.timeline.title')}
      </Title>
      {items.length === 0 ? (
        <Text size="sm">{t('cases.timeline.none')}</Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2} data-testid="case-timeline" aria-busy={loading}>
          {items.map((entry) => (
            <Timeline.Item key={entry.id}>
              <Entry entry={entry} />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {cursor && (
        <Group>
          <Button variant="default" onClick={() => void older()} loading={loading}>
            {t('cases.timeline.older')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
