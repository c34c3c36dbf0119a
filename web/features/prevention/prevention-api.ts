import type { Answer, AnswerSource, RiskGrade } from '../../../common/risk-instruments.js';
import { api } from '../../src/api.js';
import type { Page } from '../../src/paging.js';

// TODO: move the prevention schemas to common/schemas so these types come from the server's own
// TypeBox definitions (server/modules/prevention/schema.ts) instead of being written here.

export type Agency = 'police' | 'prosecutor' | 'health' | 'education' | 'social-protection' | 'crisis-centre' | 'ngo';
export type PersonRole = 'victim' | 'aggressor' | 'child' | 'other';

export interface CaseSummary {
  id: string;
  caseNumber: string;
  regionId: string;
  districtId: string;
  beatId: string;
  status: 'open' | 'closed';
  riskGrade: RiskGrade | null;
  needsReassessment: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface ReferralView {
  id: string;
  caseId: string;
  caseNumber: string;
  regionId: string;
  districtId: string;
  criteria: ('high-score' | 'professional-judgement' | 'escalation' | 'repeat')[];
  isRepeat: boolean;
  referredAt: string;
  conferenceId: string | null;
}

/** A case on a conference's agenda; `caseClosed`: closed since, so it takes no decision or action. */
export interface AgendaEntry extends ReferralView {
  caseClosed: boolean;
}

export interface ActionView {
  id: string;
  caseId: string;
  conferenceId: string;
  agency: Agency;
  description: string;
  dueAt: string;
  completedAt: string | null;
  isOverdue: boolean;
}

export interface OrderView {
  id: string;
  kind: 'police-protection' | 'court-special-requirements';
  conditions: string[];
  legalBasis: string;
  issuedAt: string;
  expiresAt: string;
  isActive: boolean;
  violations: number;
}

/** A breach of a protection order, in its order's history (server: ViolationRecordView). */
export interface ViolationRecord {
  id: string;
  orderId: string;
  occurredAt: string;
  recordedAt: string;
  legalBasis: string;
  /** What happened, as the officer wrote it; null for a breach a programme's missed sessions made. */
  description: string | null;
  incidentId: string | null;
}

export interface ViolationInput {
  occurredAt: string;
  legalBasis: string;
  description: string;
}

/** What recording a breach set off (server: ViolationView). */
export interface ViolationResult {
  id: string;
  orderId: string;
  caseId: string;
  caseClosed: boolean;
  needsReassessment: boolean;
  referral: ReferralView | null;
}

export interface CaseFile extends CaseSummary {
  access: 'team' | 'oversight' | 'break-glass';
  people: { id: string; role: PersonRole; name: string; iin: string | null; address: string | null; phone: string | null }[];
  incidents: { incidentId: string; occurredAt: string; linkedAt: string }[];
  orders: OrderView[];
  /** Every breach of the case's orders, oldest first. */
  violations: ViolationRecord[];
  referrals: ReferralView[];
  actions: ActionView[];
  /** Oldest first; `details` are ids and facts, never a person. */
  timeline: { at: string; kind: string; legalBasis: string | null; details: Record<string, unknown> }[];
  closing: CaseClosing | null;
}

export const CLOSE_OUTCOMES = ['risk-reduced', 'victim-moved', 'no-further-contact', 'aggressor-convicted', 'other'] as const;
export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number];

/** The close in effect on a closed case (server: case-closing-schema.ts). */
export interface CaseClosing {
  closedAt: string;
  outcome: CloseOutcome | null;
  outcomeNote: string | null;
  reason: string | null;
  reopenableUntil: string | null;
}

export interface CloseCaseInput {
  outcome: CloseOutcome;
  outcomeNote?: string;
  reason: string;
  confirmOpenItems?: boolean;
}

export interface AssessmentPoint {
  id: string;
  instrumentVersion: string;
  yesCount: number;
  scoreGrade: RiskGrade;
  finalGrade: RiskGrade;
  raisedByJudgement: boolean;
  assessedAt: string;
}

export interface BreakGlassEntry {
  id: string;
  username: string;
  reason: string;
  at: string;
}

export interface Reminder {
  id: string;
  kind: 'order-expiring' | 'action-overdue' | 'break-glass';
  caseId: string;
  caseNumber: string;
  dueAt: string;
}

export interface Centre {
  id: string;
  name: string;
  kind: 'crisis-centre' | 'shelter';
  phone: string | null;
  bedsTotal: number;
  bedsFree: number;
  acceptsChildren: boolean;
  occupancyUpdatedAt: string;
}

export interface AssessmentInput {
  answers: { question: string; answer: Answer; source: AnswerSource }[];
  judgementGrade?: RiskGrade;
  rationale?: string;
  reason: 'initial' | 'new-incident' | 'order-violation' | 'review';
}

export const AGENCIES: Agency[] = ['police', 'prosecutor', 'health', 'education', 'social-protection', 'crisis-centre', 'ngo'];

export interface ConferenceSummary {
  id: string;
  regionId: string;
  districtId: string;
  scheduledAt: string;
  agencies: Agency[];
  attended: Agency[] | null;
  agendaCount: number;
  openActions: number;
}

export interface Conference {
  id: string;
  regionId: string;
  districtId: string;
  scheduledAt: string;
  agencies: Agency[];
  attended: Agency[] | null;
  agenda: AgendaEntry[];
  decisions: ConferenceDecision[];
  actions: ActionView[];
  attendanceCorrections: { previous: Agency[]; attended: Agency[]; reason: string; correctedAt: string }[];
}

