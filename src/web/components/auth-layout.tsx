import { Suspense } from 'react';
import { Box, Container, Group, Paper } from '@mantine/core';
import { Outlet } from 'react-router';
import { Brand } from './brand';
import { DemoBanner } from './demo-banner';
import { FullPageLoader } from './full-page-loader';
import { LanguageSwitcher } from './language-switcher';

/** The frame of the sign-in steps: brand and language switcher on top, the step in a card. */
export function AuthLayout() {
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <Box component="header" bg="var(--mantine-color-body)" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between" px="md" py="sm" wrap="nowrap">
          <Brand />
          <LanguageSwitcher />
        </Group>
      </Box>
      <Box component="main" id="main-content">
        <DemoBanner />
        <Container size={480} py={{ base: 'lg', sm: 48 }} px="sm">
          <Paper withBorder shadow="sm" radius="md" p={{ base: 'md', sm: 'xl' }}>
            <Suspense fallback={<FullPageLoader />}>
              <Outlet />
            </Suspense>
          </Paper>
        </Container>
      </Box>
    </Box>
  );
}
