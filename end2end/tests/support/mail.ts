import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "@playwright/test";

/** The maildir the test command's SMTP server (aiosmtpd) writes to. */
function maildir(): string {
  const dir = process.env.TRELLIS_TEST_MAILDIR;
  if (!dir) throw new Error("TRELLIS_TEST_MAILDIR is not set: run the specs through scripts/test");
  return dir;
}

/** A message's body as a mail client shows it (quoted-printable undone). */
function decode(raw: string): string {
  const text = raw.replace(/\r\n/g, "\n");
  const split = text.indexOf("\n\n");
  const headers = text.slice(0, split).toLowerCase();
  const body = text.slice(split + 2);
  if (headers.includes("content-transfer-encoding: base64")) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (!headers.includes("content-transfer-encoding: quoted-printable")) return body;
  const bytes = Buffer.from(body.replace(/=\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))), "latin1");
  return bytes.toString("utf8");
}

/** Waits for the email to `to` and returns the first link in it under `prefix`. */
export async function linkFromEmail(to: string, prefix: string): Promise<string> {
  let link = "";
  await expect
    .poll(
      () => {
        // Oldest first, so the newest matching message wins.
        const files = ["new", "cur"]
          .map((sub) => path.join(maildir(), sub))
          .filter((dir) => fs.existsSync(dir))
          .flatMap((dir) => fs.readdirSync(dir).map((name) => path.join(dir, name)))
          .sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs);
        {
          for (const file of files) {
            const raw = fs.readFileSync(file, "utf8");
            if (!raw.includes(`X-RcptTo: ${to}`)) continue;
            const match = decode(raw).match(new RegExp(`https?://\\S+${prefix}/\\S+`));
            if (match) link = match[0];
          }
        }
        return link;
      },
      { timeout: 15_000, message: `an email to ${to}` },
    )
    .not.toBe("");
  return link;
}

/** Every message delivered to `to` so far, raw. */
function messagesTo(to: string): string[] {
  return ["new", "cur"]
    .map((sub) => path.join(maildir(), sub))
    .filter((dir) => fs.existsSync(dir))
    .flatMap((dir) => fs.readdirSync(dir).map((name) => fs.readFileSync(path.join(dir, name), "utf8")))
    .filter((raw) => raw.includes(`X-RcptTo: ${to}`));
}

/** An RFC 2047 header (`=?utf-8?b?…?=` words) as text. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toLowerCase() === "b"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(
            text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, h) => String.fromCharCode(parseInt(h, 16))),
            "latin1",
          ).toString("utf8"),
    );
}

/** Waits for an email to `to` whose subject contains `subject`; returns its subject and body. */
export async function emailTo(to: string, subject: string): Promise<{ subject: string; body: string }> {
  let found = { subject: "", body: "" };
  await expect
    .poll(
      () => {
        for (const raw of messagesTo(to)) {
          const header = raw.replace(/\r\n/g, "\n").match(/^Subject: (.*(?:\n[ \t].*)*)/m);
          const text = header ? decodeHeader(header[1].replace(/\n[ \t]/g, " ")) : "";
          if (text.includes(subject)) found = { subject: text, body: decode(raw) };
        }
        return found.subject;
      },
      { timeout: 15_000, message: `an email to ${to} about “${subject}”` },
    )
    .not.toBe("");
  return found;
}

/** Waits for an email to `to` carrying header `name`; returns the header's value (unfolded). */
export async function headerOfEmail(to: string, name: string): Promise<string> {
  let value = "";
  await expect
    .poll(
      () => {
        for (const message of messagesTo(to)) {
          const raw = message.replace(/\r\n/g, "\n");
          const headers = raw.slice(0, raw.indexOf("\n\n")).replace(/\n[ \t]+/g, " ");
          const line = headers.split("\n").find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
          if (line) value = line.slice(name.length + 1).trim();
        }
        return value;
      },
      { timeout: 20_000, message: `an email to ${to} with ${name}` },
    )
    .not.toBe("");
  return value;
}

/** Waits for an email to `to` and returns its HTML part as sent (transfer encoding undone). */
export async function htmlOfEmail(to: string): Promise<string> {
  let html = "";
  await expect
    .poll(
      () => {
        for (const message of messagesTo(to)) {
          const raw = message.replace(/\r\n/g, "\n");
          const start = raw.search(/^Content-Type: text\/html/im);
          if (start < 0) continue;
          const part = raw.slice(start);
          const end = part.search(/\n--[^\n]+\n?/);
          html = decode(end > 0 ? part.slice(0, end) : part);
        }
        return html;
      },
      { timeout: 20_000, message: `an HTML email to ${to}` },
    )
    .not.toBe("");
  return html;
}
