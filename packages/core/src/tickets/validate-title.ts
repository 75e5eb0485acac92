// The guide's first two items: a title that is "not the description of the problem, but just a title", and a
// description with as much information as possible.

import { hasStackFrame, looksLikeLogLine, sentenceCount, wordCount } from "./text-checks.js";
import { TICKET_LIMITS } from "./ticket-limits.js";
import { readText, report, type UnknownRecord, type ValidationContext } from "./validation-context.js";

const SHAPE_CHECK_CHARS = 4 * TICKET_LIMITS.titleMaxLength;
const TITLE_HINT = "A title names the problem in a few words; details belong in the description.";

/** Checks `title` and `description`, and that the title is not (the start of) the description. */
export const validateTitleAndDescription = (ctx: ValidationContext, ticket: UnknownRecord): void => {
  const title = readText(ctx, ticket.title, "title", {
    label: "Title",
    required: ctx.submission,
    hint: `give the issue a short title (a few words, at most ${TICKET_LIMITS.titleMaxLength} characters).`,
    maxLength: TICKET_LIMITS.titleMaxLength,
    singleLine: true,
  });
  const description = readText(ctx, ticket.description, "description", {
    label: "Description",
    required: ctx.submission,
    hint: "say what you expected, what happened instead, and in which step.",
    maxLength: TICKET_LIMITS.descriptionMaxLength,
  });
  if (description !== undefined) checkSubstance(ctx, description);
  // The shape checks look at a bounded prefix: a title beyond the limit is already reported as too long.
  if (title !== undefined) checkTitleShape(ctx, title.slice(0, SHAPE_CHECK_CHARS), description);
};

const checkSubstance = (ctx: ValidationContext, description: string): void => {
  const { descriptionMinLength, descriptionMinWords } = TICKET_LIMITS;
  if (description.trim().length >= descriptionMinLength && wordCount(description) >= descriptionMinWords)
    return;
  const message =
    `Description is too short: write at least ${descriptionMinLength} characters and ${descriptionMinWords} words ` +
    "saying what you expected, what happened instead, and in which step.";
  report(ctx, "description", "TOO_SHORT", message);
};

const checkTitleShape = (ctx: ValidationContext, title: string, description: string | undefined): void => {
  if (hasStackFrame(title)) {
    const message = `Title contains a stack trace. ${TITLE_HINT} Put the stack trace in the error text or the logs.`;
    report(ctx, "title", "TITLE_HAS_LOG", message);
  } else if (looksLikeLogLine(title)) {
    const message = `Title looks like a log line. ${TITLE_HINT} Put log lines in the logs.`;
    report(ctx, "title", "TITLE_HAS_LOG", message);
  }
  if (sentenceCount(title) > 1) {
    report(ctx, "title", "TITLE_IS_DESCRIPTION", `Title has several sentences. ${TITLE_HINT}`);
    return;
  }
  if (description !== undefined) checkTitleAgainstDescription(ctx, title, description);
};

// A title equal to the description, or the description cut off mid-sentence, is the description again. A title
// that is the description's complete first sentence or line (followed by ".", ":", a line break…) is accepted.
const checkTitleAgainstDescription = (ctx: ValidationContext, title: string, description: string): void => {
  const shortTitle = foldLines(title).replace(TRAILING_PUNCTUATION, "");
  const text = foldLines(description);
  if (shortTitle === "" || !text.startsWith(shortTitle)) return;
  if (text.replace(TRAILING_PUNCTUATION, "") === shortTitle) {
    report(ctx, "title", "TITLE_IS_DESCRIPTION", `Title is the same as the description. ${TITLE_HINT}`);
    return;
  }
  const next = text.charAt(shortTitle.length);
  if (next !== " " && next !== ",") return;
  const message = `Title is the beginning of the description, cut off mid-sentence. ${TITLE_HINT}`;
  report(ctx, "title", "TITLE_IS_DESCRIPTION", message);
};

const TRAILING_PUNCTUATION = /[.!?:;,]+$/;

/** Case folded, runs of spaces collapsed, line breaks kept (they end a sentence-like title). */
const foldLines = (text: string): string =>
  text
    .replace(/[^\S\n]+/g, " ")
    .replace(/ ?\n[\s]*/g, "\n")
    .trim()
    .toLowerCase();
