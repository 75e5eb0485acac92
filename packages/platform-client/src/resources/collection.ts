import { collectionData, readPageMeta, singleData } from "../decode/json-api.js";
import type { CallOptions } from "../http/api-request.js";
import { withQuery } from "../http/api-request.js";
import { type Api, call, decode } from "./api.js";
import { type Page, type PageQuery, pageParams, toPage } from "./page.js";

type QueryValue = string | number | boolean | readonly string[] | undefined;
type ItemDecoder<TItem> = (value: unknown, at: string) => TItem;

/** GETs one JSON:API resource and decodes its `data`. */
export const getOne = async <TItem>(
  api: Api,
  path: string,
  decodeItem: ItemDecoder<TItem>,
  options?: CallOptions,
): Promise<TItem> => {
  const response = await call(api, "GET", path, options);
  return decode(response, (body) => decodeItem(singleData(body), "data"));
};

/** GETs a whole (unpaged) JSON:API collection and decodes every item. */
export const getAll = async <TItem>(
  api: Api,
  path: string,
  decodeItem: ItemDecoder<TItem>,
  options?: CallOptions,
): Promise<TItem[]> => {
  const response = await call(api, "GET", path, options);
  return decode(response, (body) =>
    collectionData(body).map((item, index) => decodeItem(item, `data[${index}]`)),
  );
};

/** GETs one page of a paged JSON:API collection. */
export const getPage = async <TItem>(
  api: Api,
  request: {
    readonly path: string;
    readonly query: Readonly<Record<string, QueryValue>>;
    readonly page: PageQuery;
  },
  decodeItem: ItemDecoder<TItem>,
  options?: CallOptions,
): Promise<Page<TItem>> => {
  const path = withQuery(request.path, { ...request.query, ...pageParams(request.page) });
  const response = await call(api, "GET", path, options);
  return decode(response, (body) => {
    const items = collectionData(body).map((item, index) => decodeItem(item, `data[${index}]`));
    return toPage(items, readPageMeta(body), request.page.pageNumber ?? 1);
  });
};
