import type { Contract } from "@flowdoctor/core";
import { decodeContract } from "../decode/contract.js";
import { decodeMember, type Member } from "../decode/member.js";
import { type CallOptions, segment } from "../http/api-request.js";
import { type Api, checkPage, requireId } from "./api.js";
import { getAll, getOne, getPage } from "./collection.js";
import { iteratePages, type Page, type PageQuery } from "./page.js";

/** The contract endpoints (§1.6). */
export const contractsApi = (api: Api) => {
  const listContracts = async (query: PageQuery = {}, options?: CallOptions): Promise<Page<Contract>> =>
    getPage(
      api,
      { path: "/v2/contracts/", query: {}, page: checkPage("listContracts", query) },
      decodeContract,
      options,
    );
  return {
    /** One contract (`GET /v2/contracts/{id}`). */
    getContract: async (contractId: string, options?: CallOptions): Promise<Contract> =>
      getOne(
        api,
        `/v2/contracts/${segment(requireId("getContract", "contractId", contractId))}`,
        decodeContract,
        options,
      ),
    /** A contract's members with their roles (`GET /v2/contracts/{id}/members/`). */
    listContractMembers: async (contractId: string, options?: CallOptions): Promise<Member[]> =>
      getAll(
        api,
        `/v2/contracts/${segment(requireId("listContractMembers", "contractId", contractId))}/members/`,
        (value, at) => decodeMember(value, at, "contract-member"),
        options,
      ),
    /** One page of the contracts the user is a member of (server default page size 20). */
    listContracts,
    /** All contracts the user is a member of. */
    iterateContracts: (options?: CallOptions): AsyncGenerator<Contract, void, undefined> =>
      iteratePages((pageNumber) => listContracts({ pageNumber, pageSize: api.pageSize }, options)),
  };
};
