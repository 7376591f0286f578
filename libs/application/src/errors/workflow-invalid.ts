// A workflow document that does not validate: every problem at once, each with the JSON pointer of its member.
export type WorkflowProblem = Readonly<{ path: string; message: string }>;

export class WorkflowInvalid extends Error {
  readonly code = 'WORKFLOW_INVALID';
  constructor(readonly errors: readonly WorkflowProblem[]) {
    super(`invalid workflow: ${errors.map((error) => `${error.path || '/'} ${error.message}`).join('; ')}`);
  }
}
