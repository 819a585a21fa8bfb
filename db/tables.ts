import type { Codec } from './codecs';

export const ENTITIES = ['project', 'organization', 'person', 'adopter', 'interview', 'participant', 'answer', 'quote', 'allowance', 'dismissal', 'conflict'] as const;
export type EntityName = (typeof ENTITIES)[number];

export interface Column {
  column: string;
  codec: Codec;
}

/**
 * How one entity maps to its table. Every table also has id, version, created_at and
 * updated_at; `trash` tables have deleted_at. One description per table lets one
 * repository, one change log and one undo serve all of them.
 */
export interface TableSpec {
  entity: EntityName;
  table: string;
  /** For messages: "There is no adopter with id 4". */
  noun: string;
  trash: boolean;
  fields: Readonly<Record<string, Column>>;
}

const col = (column: string, codec: Codec = 'text'): Column => ({ column, codec });

export const TABLES: Readonly<Record<EntityName, TableSpec>> = {
  project: {
    entity: 'project',
    table: 'project',
    noun: 'project',
    trash: true,
    fields: {
      name: col('name'),
      slug: col('slug'),
      level: col('level'),
      applicationUrl: col('application_url'),
      ddPullRequestUrl: col('dd_pull_request_url'),
      adoptersFileUrl: col('adopters_file_url'),
      notes: col('notes'),
      archived: col('archived', 'bool'),
    },
  },
  organization: {
    entity: 'organization',
    table: 'organization',
    noun: 'organization',
    trash: false,
    fields: { name: col('name'), aliases: col('aliases', 'json'), website: col('website'), industry: col('industry') },
  },
  person: {
    entity: 'person',
    table: 'person',
    noun: 'person',
    trash: false,
    fields: {
      name: col('name'),
      role: col('role'),
      email: col('email'),
      organizationId: col('organization_id', 'int'),
      maintainer: col('maintainer', 'bool'),
    },
  },
  adopter: {
    entity: 'adopter',
    table: 'adopter',
    noun: 'adopter',
    trash: true,
    fields: {
      projectId: col('project_id', 'int'),
      organizationId: col('organization_id', 'int'),
      number: col('number', 'int'),
      anonymous: col('anonymous', 'bool'),
      publicLabel: col('public_label'),
      namedLabel: col('named_label'),
      adopterType: col('adopter_type'),
      relation: col('relation'),
      independent: col('independent', 'bool'),
      independenceReason: col('independence_reason'),
      vendorNote: col('vendor_note'),
      usageLevel: col('usage_level'),
      inUseSince: col('in_use_since'),
      scale: col('scale'),
      stage: col('stage'),
      stageDates: col('stage_dates', 'json'),
      notes: col('notes'),
    },
  },
  interview: {
    entity: 'interview',
    table: 'interview',
    noun: 'interview',
    trash: true,
    fields: {
      adopterId: col('adopter_id', 'int'),
      date: col('date'),
      month: col('month'),
      interviewers: col('interviewers', 'json'),
      durationMinutes: col('duration_minutes', 'int'),
      questionSet: col('question_set'),
      rawNotes: col('raw_notes'),
      summary: col('summary'),
      summarySentAt: col('summary_sent_at'),
      approvedAt: col('approved_at'),
      approvedHash: col('approved_hash'),
    },
  },
  participant: {
    entity: 'participant',
    table: 'participant',
    noun: 'participant',
    trash: false,
    fields: {
      interviewId: col('interview_id', 'int'),
      personId: col('person_id', 'int'),
      anonymous: col('anonymous', 'bool'),
      position: col('position', 'int'),
      role: col('role'),
    },
  },
  answer: {
    entity: 'answer',
    table: 'answer',
    noun: 'answer',
    trash: false,
    fields: { interviewId: col('interview_id', 'int'), questionKey: col('question_key'), text: col('text') },
  },
  quote: {
    entity: 'quote',
    table: 'quote',
    noun: 'quote',
    trash: false,
    fields: {
      interviewId: col('interview_id', 'int'),
      text: col('text'),
      speakerPersonId: col('speaker_person_id', 'int'),
      approved: col('approved', 'bool'),
      tags: col('tags', 'json'),
    },
  },
  allowance: {
    entity: 'allowance',
    table: 'guard_allowance',
    noun: 'allowance',
    trash: false,
    fields: { adopterId: col('adopter_id', 'int'), term: col('term'), entryNumber: col('entry_number', 'int'), note: col('note') },
  },
  dismissal: {
    entity: 'dismissal',
    table: 'warning_dismissal',
    noun: 'dismissed warning',
    trash: false,
    fields: { adopterId: col('adopter_id', 'int'), code: col('code'), warningKey: col('warning_key'), message: col('message') },
  },
  // An open text conflict of a shared project (migration 12, templates/share/merge-conflicts.ts).
  conflict: {
    entity: 'conflict',
    table: 'share_conflict',
    noun: 'text conflict',
    trash: false,
    fields: {
      projectId: col('project_id', 'int'),
      recordKind: col('record_kind'),
      recordUid: col('record_uid'),
      field: col('field'),
      base: col('base', 'json'),
      texts: col('texts', 'json'),
    },
  },
};
