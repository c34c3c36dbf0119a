import { api } from '../../src/api.js';

// TODO: take these from the portal module's neighbourhood-team schemas once they are shared through common/.

export type Position = 'district-inspector' | 'senior-district-inspector' | 'juvenile-inspector' | 'service-head';
export type Rank =
  'junior-lieutenant' | 'lieutenant' | 'senior-lieutenant' | 'captain' | 'major' | 'lieutenant-colonel' | 'colonel';
export type MeetingType = 'meeting' | 'report' | 'other';

export const POSITIONS: Position[] = ['district-inspector', 'senior-district-inspector', 'juvenile-inspector', 'service-head'];
export const RANKS: Rank[] = [
  'junior-lieutenant',
  'lieutenant',
  'senior-lieutenant',
  'captain',
  'major',
  'lieutenant-colonel',
  'colonel',
];
export const MEETING_TYPES: MeetingType[] = ['meeting', 'report', 'other'];

/** ISO weekday (1 = Monday) and local times "HH:MM". */
export interface ReceptionHours {
  day: number;
  from: string;
  to: string;
}

/** Kazakh and Russian always; English when written. */
export interface LocalText {
  kk: string;
  ru: string;
  en?: string;
}

export interface PublicTeam {
  timeZone: string;
  members: {
    id: string;
    name: string;
    position: Position;
    rank: Rank;
    phone: string | null;
    email: string | null;
    receptionPoint: string | null;
    receptionHours: ReceptionHours[];
    bio: string | null;
    photoUrl: string | null;
  }[];
  priorities: { id: string; issue: string; issueDate: string; action: string | null; actionDate: string | null }[];
  meetings: {
    id: string;
    type: MeetingType;
    title: string;
    description: string | null;
    address: string;
    startsAt: string;
    endsAt: string;
  }[];
}

export interface MemberInput {
  name: string;
  position: Position;
  rank: Rank;
  sortOrder?: number;
  phone: string | null;
  email: string | null;
  receptionPoint: LocalText | null;
  receptionHours: ReceptionHours[];
  bio: LocalText | null;
}

export interface PriorityInput {
  issue: LocalText;
  issueDate: string;
  action: LocalText | null;
  actionDate: string | null;
  closed: boolean;
}

export interface MeetingInput {
  type: MeetingType;
  title: LocalText;
  description: LocalText | null;
  address: LocalText;
  startsAt: string;
  endsAt: string;
}

interface Stored {
  id: string;
  updatedAt: string;
}

export interface StaffTeam {
  beat: { id: string; number: number; name: string; districtId: string; regionId: string };
  timeZone: string;
  members: (Stored & MemberInput & { photoUrl: string | null })[];
  priorities: (Stored & PriorityInput)[];
  meetings: (Stored & MeetingInput)[];
}

const admin = (beatId: string) => `/api/v1/portal-admin/neighbourhoods/${encodeURIComponent(beatId)}`;
type Created = { id: string };

export const getStaffTeam = (beatId: string, signal?: AbortSignal) => api.get<StaffTeam>(admin(beatId), { signal });
export const saveMember = (beatId: string, id: string | null, body: MemberInput) =>
  id ? api.put<Created>(`${admin(beatId)}/team/${id}`, body) : api.post<Created>(`${admin(beatId)}/team`, body);
export const deleteMember = (beatId: string, id: string) => api.delete<null>(`${admin(beatId)}/team/${id}`);
/** The photo travels as base64 in JSON; the server re-encodes it without metadata. */
export const uploadPhoto = (beatId: string, id: string, image: string) =>
  api.put<Created>(`${admin(beatId)}/team/${id}/photo`, { image });
export const savePriority = (beatId: string, id: string | null, body: PriorityInput) =>
  id ? api.put<Created>(`${admin(beatId)}/priorities/${id}`, body) : api.post<Created>(`${admin(beatId)}/priorities`, body);
export const saveMeeting = (beatId: string, id: string | null, body: MeetingInput) =>
  id ? api.put<Created>(`${admin(beatId)}/meetings/${id}`, body) : api.post<Created>(`${admin(beatId)}/meetings`, body);
export const deleteMeeting = (beatId: string, id: string) => api.delete<null>(`${admin(beatId)}/meetings/${id}`);
