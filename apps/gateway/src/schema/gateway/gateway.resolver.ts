import { Ctx, Query, Resolver } from "type-graphql";
import type { GatewayContext } from "../../context.js";
import { GATEWAY_VERSION } from "../../version.js";
import { GatewayInfo } from "./gateway-info.type.js";
import { UpstreamModeEnum } from "./upstream-mode.enum.js";

@Resolver(() => GatewayInfo)
export class GatewayResolver {
  @Query(() => GatewayInfo, { description: "Facts about this gateway; needs no credentials." })
  gateway(@Ctx() context: GatewayContext): GatewayInfo {
    const { maxPageSize, maxQueryDepth, maxQueryCost, maxBodyBytes } = context.limits;
    return {
      version: GATEWAY_VERSION,
      upstream: context.upstreamMode === "emulator" ? UpstreamModeEnum.EMULATOR : UpstreamModeEnum.PLATFORM,
      limits: { maxPageSize, maxQueryDepth, maxQueryCost, maxBodyBytes },
      demoUsers: context.demoUsers.map((user) => ({ ...user })),
    };
  }
}
