import type { JurisdictionLevel, Language, Role } from '../../../common/roles.js';
import type { Static } from '@sinclair/typebox';
import type { CreatedUser as CreatedUserSchema, UserView } from '../../../common/schemas/identity.js';
import { api } from '../../src/api.js';

/** A staff account as the administration API shows it: the server's own response schema. */
export type StaffUser = Static<typeof UserView>;

export interface UserPage {
  items: StaffUser[];
  nextCursor: string | null;
}

/** A jurisdiction as sent to the server: only the ids its level needs. */
export interface JurisdictionInput {
  level: JurisdictionLevel;
  regionId?: string;
  districtId?: string;
  beatId?: string;
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  jurisdiction: JurisdictionInput;
  language: Language;
}

/** A new account and its authenticator key, which the server shows this once only. */
export type CreatedUser = Static<typeof CreatedUserSchema>;
export type TotpEnrolment = CreatedUser['totp'];

export interface UserChanges {
  roles?: Role[];
  jurisdiction?: JurisdictionInput;
  disabled?: boolean;
}

export const USER_PAGE_SIZE = 50;

export function listUsers(cursor: string | null, signal?: AbortSignal): Promise<UserPage> {
  return api.get<UserPage>('/api/v1/admin/users', { query: { cursor, limit: USER_PAGE_SIZE }, signal });
}

export function createUser(user: NewUser): Promise<CreatedUser> {
  return api.post<CreatedUser>('/api/v1/admin/users', user);
}

/** Saves changes; answers with the updated account (or undefined if the server sends none). */
export function updateUser(id: string, changes: UserChanges): Promise<StaffUser | undefined> {
  return api.patch<StaffUser | undefined>(`/api/v1/admin/users/${encodeURIComponent(id)}`, changes);
}

/** Lifts the lock that failed sign-in attempts put on an account. */
export function unlockUser(id: string): Promise<void> {
  return api.post<void>(`/api/v1/admin/users/${encodeURIComponent(id)}/unlock`);
}

/** Whether sign-in is refused now because of failed attempts. */
export function isLocked(user: StaffUser, now: Date = new Date()): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > now.getTime();
}
