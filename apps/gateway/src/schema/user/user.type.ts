import { Field, ID, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";

@ObjectType("User", { description: "A platform user: the caller (`me`) or a flow's author." })
export class UserType {
  @Field(() => ID, { description: "The user's platform id (24 hex characters)." })
  id!: string;

  @Field(() => String, { description: "The user's first name." })
  firstName!: string;

  @Field(() => String, { description: "The user's last name." })
  lastName!: string;

  @Field(() => String, { description: "The user's e-mail address: the login." })
  email!: string;

  @Field(() => String, { description: "The company the user gave, if any.", nullable: true })
  company?: string;

  @Field(() => DateTimeScalar, { description: "When the user signed up.", nullable: true })
  registeredAt?: string;

  @Field(() => DateTimeScalar, { description: "When the user last logged in to the app.", nullable: true })
  lastLoginAt?: string;
}
