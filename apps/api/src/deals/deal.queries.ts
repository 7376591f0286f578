import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '#application';
import { dealDecider, dealStream } from '#domain/deal';
import { notFound } from '#domain/shared';
import type { DealView } from './deals.dto.js';

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
    const { state, revision } = await this.executor.load(dealStream(dealId), dealDecider);
    if (state === null) throw notFound('deal', dealId);
    return { ...state, contactIds: [...state.contactIds], companyIds: [...state.companyIds], revision };
  }
}
