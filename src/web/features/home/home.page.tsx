import { Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { useLabels } from '../../lib/labels';
import { useSession } from '../../session/session-context';
import { cardsFor, type HomeCard } from './home-cards';

function DashboardCard({ card }: { card: HomeCard }) {
  const { t } = useTranslation();
  const available = Boolean(card.to);
  const titleId = `home-card-${card.id}`;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={titleId} data-testid={`home-card-${card.id}`}>
      <Stack gap="sm" h="100%" justify="space-between">
        <Stack gap="sm">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon size={40} radius="md" variant="light" color={available ? 'blue' : 'gray'} aria-hidden="true">
              <card.icon size={22} stroke={1.6} />
            </ThemeIcon>
            <Title order={2} fz="lg" id={titleId}>
              {t(`home.cards.${card.id}.title`)}
            </Title>
          </Group>
          <Text size="sm" c="dimmed">
            {t(`home.cards.${card.id}.description`)}
          </Text>
        </Stack>
        {card.to ? (
          <Button component={Link} to={card.to} variant="light" rightSection={<IconArrowRight size={16} aria-hidden="true" />} style={{ alignSelf: 'flex-start' }}>
            {t('home.open')}
          </Button>
        ) : (
          <Badge variant="outline" color="gray" size="lg" tt="none" fw={500} c="var(--mantine-color-gray-8)" style={{ alignSelf: 'flex-start' }}>
            {t('home.comingLater')}
          </Badge>
        )}
      </Stack>
    </Card>
  );
}

/** The role-specific dashboard: greeting, the user's memberships and cards for their work. */
export default function HomePage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { view } = useSession();
  const user = view.user;
  if (!user) return null;
  const roles = [...new Set(user.memberships.map((m) => m.role))];
  const cards = cardsFor(roles, user.permissions);

  return (
    <Stack gap="xl">
      <PageHeader
        title={t('home.greeting', { name: user.displayName })}
        description={roles.length > 0 ? t('home.rolesLine', { roles: roles.map(labels.role).join(', ') }) : t('home.noRoles')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {cards.map((card) => (
          <DashboardCard key={card.id} card={card} />
        ))}
      </SimpleGrid>
      {user.memberships.length > 0 && (
        <Stack gap="xs" component="section" aria-labelledby="home-memberships">
          <Title order={2} fz="lg" id="home-memberships">
            {t('home.membershipsTitle')}
          </Title>
          <DataTable columns={[t('fields.organisation'), t('fields.country'), t('fields.role'), t('fields.scope')]} minWidth={520} compact>
            {user.memberships.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{m.organisationName}</Table.Td>
                <Table.Td>{labels.country(m.countryCode)}</Table.Td>
                <Table.Td>{labels.role(m.role)}</Table.Td>
                <Table.Td>{labels.scope(m.scope)}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </Stack>
      )}
    </Stack>
  );
}
