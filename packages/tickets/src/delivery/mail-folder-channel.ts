import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createTransport } from "nodemailer";
import type { DeliveryChannel } from "./delivery-channel.js";
import { mailOptionsOf } from "./mail-options.js";

/**
 * Writes each ticket as `<folder>/FD-1042.eml`, the e-mail that would be sent, so the embedded set-up works with
 * no mail server. The file appears whole (written aside, then renamed); delivering again replaces it.
 */
export const createMailFolderChannel = (folder: string): DeliveryChannel => {
  const composer = createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    name: "mail-folder",
    target: folder,
    deliver: async (message) => {
      const info = await composer.sendMail(mailOptionsOf(message));
      await mkdir(folder, { recursive: true });
      const file = join(folder, `${message.key}.eml`);
      const partial = `${file}.${process.pid}.partial`;
      await writeFile(partial, info.message as Buffer);
      await rename(partial, file);
    },
    close: async () => composer.close(),
  };
};
