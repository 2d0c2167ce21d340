import { describe, expect, it } from 'vitest';
import type { Role, Scope } from '../../../src/domain/access/roles';
import type { Principal } from '../../../src/domain/access/scope';
import { canEditKnowledge, canReviewKnowledge, listReadableAudiences } from '../../../src/domain/knowledge/knowledge-access';

const ORG_GR = 'org-gr';
const ORG_SI = 'org-si';
function principal(role: Role, scope: Scope, organisationId = ORG_GR, countryCode = 'GR'): Principal {
  return { userId: `u-${role}`, memberships: [{ organisationId, countryCode, role, scope }] };
}

describe('knowledge access', () => {
  it('gives the public only public articles, professionals more, desk staff and editors internal ones too', () => {
    expect(listReadableAudiences(null)).toEqual(['public']);
    expect(listReadableAudiences(principal('evaluator', 'region'))).toEqual(['public']);
    expect(listReadableAudiences(principal('liaison_officer', 'own'))).toEqual(['public', 'professionals']);
    expect(listReadableAudiences(principal('helpline_operator', 'organisation'))).toEqual(['public', 'professionals', 'internal']);
    expect(listReadableAudiences(principal('trainer', 'organisation'))).toEqual(['public', 'professionals', 'internal']);
    expect(listReadableAudiences(principal('administrator', 'region'))).toEqual(['public', 'professionals']);
  });

  it('narrows a token to its permissions', () => {
    const p: Principal = { ...principal('helpline_operator', 'organisation'), tokenPermissions: ['contacts.read'] };
    expect(listReadableAudiences(p)).toEqual(['public']);
  });

  it('lets editors change records of their country or organisation, and draft regional ones', () => {
    const gr = { organisationId: 'other', countryCode: 'GR' };
    const si = { organisationId: ORG_SI, countryCode: 'SI' };
    const regional = { organisationId: 'x', countryCode: null };
    expect(canEditKnowledge(principal('country_coordinator', 'country'), gr)).toBe(true);
    expect(canEditKnowledge(principal('country_coordinator', 'country'), si)).toBe(false);
    expect(canEditKnowledge(principal('supervisor', 'organisation'), gr)).toBe(false);
    expect(canEditKnowledge(principal('supervisor', 'organisation'), { organisationId: ORG_GR, countryCode: 'GR' })).toBe(true);
    expect(canEditKnowledge(principal('supervisor', 'organisation'), regional)).toBe(true);
    // Owning the record is not enough to write about another country.
    expect(canEditKnowledge(principal('supervisor', 'organisation'), { organisationId: ORG_GR, countryCode: 'SI' })).toBe(false);
    expect(canEditKnowledge({ ...principal('country_coordinator', 'country'), tokenPermissions: ['knowledge.read'] }, gr)).toBe(false);
    expect(canEditKnowledge(principal('helpline_operator', 'organisation'), regional)).toBe(false);
  });

  it('leaves review to coordinators covering the record; regional records to regional scope', () => {
    const regional = { organisationId: 'x', countryCode: null };
    expect(canReviewKnowledge(principal('country_coordinator', 'country'), { organisationId: null, countryCode: 'GR' })).toBe(true);
    expect(canReviewKnowledge(principal('country_coordinator', 'country'), { organisationId: null, countryCode: 'SI' })).toBe(false);
    expect(canReviewKnowledge(principal('country_coordinator', 'country'), regional)).toBe(false);
    expect(canReviewKnowledge(principal('regional_coordinator', 'region'), regional)).toBe(true);
    expect(canReviewKnowledge(principal('supervisor', 'organisation'), { organisationId: ORG_GR, countryCode: 'GR' })).toBe(false);
  });
});
