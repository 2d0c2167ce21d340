import { lazy, Suspense, useCallback, useState } from 'react';
import { Button } from '@mantine/core';
import { IconBook2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The panel's code is loaded the first time it opens, so the console starts as fast as before. */
const KnowledgePanel = lazy(() => import('./knowledge-panel'));

export const KNOWLEDGE_SHORTCUT = 'Alt+K';
/** The id of the button (the panel gives the focus back to it when it closes). */
export const KNOWLEDGE_BUTTON_ID = 'knowledge-panel-button';

/** Open/closed state of the knowledge panel; once opened it stays mounted (query and article kept). */
export interface KnowledgePanelState {
  opened: boolean;
  mounted: boolean;
  toggle: () => void;
  close: () => void;
}

/** State of the console's knowledge panel (stable callbacks, usable in hotkeys). */
export function useKnowledgePanel(): KnowledgePanelState {
  const [opened, setOpened] = useState(false);
  const [mounted, setMounted] = useState(false);
  const toggle = useCallback(() => {
    setMounted(true);
    setOpened((o) => !o);
  }, []);
  const close = useCallback(() => {
    setOpened(false);
    document.getElementById(KNOWLEDGE_BUTTON_ID)?.focus();
  }, []);
  return { opened, mounted, toggle, close };
}

/** The button that opens and closes the panel (Alt+K). */
export function KnowledgeButton({ state }: { state: KnowledgePanelState }) {
  const { t } = useTranslation();
  return (
    <Button
      id={KNOWLEDGE_BUTTON_ID}
      variant={state.opened ? 'filled' : 'light'}
      leftSection={<IconBook2 size={16} aria-hidden="true" />}
      onClick={state.toggle}
      aria-expanded={state.opened}
      aria-controls="knowledge-panel"
      aria-keyshortcuts={KNOWLEDGE_SHORTCUT}
      data-testid="knowledge-button"
    >
      {t('kbPanel.open')}
    </Button>
  );
}

/** The panel itself, once it has been opened: suggestions for the contact's categories and a quick search. */
export function KnowledgeDock(props: { state: KnowledgePanelState; codes: readonly string[]; countryCode: string | null; contactLang: string | null }) {
  const { state, ...rest } = props;
  if (!state.mounted) return null;
  return (
    <Suspense fallback={null}>
      <KnowledgePanel opened={state.opened} onClose={state.close} {...rest} />
    </Suspense>
  );
}
