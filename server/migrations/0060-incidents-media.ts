import { sql, type Kysely } from 'kysely';

/**
 * Citizens' photos, audio and video on a report. The bytes live in the media store under their
 * SHA-256 (evidence: the original is never altered); a row says which incident they belong to
 * and whether a copy without location metadata exists for eyes outside the police.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table incident_media (
      id bigserial primary key,
      incident_id uuid not null references incidents (id),
      region_id text not null,
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      media_type text not null,
      kind text not null check (kind in ('photo', 'audio', 'video')),
      size_bytes bigint not null check (size_bytes > 0),
      public_copy boolean not null,
      created_at timestamptz(3) not null default now(),
      unique (incident_id, sha256)
    )`.execute(db);
  await sql`create index incident_media_sha256_idx on incident_media (sha256)`.execute(db);
}
