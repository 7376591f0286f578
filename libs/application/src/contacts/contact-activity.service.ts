import {
  activityStream,
  contactDecider,
  contactStream,
  decideContactActivity,
  routeEmailEvent,
  type ContactActivityCommand,
  type RecordEmailEvent,
} from '#domain/contact';
import type { CommandExecutor, CommandResult } from '../command-executor.js';
import type { RequestContext } from '../request-context.js';

/** Behaviour: a page view, a form submission or a marketing email event, decided against the contact. */
export class ContactActivityService {
  constructor(private readonly executor: CommandExecutor) {}

  handle(command: ContactActivityCommand | RecordEmailEvent, context: RequestContext): Promise<CommandResult> {
    if (command.type !== 'RecordEmailEvent') return this.record(command, context);
    const routed = routeEmailEvent(command);
    // An unsubscribe refuses marketing email until the status is decided again, so the contact stream decides it.
    return routed.stream === 'contact'
      ? this.executor.execute(contactStream(command.data.contactId), contactDecider, routed.command, context)
      : this.record(routed.command, context);
  }

  private async record(command: ContactActivityCommand, context: RequestContext): Promise<CommandResult> {
    const { contactId } = command.data;
    const contact = await this.executor.load(contactStream(contactId), contactDecider);
    const events = decideContactActivity(command, contact.state);
    // The activity stream keeps no state of its own: appends never conflict with each other or with contact commands.
    const appended = await this.executor.append(activityStream(contactId), events, command, context, { expectedRevision: 'any' });
    // The contact is unchanged: answer with its revision, which is what If-Match takes.
    return { ...appended, streamName: contactStream(contactId), revision: contact.revision };
  }
}
