import { Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SCOPE, SCOPES } from '../../../../domain/access/roles';
import type { Role, Scope } from '../../../api/types';
import { useLabels } from '../../../lib/labels';
import type { Option } from '../use-reference-data';

/** Values of one membership row; empty strings until chosen. */
export interface MembershipDraft {
  organisationId: string;
  role: Role | '';
  scope: Scope | '';
}

/** An empty membership row. */
export const EMPTY_MEMBERSHIP: MembershipDraft = { organisationId: '', role: '', scope: '' };

interface MembershipFieldsProps {
  value: MembershipDraft;
  onChange: (value: MembershipDraft) => void;
  organisationOptions: Option[];
  roleOptions: Option[];
  errors?: Partial<Record<keyof MembershipDraft, string | undefined>>;
  /** Prefix for test ids, so rows can be told apart. */
  testId?: string;
}

/** Organisation, role and (optional) scope of a membership; the scope defaults to the role's. */
export function MembershipFields({ value, onChange, organisationOptions, roleOptions, errors, testId = 'membership' }: MembershipFieldsProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const scopeOptions = SCOPES.map((scope) => ({ value: scope, label: labels.scope(scope) }));
  const defaultScope = value.role ? labels.scope(DEFAULT_SCOPE[value.role]) : null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
      <Select
        label={t('fields.organisation')}
        data={organisationOptions}
        value={value.organisationId || null}
        onChange={(organisationId) => onChange({ ...value, organisationId: organisationId ?? '' })}
        searchable
        required
        error={errors?.organisationId}
        nothingFoundMessage={t('common.nothingFound')}
        data-testid={`${testId}-organisation`}
      />
      <Select
        label={t('fields.role')}
        data={roleOptions}
        value={value.role || null}
        onChange={(role) => onChange({ ...value, role: (role ?? '') as Role | '' })}
        required
        error={errors?.role}
        data-testid={`${testId}-role`}
      />
      <Select
        label={t('fields.scope')}
        data={scopeOptions}
        value={value.scope || null}
        onChange={(scope) => onChange({ ...value, scope: (scope ?? '') as Scope | '' })}
        placeholder={defaultScope ? t('users.defaultScope', { scope: defaultScope }) : undefined}
        clearable
        error={errors?.scope}
        data-testid={`${testId}-scope`}
      />
    </SimpleGrid>
  );
}

/** The API body for a complete draft. */
export function membershipBody(draft: MembershipDraft): { organisationId: string; role: Role; scope?: Scope } {
  return { organisationId: draft.organisationId, role: draft.role as Role, ...(draft.scope ? { scope: draft.scope } : {}) };
}
