/**
 * POSTs a JSON body with the given headers, bounded by `timeoutMs`; any answer but 2xx throws (so the outbox retries).
 * Shared by the ticket webhook and the alert channels. Errors name the answer's status, never the URL (a Slack or
 * Teams webhook URL is itself a secret).
 */
export const postJson = async (
  url: string,
  body: string,
  headers: Readonly<Record<string, string>>,
  timeoutMs: number,
): Promise<void> => {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`the webhook answered HTTP ${response.status}`);
};
