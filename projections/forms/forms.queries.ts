// The forms list: every form defined in Tally with its version and its submissions so far, oldest first.
import { preparedQuery, type ReadSource } from '#read-models';
import { FORMS_TABLES as T } from './forms.tables.js';

export type FormListItem = Readonly<{
  id: string;
  name: string;
  version: number;
  fieldCount: number;
  consentPolicy: string;
  createdAt: string;
  updatedAt: string;
  submissions: number;
  lastSubmittedAt: string | null;
}>;

type FormListRecord = Omit<FormListItem, 'createdAt' | 'updatedAt' | 'lastSubmittedAt' | 'submissions'> & {
  createdAt: Date;
  updatedAt: Date;
  lastSubmittedAt: Date | null;
  submissions: string;
};

export const formList = async (db: ReadSource): Promise<FormListItem[]> => {
  const rows = await preparedQuery<FormListRecord>(
    db,
    `SELECT f.form_id AS id, f.name, f.version, f.field_count AS "fieldCount", f.consent_policy AS "consentPolicy",
            f.created_at AS "createdAt", f.updated_at AS "updatedAt",
            COALESCE(s.submissions, 0)::text AS submissions, s.last_submitted_at AS "lastSubmittedAt"
       FROM ${T.forms} f LEFT JOIN ${T.submissions} s ON s.form_id = f.form_id
      ORDER BY f.created_at, f.form_id`,
    [],
  );
  return rows.map((row) => ({
    ...row,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    lastSubmittedAt: row.lastSubmittedAt === null ? null : new Date(row.lastSubmittedAt).toISOString(),
    submissions: Number(row.submissions),
  }));
};
