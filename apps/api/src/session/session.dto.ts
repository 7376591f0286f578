import { ApiProperty } from '@nestjs/swagger';

export class SessionView {
  @ApiProperty({ example: 'sales', description: "The key's role (auth disabled: super-admin, as every request may do everything)" })
  role!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The id of the key that asked (null when auth is disabled)' })
  keyId!: string | null;

  @ApiProperty({
    type: [String],
    example: ['deals:read', 'deals:write', 'read-models:read'],
    description: "What the role may do, as area:access; the console shows only the pages and buttons these allow",
  })
  permissions!: string[];
}
