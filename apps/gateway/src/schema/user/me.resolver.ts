import { Ctx, Query, Resolver } from "type-graphql";
import type { GatewayContext } from "../../context.js";
import { UserType } from "./user.type.js";

@Resolver(() => UserType)
export class MeResolver {
  @Query(() => UserType, { description: "The caller, as the platform knows them (`GET /v2/users/me`)." })
  async me(@Ctx() context: GatewayContext): Promise<UserType> {
    return (await context.session()).user;
  }
}
