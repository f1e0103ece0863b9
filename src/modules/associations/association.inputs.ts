import { Field, InputType } from 'type-graphql';
import { AidCategory } from '../../shared/enums.js';

@InputType('CreateAssociationInput')
export class CreateAssociationInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  township?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [AidCategory])
  categories!: AidCategory[];
}

@InputType('AssociationFilter')
export class AssociationFilter {
  @Field(() => [String], { nullable: true })
  townships?: string[] | null;

  @Field(() => [AidCategory], { nullable: true })
  categories?: AidCategory[] | null;

  @Field(() => Boolean, { nullable: true })
  verified?: boolean | null;

  @Field(() => String, { nullable: true })
  text?: string | null;
}
