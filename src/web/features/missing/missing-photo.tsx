import { useEffect, useState } from 'react';
import { Image, Skeleton, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { missingPaths } from './missing-api';

/** The report's photo, fetched through the audited document download (never cached as a public URL). */
export function MissingPhoto({ caseId, documentId }: { caseId: string; documentId: string }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    setUrl(null);
    setFailed(false);
    // A data: URL (the content security policy allows data: images, not blob:), kept in memory only.
    fetch(missingPaths.photo(caseId, documentId), { credentials: 'same-origin' })
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status));
        const blob = await res.blob();
        const dataUrl = await new Promise<string>((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => resolve(String(reader.result));
          reader.onerror = () => reject(reader.error ?? new Error('read failed'));
          reader.readAsDataURL(blob);
        });
        if (!cancelled) setUrl(dataUrl);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
    };
  }, [caseId, documentId]);
  if (failed) return <Text size="sm">{t('missing.photo.unavailable')}</Text>;
  if (!url) return <Skeleton width={160} height={200} radius="md" />;
  return <Image src={url} alt={t('missing.photo.alt')} w={160} h={200} fit="cover" radius="md" data-testid="missing-photo" />;
}
