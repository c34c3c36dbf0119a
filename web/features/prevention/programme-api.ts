import { api } from '../../src/api.js';

// Hand-written like prevention-api.ts until the prevention schemas move to common/
// (server/modules/prevention/programme-schema.ts is the source of truth).

export type ProgrammeKind = 'psycho-correction' | 'counselling' | 'addiction';
export type EnrolmentBasis = 'court-order' | 'voluntary' | 'conference-referral';
export const PROGRAMME_KINDS: ProgrammeKind[] = ['psycho-correction', 'counselling', 'addiction'];
export const ENROLMENT_BASES: EnrolmentBasis[] = ['court-order', 'voluntary', 'conference-referral'];

export interface Provider {
  id: string;
  regionId: string;
  name: string;
  kind: ProgrammeKind;
}

export interface Enrolment {
  id: string;
  caseId: string;
  personId: string;
  provider: Provider;
  basis: EnrolmentBasis;
  orderId: string | null;
  sessionsPlanned: number;
  missesAllowed: number;
  attended: number;
  missed: number;
  status: 'enrolled' | 'completed' | 'dropped-out';
  endedAt: string | null;
  violationId: string | null;
  enrolledAt: string;
  sessions: { id: string; heldOn: string; attended: boolean; missedReason: string | null }[];
}

export interface EnrolmentInput {
  providerId: string;
  personId: string;
  basis: EnrolmentBasis;
  orderId?: string;
  sessionsPlanned: number;
  missesAllowed: number;
}

const base = '/api/v1/prevention';
const id = encodeURIComponent;

export const programmeApi = {
  providers: (signal: AbortSignal) => api.get<Provider[]>(`${base}/programme-providers`, { signal }),
  caseProgrammes: (caseId: string, signal: AbortSignal) =>
    api.get<Enrolment[]>(`${base}/cases/${id(caseId)}/programmes`, { signal }),
  enrol: (caseId: string, input: EnrolmentInput) => api.post<Enrolment>(`${base}/cases/${id(caseId)}/programmes`, input),
  recordSession: (enrolmentId: string, input: { heldOn: string; attended: boolean; missedReason?: string }) =>
    api.post<Enrolment>(`${base}/programmes/${id(enrolmentId)}/sessions`, input),
  end: (enrolmentId: string, input: { status: 'completed' | 'dropped-out'; endedOn: string }) =>
    api.post<Enrolment>(`${base}/programmes/${id(enrolmentId)}/end`, input),
};

/** Today as a date input takes it, in the officer's own time. */
export function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}
