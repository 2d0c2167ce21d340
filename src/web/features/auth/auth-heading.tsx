import { Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '../../lib/use-document-title';

/** The heading of a sign-in step and its one-line introduction; also names the browser tab. */
export function AuthHeading({ id, title, intro }: { id?: string; title: string; intro: string }) {
  useDocumentTitle(title);
  return (
    <Stack gap={4}>
      <Title order={1} fz={26} id={id}>
        {title}
      </Title>
      <Text c="dimmed" size="sm">
        {intro}
      </Text>
    </Stack>
  );
}
