// A contact points at companies, owners and (through its email claim) at itself; each is checked on its own stream.
import { companyDecider, companyStream } from '#domain/company';
import { contactDecider, contactStream } from '#domain/contact';
import { ownerDecider, ownerStream } from '#domain/owner';
import { notFound } from '#domain/shared';
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
