import { connectionOf } from "../common/connection.type.js";
import { ContractType } from "./contract.type.js";

/** A page of contracts. */
export const ContractConnection = connectionOf("Contract", ContractType);
