import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Center, Stack, Text } from '@mantine/core';
import { apiGet, apiPatch, apiPost, onAuthProblem, type ApiError } from '../api/client';
import type { Locale, Ok, SessionView } from '../api/types';
import { FullPageLoader } from '../components/full-page-loader';
import { notifyError, notifySuccess } from '../components/notify';
import { currentLocale, isLocaleChoicePending, setLocaleChoicePending, switchLanguage } from '../i18n';
import { SessionContext, type SessionContextValue } from './session-context';

const SIGNED_OUT: SessionView = { status: null, user: null, demoInstance: false };

/**
 * Loads the session once, keeps it current after every login step and after any request that
 * reports a missing session, and keeps the interface language in step with the user's preference.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [view, setView] = useState<SessionView | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  /** True after the user signed out here: the sign-in page then does not return to the last page. */
  const [signedOutByUser, setSignedOutByUser] = useState(false);

  const adopt = useCallback((next: SessionView) => {
    const user = next.status === 'ok' ? next.user : null;
    if (user) {
      const shown = currentLocale();
      // A language picked while signed out wins over the stored preference and becomes it.
      if (isLocaleChoicePending() && shown !== user.locale) {
        apiPatch<Ok>('/api/me/preferences', { locale: shown }).catch(notifyError);
        next = { ...next, user: { ...user, locale: shown } };
      } else if (user.locale !== shown) {
        void switchLanguage(user.locale);
      }
      setLocaleChoicePending(false);
      setSignedOutByUser(false);
    }
    setView(next);
  }, []);

  const refresh = useCallback(async () => {
    try {
      const next = await apiGet<SessionView>('/api/auth/session');
      setLoadError(null);
      adopt(next);
      return next;
    } catch (error) {
      setLoadError(error as ApiError);
      throw error;
    }
  }, [adopt]);

  useEffect(() => {
    refresh().catch(() => undefined);
    return onAuthProblem(() => {
      refresh().catch(() => undefined);
    });
  }, [refresh]);

  const signOut = useCallback(async () => {
    try {
      await apiPost<Ok>('/api/auth/logout');
      notifySuccess(t('auth.signedOut'));
    } catch (error) {
      notifyError(error);
    }
    setSignedOutByUser(true);
    setView((previous) => ({ ...SIGNED_OUT, demoInstance: previous?.demoInstance ?? false }));
  }, [t]);

  const changeLanguage = useCallback(
    async (locale: Locale) => {
      await switchLanguage(locale);
      const signedIn = view?.status === 'ok' && view.user;
      if (!signedIn) {
        setLocaleChoicePending(true);
        return;
      }
      try {
        await apiPatch<Ok>('/api/me/preferences', { locale });
        setView((previous) => (previous?.user ? { ...previous, user: { ...previous.user, locale } } : previous));
      } catch (error) {
        notifyError(error);
      }
    },
    [view],
  );

  const value = useMemo<SessionContextValue | null>(
    () => (view ? { view, signedOutByUser, refresh, apply: adopt, signOut, changeLanguage } : null),
    [view, signedOutByUser, refresh, adopt, signOut, changeLanguage],
  );

  if (!value) {
    if (loadError) {
      return (
        <Center mih="100vh" component="main">
          <Stack align="center" gap="sm">
            <Text fw={600}>{t('errors.sessionUnavailable')}</Text>
            <Text size="sm">{loadError.message}</Text>
            <Button onClick={() => refresh().catch(() => undefined)}>{t('common.retry')}</Button>
          </Stack>
        </Center>
      );
    }
    return <FullPageLoader />;
  }
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
