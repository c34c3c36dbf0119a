export { auditInsertsFor, recordAudit, type AuditEntry } from './record.js';
export { sealAll, sealAndWriteHead, sealBatch, startChainer, readHeadFile, writeHeadFile, readHead } from './chainer.js';
export { verifyAuditChain, type VerifyResult } from './verify.js';
export { registerAuditRoutes as registerAudit } from './routes.js';
export type { AuditLogTable, AuditInboxTable } from './tables.js';
