import { Field, ID, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";

@ObjectType("User", { description: "A platform user: the caller (`me`) or a flow's author." })
export class UserType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  firstName!: string;

  @Field(() => String)
  lastName!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String, { nullable: true })
  company?: string;

  @Field(() => DateTimeScalar, { nullable: true })
  registeredAt?: string;

  @Field(() => DateTimeScalar, { nullable: true })
  lastLoginAt?: string;
}