export interface ConferenceDecision {
  id: string;
  caseId: string;
  decision: string;
  decidedAt: string;
  amendedAt: string | null;
  /** The texts it replaced, oldest first. */
  history: { previousDecision: string; reason: string; amendedAt: string }[];
}

export interface MaskedCaseSummary {
  id: string;
  caseNumber: string;
  districtId: string;
  beatId: string;
  status: 'open' | 'closed';
  riskGrade: RiskGrade | null;
  people: { role: PersonRole; initials: string }[];
  access: CaseFile['access'] | null;
  canBreakGlass: boolean;
}

export interface NewPerson {
  role: PersonRole;
  name: string;
  phone?: string | undefined;
  iin?: string | undefined;
  address?: string | undefined;
}

export interface NewCase {
  beatId: string;
  legalBasis: string;
  people: NewPerson[];
}

const base = '/api/v1/prevention';

export const preventionApi = {
  myCases: (signal: AbortSignal) => api.get<Page<CaseSummary>>(`${base}/cases`, { query: { mine: true, limit: 200 }, signal }),
  allCases: (signal: AbortSignal) => api.get<Page<CaseSummary>>(`${base}/cases`, { query: { limit: 200 }, signal }),
  createCase: (input: NewCase) => api.post<CaseFile>(`${base}/cases`, input),
  maskedCase: (id: string, signal: AbortSignal) =>
    api.get<MaskedCaseSummary>(`${base}/cases/${encodeURIComponent(id)}/masked`, { signal }),
  caseFile: (id: string, signal: AbortSignal) => api.get<CaseFile>(`${base}/cases/${encodeURIComponent(id)}`, { signal }),
  trend: (id: string, signal: AbortSignal) =>
    api.get<{ points: AssessmentPoint[] }>(`${base}/cases/${encodeURIComponent(id)}/assessments`, { signal }),
  breakGlassLog: (id: string, signal: AbortSignal) =>
    api.get<BreakGlassEntry[]>(`${base}/cases/${encodeURIComponent(id)}/break-glass`, { signal }),
  closeCase: (id: string, input: CloseCaseInput) => api.post<CaseFile>(`${base}/cases/${encodeURIComponent(id)}/close`, input),
  reopenCase: (id: string, reason: string) => api.post<CaseFile>(`${base}/cases/${encodeURIComponent(id)}/reopen`, { reason }),
  breakGlass: (id: string, reason: string) =>
    api.post<CaseFile>(`${base}/cases/${encodeURIComponent(id)}/break-glass`, { reason }),
  assess: (id: string, input: AssessmentInput) =>
    api.post<{ finalGrade: RiskGrade; referral: ReferralView | null }>(
      `${base}/cases/${encodeURIComponent(id)}/assessments`,
      input,
    ),
  recordViolation: (orderId: string, input: ViolationInput) =>
    api.post<ViolationResult>(`${base}/orders/${encodeURIComponent(orderId)}/violations`, input),
  dueReferrals: (signal: AbortSignal) =>
    api.get<Page<ReferralView>>(`${base}/referrals`, { query: { waiting: true, limit: 200 }, signal }),
  conferences: (signal: AbortSignal) => api.get<Page<ConferenceSummary>>(`${base}/conferences`, { query: { limit: 50 }, signal }),
  conference: (id: string, signal: AbortSignal) =>
    api.get<Conference>(`${base}/conferences/${encodeURIComponent(id)}`, { signal }),
  callConference: (input: { districtId: string; scheduledAt: string; agencies: Agency[] }) =>
    api.post<Conference>(`${base}/conferences`, input),
  recordAttendance: (id: string, attended: Agency[]) =>
    api.put<Conference>(`${base}/conferences/${encodeURIComponent(id)}/attendance`, { attended }),
  recordDecision: (id: string, caseId: string, decision: string) =>
    api.post<Conference>(`${base}/conferences/${encodeURIComponent(id)}/decisions`, { caseId, decision }),
  correctAttendance: (id: string, attended: Agency[], reason: string) =>
    api.post<Conference>(`${base}/conferences/${encodeURIComponent(id)}/attendance/corrections`, { attended, reason }),
  amendDecision: (id: string, decisionId: string, decision: string, reason: string) =>
    api.post<Conference>(`${base}/conferences/${encodeURIComponent(id)}/decisions/${encodeURIComponent(decisionId)}/amendments`, {
      decision,
      reason,
    }),
  addAction: (id: string, input: { caseId: string; agency: Agency; description: string; dueAt: string }) =>
    api.post<ActionView>(`${base}/conferences/${encodeURIComponent(id)}/actions`, input),
  reminders: (signal: AbortSignal) => api.get<Page<Reminder>>(`${base}/reminders`, { query: { limit: 100 }, signal }),
  partnerActions: (signal: AbortSignal) =>
    api.get<Page<ActionView>>(`${base}/partner/actions`, { query: { limit: 200 }, signal }),
  completeAction: (id: string) => api.post<ActionView>(`${base}/partner/actions/${encodeURIComponent(id)}/complete`),
  centres: (signal: AbortSignal) => api.get<Centre[]>(`${base}/crisis-centres`, { signal }),
};

/** Reading order of a case list: high risk first, then medium, standard, not yet assessed; newest first within. */
export function byRisk(a: CaseSummary, b: CaseSummary): number {
  const rank = (grade: RiskGrade | null) => (grade === 'high' ? 0 : grade === 'medium' ? 1 : grade === 'standard' ? 2 : 3);
  return rank(a.riskGrade) - rank(b.riskGrade) || b.updatedAt.localeCompare(a.updatedAt);
}
