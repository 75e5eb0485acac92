import { Field, Int, ObjectType } from "type-graphql";
import { UpstreamModeEnum } from "./upstream-mode.enum.js";

@ObjectType({ description: "The limits a request must stay within." })
export class GatewayLimitsInfo {
  @Field(() => Int, { description: "The largest `first` a list accepts." })
  maxPageSize!: number;

  @Field(() => Int, { description: "The deepest field nesting an operation may have." })
  maxQueryDepth!: number;

  @Field(() => Int, { description: "The highest estimated cost: fields, multiplied by page sizes." })
  maxQueryCost!: number;

  @Field(() => Int, { description: "The largest request body in bytes." })
  maxBodyBytes!: number;
}

@ObjectType({ description: "A seeded login of the embedded emulator (emulator mode only)." })
export class DemoUserInfo {
  @Field(() => String, { description: "The demo user's full name." })
  name!: string;

  @Field(() => String, { description: "The demo user's e-mail: the login's user name." })
  email!: string;

  @Field(() => String, {
    description: "The emulator's fixed demo API key (not a secret: it only opens the local emulator).",
  })
  apiKey!: string;

  @Field(() => String, {
    nullable: true,
    description: "Who the demo user is (owner, member, guest, another tenant…) and what they may see.",
  })
  description!: string | null;
}

@ObjectType({ description: "Facts about this gateway, for clients and the playground." })
export class GatewayInfo {
  @Field(() => String, { description: "The gateway's version." })
  version!: string;

  @Field(() => UpstreamModeEnum, {
    description: "Whether a real platform or the embedded emulator is served.",
  })
  upstream!: UpstreamModeEnum;

  @Field(() => GatewayLimitsInfo, { description: "The limits this gateway enforces on each request." })
  limits!: GatewayLimitsInfo;

  @Field(() => [DemoUserInfo], {
    description: "Demo logins of the embedded emulator; empty for a real platform.",
  })
  demoUsers!: DemoUserInfo[];
}
