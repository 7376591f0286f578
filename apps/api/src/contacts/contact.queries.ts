// One contact as its stream folds it: a single-record read from the write side (lists come from read models).
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { CommandExecutor } from '#application';
import {
  LIFECYCLE_STAGES,
  contactDecider,
  contactStream,
  type ContactProperties,
  type ContactState,
  type LifecycleStage,
} from '#domain/contact';
import {
  CONTACT_SOURCES,
  MARKETING_STATUSES,
  type ContactSource,
  type MarketingStatus,
} from '#domain/marketing-policy';
import { assertNever, gone, notFound } from '#domain/shared';

export class ContactRecord {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'The stream revision; send it back as If-Match' }) revision!: number;
  @ApiProperty() email!: string;
  @ApiProperty({ type: String, nullable: true }) firstName!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastName!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) jobTitle!: string | null;
  @ApiProperty({ type: String, nullable: true }) country!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) properties!: ContactProperties;
  @ApiProperty({ type: String, nullable: true }) companyId!: string | null;
  @ApiProperty({ type: String, nullable: true }) ownerId!: string | null;
  @ApiProperty({ enum: CONTACT_SOURCES }) source!: ContactSource;
  @ApiProperty({ enum: MARKETING_STATUSES }) marketingStatus!: MarketingStatus;
  @ApiProperty({ enum: LIFECYCLE_STAGES }) lifecycleStage!: LifecycleStage;
  @ApiProperty({ type: [String], description: 'Contacts merged into this one' }) mergedContactIds!: readonly string[];
}

/** A contact merged away: where its record lives now. */
export class MergedContactRecord {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'The contact it was merged into; read that one instead' }) mergedInto!: string;
}

const toContactRecord = (
  contactId: string,
  { state, revision }: Readonly<{ state: ContactState; revision: number }>,
): ContactRecord | MergedContactRecord => {
  switch (state.status) {
    case 'absent':
      throw notFound('contact', contactId);
    case 'merged':
      return { id: contactId, mergedInto: state.mergedInto };
    case 'erased':
      // Gone for good, unlike an id never used: integrators learn to drop their copy.
      throw gone('contact', contactId, { legalBasis: state.legalBasis });
    case 'active':
      return {
        id: contactId,
        revision,
        ...state.profile,
        properties: state.properties,
        companyId: state.companyId,
        ownerId: state.ownerId,
        source: state.source,
        marketingStatus: state.marketingStatus,
        lifecycleStage: state.lifecycleStage,
        mergedContactIds: state.absorbedContactIds,
      };
    default:
      return assertNever(state);
  }
};

export class GetContact extends Query<ContactRecord | MergedContactRecord> {
  constructor(readonly contactId: string) {
    super();
  }
}

@QueryHandler(GetContact)
export class GetContactHandler implements IQueryHandler<GetContact> {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  async execute({ contactId }: GetContact): Promise<ContactRecord | MergedContactRecord> {
    return toContactRecord(contactId, await this.executor.load(contactStream(contactId), contactDecider));
  }
}
