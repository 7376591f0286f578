// One company as its stream folds it: a single-record read from the write side (lists come from read models).
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { CommandExecutor } from '#application';
import { companyDecider, companyStream, type CompanyState } from '#domain/company';
import { assertNever, notFound, type PropertyValues } from '#domain/shared';

export class CompanyRecord {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'The stream revision; send it back as If-Match' }) revision!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Normalized: lower-case, no scheme, no www.' }) domain!: string | null;
  @ApiProperty({ type: String, nullable: true }) industry!: string | null;
  @ApiProperty({ type: Number, nullable: true }) employees!: number | null;
  @ApiProperty({ type: String, nullable: true }) country!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Custom properties with a value' }) properties!: PropertyValues;
  @ApiProperty({ type: [String], description: 'Companies merged into this one' }) mergedCompanyIds!: readonly string[];
}

/** A company merged away: where its record lives now (as MergedContactRecord for contacts). */
export class MergedCompanyRecord {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'The company it was merged into; read that one instead' }) mergedInto!: string;
}

const toCompanyRecord = (
  companyId: string,
  { state, revision }: Readonly<{ state: CompanyState; revision: number }>,
): CompanyRecord | MergedCompanyRecord => {
  switch (state.status) {
    case 'absent':
      throw notFound('company', companyId);
    case 'merged':
      return { id: companyId, mergedInto: state.mergedInto };
    case 'active':
      return { id: companyId, revision, ...state.profile, properties: state.properties, mergedCompanyIds: state.absorbedCompanyIds };
    default:
      return assertNever(state);
  }
};

export class GetCompany extends Query<CompanyRecord | MergedCompanyRecord> {
  constructor(readonly companyId: string) {
    super();
  }
}

@QueryHandler(GetCompany)
export class GetCompanyHandler implements IQueryHandler<GetCompany> {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  async execute({ companyId }: GetCompany): Promise<CompanyRecord | MergedCompanyRecord> {
    return toCompanyRecord(companyId, await this.executor.load(companyStream(companyId), companyDecider));
  }
}
