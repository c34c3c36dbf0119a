import { sql, type Kysely } from 'kysely';

/**
 * Four-eyes publishing of advice and legal guides: a version under review must be approved by a
 * second editor, never its author, before anyone may publish it (draft → in_review → approved →
 * published). The author's and approver's user names are kept as they were then, so the editor's
 * page needs nothing from identity's tables. Versions published before this rule existed count as
 * approved at their publication (they are already public); their approver is unknown (null).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table portal_guide_versions
      drop constraint portal_guide_versions_state_check,
      add constraint portal_guide_versions_state_check check (state in ('draft', 'in_review', 'approved', 'published')),
      add column created_by_name text,
      add column approved_at timestamptz,
      add column approved_by uuid,
      add column approved_by_name text`.execute(db);
  await sql`
    update portal_guide_versions v set created_by_name = u.username
    from users u where u.id = v.created_by`.execute(db);
  await sql`update portal_guide_versions set approved_at = published_at where state = 'published'`.execute(db);
  // The database itself refuses a public version nobody approved, and an author approving their own.
  await sql`
    alter table portal_guide_versions
      add constraint portal_guide_versions_approved_check
        check ((state in ('approved', 'published')) = (approved_at is not null)),
      add constraint portal_guide_versions_four_eyes_check
        check (approved_by is null or created_by is null or approved_by <> created_by)`.execute(db);
}
