import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '#application';
import { dealArr, dealDecider, dealMrr, dealStream } from '#domain/deal';
import type { RecordedEvent } from '#event-store';
import { notFound } from '#domain/shared';
import type { DealView } from './deals.dto.js';

/** When the deal was last won or lost (business time), or null when it is open: a reopen undoes the close. */
const closedAtOf = (recorded: readonly RecordedEvent[]): string | null => {
  for (let index = recorded.length - 1; index >= 0; index--) {
    const { type, metadata } = recorded[index];
    if (type === 'DealReopened') return null;
    if (type === 'DealWon' || type === 'DealLost') return new Date(metadata.occurredAt).toISOString();
  }
  return null;
};

/** One deal as its stream says now: the write side's view, with the revision for If-Match. */
export class GetDeal extends Query<DealView> {
  constructor(readonly dealId: string) {
    super();
  }
}

@QueryHandler(GetDeal)
export class GetDealHandler implements IQueryHandler<GetDeal> {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  async execute({ dealId }: GetDeal): Promise<DealView> {
    const { state, revision, recorded } = await this.executor.load(dealStream(dealId), dealDecider);
    if (state === null) throw notFound('deal', dealId);
    const mrr = dealMrr(state);
    return {
      ...state,
      mrr,
      arr: dealArr(mrr, state.currency),
      closedAt: closedAtOf(recorded),
      contactIds: [...state.contactIds],
      companyIds: [...state.companyIds],
      revision,
    };
  }
}
