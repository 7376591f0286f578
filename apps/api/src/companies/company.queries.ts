// One company as its stream folds it: a single-record read from the write side (lists come from read models).
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { CommandExecutor } from '#application';
import { companyDecider, companyStream } from '#domain/company';
import { notFound } from '#domain/shared';

export class CompanyRecord {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'The stream revision; send it back as If-Match' }) revision!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Normalized: lower-case, no scheme, no www.' }) domain!: string | null;
  @ApiProperty({ type: String, nullable: true }) industry!: string | null;
  @ApiProperty({ type: Number, nullable: true }) employees!: number | null;
  @ApiProperty({ type: String, nullable: true }) country!: string | null;
}

export class GetCompany extends Query<CompanyRecord> {
  constructor(readonly companyId: string) {
    super();
  }
}

@QueryHandler(GetCompany)
export class GetCompanyHandler implements IQueryHandler<GetCompany> {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  async execute({ companyId }: GetCompany): Promise<CompanyRecord> {
    const { state, revision } = await this.executor.load(companyStream(companyId), companyDecider);
    if (state.status === 'absent') throw notFound('company', companyId);
    return { id: companyId, revision, ...state.profile };
  }
}
