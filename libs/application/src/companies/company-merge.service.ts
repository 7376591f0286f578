// Merging two companies: the duplicate becomes a tombstone pointing at the survivor (CompanyMerged), the survivor
// records the absorption (CompanyAbsorbed), and the duplicate's domain claim goes to the survivor when it has no
// domain of its own (it is given back otherwise). Contacts, deals and tickets of the duplicate are not rewritten in
// the log: the read models move their associations on CompanyMerged.
import {
  companyDecider,
  companyStream,
  requireActiveCompany,
  type AbsorbCompany,
  type MergeCompanyInto,
  type UpdateCompany,
} from '#domain/company';
import { uniqueValueDecider, uniqueValueStream, type ClaimUniqueValue, type ReleaseUniqueValue } from '#domain/unique-value';
import type { CommandExecutor, CommandResult } from '../command-executor.js';
import { releaseUniqueValue } from '../contacts/unique-value-claims.js';
import { randomIds, type RequestContext } from '../request-context.js';

export class CompanyMergeService {
  constructor(private readonly executor: CommandExecutor) {}

  /** Merges `duplicateId` into `survivorId` (survivor first, as ContactService.merge); a merge stopped half-way resumes where it stopped. */
  async merge(survivorId: string, duplicateId: string, context: RequestContext): Promise<CommandResult> {
    const metadata = { now: context.now };
    const duplicate = await this.executor.load(companyStream(duplicateId), companyDecider);
    const survivor = await this.executor.load(companyStream(survivorId), companyDecider);

    const mergeInto: MergeCompanyInto = { type: 'MergeCompanyInto', data: { companyId: duplicateId, mergedInto: survivorId }, metadata };
    // A merge stopped after the duplicate's append resumes here: the duplicate already points at the survivor.
    const found = duplicate.state;
    const resumed = found.status === 'merged' && found.mergedInto === survivorId;
    const duplicateEvents = resumed ? [] : companyDecider.decide(mergeInto, found);
    const domain = resumed ? found.domain : requireActiveCompany(found, duplicateId).profile.domain;
    const absorb: AbsorbCompany = { type: 'AbsorbCompany', data: { companyId: survivorId, mergedCompanyId: duplicateId }, metadata };
    // Both sides are decided before either is written, so a refused merge writes nothing.
    const survivorEvents = companyDecider.decide(absorb, survivor.state);
    const survivorDomain = requireActiveCompany(survivor.state, survivorId).profile.domain;

    const written = await this.executor.append(companyStream(duplicateId), duplicateEvents, mergeInto, context, {
      expectedRevision: duplicate.revision,
    });
    const absorbed = await this.executor.append(companyStream(survivorId), survivorEvents, absorb, context, {
      expectedRevision: survivor.revision,
    });
    const merged: CommandResult = {
      streamName: companyStream(survivorId),
      revision: survivorEvents.length === 0 ? survivor.revision : absorbed.revision,
      position: absorbed.position ?? written.position,
      events: [...duplicateEvents, ...survivorEvents],
    };
    if (domain === null) return merged;
    if (survivorDomain !== null) {
      await releaseUniqueValue(this.executor, 'company-domain', domain, duplicateId, context);
      return merged;
    }
    if (!(await this.handOverDomain(domain, duplicateId, survivorId, context))) return merged;
    const update: UpdateCompany = { type: 'UpdateCompany', data: { companyId: survivorId, changes: { domain } }, metadata };
    const updated = await this.executor.execute(companyStream(survivorId), companyDecider, update, context);
    return { ...updated, position: updated.position ?? merged.position, events: [...merged.events, ...updated.events] };
  }

  /**
   * Moves the claim on `domain` from the duplicate to the survivor in one append (release and claim), so no third
   * company can take it in between. False when another company holds it (it was given up and claimed meanwhile).
   */
  private async handOverDomain(domain: string, duplicateId: string, survivorId: string, context: RequestContext): Promise<boolean> {
    const stream = uniqueValueStream('company-domain', domain);
    const { state, revision } = await this.executor.load(stream, uniqueValueDecider);
    if (state.claimedBy === survivorId) return true;
    if (state.claimedBy !== null && state.claimedBy !== duplicateId) return false;
    // Claim events get ids of their own, as every claim does (see unique-value-claims.ts).
    const claims: RequestContext = { ...context, ids: randomIds() };
    const value = { kind: 'company-domain', value: domain } as const;
    const release: ReleaseUniqueValue = { type: 'ReleaseUniqueValue', data: { ...value, ownerId: duplicateId }, metadata: { now: claims.now } };
    const claim: ClaimUniqueValue = { type: 'ClaimUniqueValue', data: { ...value, ownerId: survivorId }, metadata: { now: claims.now } };
    const released = state.claimedBy === duplicateId ? uniqueValueDecider.decide(release, state) : [];
    const claimed = uniqueValueDecider.decide(claim, released.reduce(uniqueValueDecider.evolve, state));
    await this.executor.append(stream, [...released, ...claimed], claim, claims, { expectedRevision: revision });
    return true;
  }
}
