// A contact points at companies, owners and (through its email claim) at itself; each is checked on its own stream.
import { companyDecider, companyStream } from '../../../domain/src/company/index.js';
import { contactDecider, contactStream } from '../../../domain/src/contact/index.js';
import { ownerDecider, ownerStream } from '../../../domain/src/owner/index.js';
import { notFound } from '../../../domain/src/shared/index.js';
import type { CommandExecutor } from '../command-executor.js';
import type { HolderHasValue } from './unique-value-claims.js';

export const requireCompany = async (executor: CommandExecutor, companyId: string): Promise<void> => {
  const { state } = await executor.load(companyStream(companyId), companyDecider);
  if (state.status === 'absent') throw notFound('company', companyId);
};

export const requireOwner = async (executor: CommandExecutor, ownerId: string): Promise<void> => {
  const { state } = await executor.load(ownerStream(ownerId), ownerDecider);
  if (state.status === 'absent') throw notFound('owner', ownerId);
};

/** An email claim stands while its contact is active with that email. */
export const contactHasEmail =
  (executor: CommandExecutor): HolderHasValue =>
  async (contactId, email) => {
    const { state } = await executor.load(contactStream(contactId), contactDecider);
    return state.status === 'active' && state.profile.email === email;
  };
