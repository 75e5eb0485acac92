import type { DataSample } from "@flowdoctor/core";
import { decodeDataSample } from "../decode/data-sample.js";
import { PlatformError } from "../errors.js";
import { type CallOptions, segment, withQuery } from "../http/api-request.js";
import { type Api, requireId } from "./api.js";
import { getAll, getOne } from "./collection.js";

/** The data sample endpoints (§1.13). */
export const dataSamplesApi = (api: Api) => ({
  /** One data sample (`GET /v2/data-samples/{id}`). */
  getDataSample: async (sampleId: string, options?: CallOptions): Promise<DataSample> =>
    getOne(
      api,
      `/v2/data-samples/${segment(requireId("getDataSample", "sampleId", sampleId))}`,
      decodeDataSample,
      options,
    ),
  /** Several data samples by id, e.g. a node's `selectedDataSamples` (`GET /v2/data-samples?filter[id]=a,b`). */
  listDataSamples: async (sampleIds: readonly string[], options?: CallOptions): Promise<DataSample[]> => {
    if (!Array.isArray(sampleIds) || sampleIds.length === 0) {
      throw new PlatformError(
        "PLATFORM_INVALID_OPTION",
        "listDataSamples: sampleIds must be a non-empty array of ids",
      );
    }
    const ids = sampleIds.map((id) => requireId("listDataSamples", "sampleIds[]", id)).join(",");
    return getAll(api, withQuery("/v2/data-samples", { "filter[id]": ids }), decodeDataSample, options);
  },
});
