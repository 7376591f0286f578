import { formDecider, formStream, type FormCommand, type FormProblem, type FormState } from '#domain/form';
import { DomainError, notFound } from '#domain/shared';
import type { CommandExecutor, CommandResult, ExecuteOptions } from '../command-executor.js';
import { validationFailed } from '../errors/application-error.js';
import type { RequestContext } from '../request-context.js';

export type ActiveForm = Extract<FormState, { status: 'active' }> & Readonly<{ revision: number }>;

/** Form definitions: load the form's stream, decide, append; and read one form as it is now. */
export class FormService {
  constructor(private readonly executor: CommandExecutor) {}

  async handle(command: FormCommand, context: RequestContext, options: ExecuteOptions = {}): Promise<CommandResult> {
    try {
      return await this.executor.execute(formStream(command.data.formId), formDecider, command, context, options);
    } catch (error) {
      // A definition refused by its rules is bad input: 400 naming every field at fault.
      if (error instanceof DomainError && error.details.rule === 'form-invalid') throw validationFailed(error.details.fields as readonly FormProblem[]);
      throw error;
    }
  }

  /** The form's current definition and version; 404 when there is none. */
  async get(formId: string): Promise<ActiveForm> {
    const { state, revision } = await this.executor.load(formStream(formId), formDecider);
    if (state.status !== 'active') throw notFound('form', formId);
    return { ...state, revision };
  }
}
